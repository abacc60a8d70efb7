import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const entriesDir = join(root, 'scripts/typedoc-entries');

/** Every public entry point of the workspace's packages: `@throughline/x/sub` → source file. */
function publicEntryPoints(): Map<string, string> {
  const out = new Map<string, string>();
  for (const directory of readdirSync(join(root, 'packages'))) {
    const manifestPath = join(root, 'packages', directory, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; private?: boolean; exports?: Record<string, unknown> };
    if (manifest.private) continue;
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const source = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)['@throughline/source'] : undefined;
      if (typeof source !== 'string') continue;
      out.set(`${manifest.name}${subpath === '.' ? '' : subpath.slice(1)}`, join('packages', directory, source));
    }
  }
  return out;
}

describe('API reference entry points', () => {
  it('typedoc documents exactly the entry points the packages export, each under its import name', () => {
    const documented = new Map<string, string>();
    for (const file of readdirSync(entriesDir).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(join(entriesDir, file), 'utf8');
      const moduleName = /@module (\S+)/.exec(text)?.[1];
      const target = /export \* from '([^']+)';/.exec(text)?.[1];
      expect(moduleName, file).toBeDefined();
      expect(target, file).toBeDefined();
      documented.set(moduleName!, join('scripts/typedoc-entries', `${target}.ts`));
    }
    expect(Object.fromEntries([...documented].sort())).toEqual(Object.fromEntries([...publicEntryPoints()].sort()));
    const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { entryPoints: string[]; out: string };
    expect(config).toMatchObject({ entryPoints: ['scripts/typedoc-entries/*.ts'], out: 'docs/reference' });
  });
});
