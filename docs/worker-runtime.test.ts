// The full hygiene run (tsup builds, publint, are-the-types-wrong, size budgets) is `pnpm check:packages`;
// this is its fast part, on the TypeScript sources, so `pnpm test` catches a Node built-in the moment
// it reaches a runtime-neutral entry point. (It sits in docs/ because vitest collects tests there.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleForWorker, workerEntries } from '../scripts/check-packages';

const root = resolve(import.meta.dirname, '..');

describe('worker runtime', () => {
  it.each(workerEntries)('%s bundles for a worker runtime without Node built-ins', async (entry) => {
    const result = await bundleForWorker(entry, entry, root, ['@throughline/source']);
    expect(result.errors).toEqual([]);
    expect(result.nodeImports).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('names the file that reaches a Node built-in', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'worker-runtime-'));
    writeFileSync(join(directory, 'signature.ts'), "import { createHmac } from 'node:crypto';\nexport const sign = (text: string) => createHmac('sha256', 'k').update(text).digest('hex');\n");
    writeFileSync(join(directory, 'entry.ts'), "export { sign } from './signature';\n");
    const result = await bundleForWorker('./entry.ts', 'fixture', directory);
    expect(result.ok).toBe(false);
    expect(result.nodeImports).toEqual([expect.stringMatching(/signature\.ts → node:crypto$/)]);
  });
});
