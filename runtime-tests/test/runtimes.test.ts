import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.tmp', 'smoke.mjs');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

beforeAll(async () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  // A neutral bundle: workspace sources, WebCrypto instead of node:crypto, no Node built-ins.
  await build({
    entryPoints: [join(root, 'src', 'smoke.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['@throughline/source', 'worker', 'browser', 'import', 'default'],
    outfile: bundle,
    logLevel: 'silent',
  });
}, 120_000);

function run(command: string, args: string[]): { results: Record<string, number>; identities: string[]; types: string[] } {
  const output = execFileSync(command, [...args, bundle], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return JSON.parse(output.trim().split('\n').pop()!);
}

const runtimes: Array<[string, string, string[]]> = [
  ['Node', process.execPath, []],
  ['Bun', bin('bun'), ['run']],
  ['Deno', bin('deno'), ['run', '--allow-env', '--allow-read']],
];

describe.each(runtimes)('core and adapters on %s', (name, command, args) => {
  it.skipIf(!existsSync(command))(`ingests signed Shopify, Twilio and mock webhooks on ${name} with WebCrypto`, () => {
    const outcome = run(command, args);
    expect(outcome.results).toEqual({ shopify: 200, twilio: 200, tampered: 401, mock: 200 });
    expect(outcome.identities).toEqual(expect.arrayContaining(['email:ana@example.com', 'phone:+15024592181', 'shopify:customer:115310627314723954']));
    expect(outcome.types).toEqual(expect.arrayContaining(['order.placed', 'message.received']));
    expect(outcome.types.filter((type) => type === 'message.received')).toHaveLength(2);
  });
});
