import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocSnippets, extractDocSnippets, readPendingGuides, snippetText, writeDocSnippets } from '../scripts/check-doc-snippets';

const root = resolve(import.meta.dirname, '..');

function fixture(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'doc-snippets-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
  return directory;
}

const snippet = [
  "import { a } from 'a';",
  '// #region setup',
  "import { b } from 'b';",
  '// #endregion setup',
  '',
  'export function run(): void {',
  '  // #region setup',
  '  const value = b(a);',
  '  // #region inner',
  '  console.log(value);',
  '  // #endregion inner',
  '  // #endregion setup',
  '}',
  '',
].join('\n');

describe('guides and their snippets', () => {
  it('every ts block of docs/*.md equals its docs/snippets file (guides pending conversion excepted)', () => {
    const report = checkDocSnippets({ root, pending: readPendingGuides(root) });
    expect(report.problems.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([]);
    expect(report.blocks).toBeGreaterThan(10);
  });

  it('a region is every part with its name, dedented and joined, without nested markers', () => {
    expect(snippetText(snippet, 'setup')).toBe("import { b } from 'b';\n\nconst value = b(a);\nconsole.log(value);");
    expect(snippetText(snippet, 'inner')).toBe('console.log(value);');
    expect(snippetText(snippet, null)).toBe(
      "import { a } from 'a';\nimport { b } from 'b';\n\nexport function run(): void {\n  const value = b(a);\n  console.log(value);\n}",
    );
    expect(snippetText(snippet, 'missing')).toBeNull();
  });

  it('reports drift, missing references, unknown files and regions, and skips other languages', () => {
    const block = (reference: string, code: string) => `${reference}\n\n\`\`\`ts\n${code}\n\`\`\`\n`;
    const directory = fixture({
      'docs/snippets/guide/run.ts': snippet,
      'docs/guide.md': [
        '# Guide',
        block('<!-- snippet: guide/run.ts#inner -->', 'console.log(value);'),
        block('<!-- snippet: guide/run.ts#inner -->', 'console.log(other);'),
        block('', 'const unreferenced = 1;'),
        block('<!-- snippet: guide/missing.ts -->', 'x'),
        block('<!-- snippet: guide/run.ts#nope -->', 'x'),
        '```sh\npnpm test\n```',
        '````md\n```ts\nnot a real block\n```\n````',
      ].join('\n'),
    });
    const report = checkDocSnippets({ root: directory });
    expect(report.blocks).toBe(5);
    expect(report.problems.map((problem) => problem.line)).toEqual([10, 16, 22, 28]);
    expect(report.problems[0]?.message).toContain('line 1 of the block differs');
    expect(report.problems[0]?.message).toContain('console.log(other);');
    expect(report.problems[1]?.message).toContain('needs a `<!-- snippet:');
    expect(report.problems[2]?.message).toContain('guide/missing.ts does not exist');
    expect(report.problems[3]?.message).toContain('no region "nope"');
  });

  it('holds problems of pending guides apart and says when a pending guide is clean', () => {
    const directory = fixture({
      'docs/snippets/a.ts': 'export const a = 1;\n',
      'docs/dirty.md': '```ts\nconst x = 1;\n```\n',
      'docs/clean.md': '<!-- snippet: a.ts -->\n```ts\nexport const a = 1;\n```\n',
    });
    const report = checkDocSnippets({ root: directory, pending: { 'docs/dirty.md': 'later', 'docs/clean.md': 'later' } });
    expect(report.problems).toEqual([]);
    expect(report.pending.map((problem) => problem.file)).toEqual(['docs/dirty.md']);
    expect(report.pendingButClean).toEqual(['docs/clean.md']);
  });

  it('--write copies the snippets into the guides, after which the check is clean', () => {
    const directory = fixture({
      'docs/snippets/guide/run.ts': snippet,
      'docs/guide.md': 'Intro\n\n<!-- snippet: guide/run.ts#setup -->\n```ts\nstale\n```\n\nOutro\n\n<!-- snippet: guide/run.ts#inner -->\n```ts\n```\n',
    });
    expect(checkDocSnippets({ root: directory }).problems).toHaveLength(2);
    expect(writeDocSnippets({ root: directory })).toEqual(['docs/guide.md']);
    expect(checkDocSnippets({ root: directory }).problems).toEqual([]);
    expect(readFileSync(join(directory, 'docs/guide.md'), 'utf8')).toBe(
      "Intro\n\n<!-- snippet: guide/run.ts#setup -->\n```ts\nimport { b } from 'b';\n\nconst value = b(a);\nconsole.log(value);\n```\n\nOutro\n\n<!-- snippet: guide/run.ts#inner -->\n```ts\nconsole.log(value);\n```\n",
    );
  });

  it('--extract moves unreferenced blocks into snippet files and references them', () => {
    const directory = fixture({ 'docs/zendesk.md': 'Set up:\n\n```ts\nconst a = 1;\n```\n\nThen:\n```typescript\nconst b = 2;\n```\n' });
    expect(checkDocSnippets({ root: directory }).problems).toHaveLength(2);
    expect(extractDocSnippets({ root: directory }, 'docs/zendesk.md')).toEqual(['docs/snippets/zendesk/block-1.ts', 'docs/snippets/zendesk/block-2.ts']);
    expect(readFileSync(join(directory, 'docs/snippets/zendesk/block-2.ts'), 'utf8')).toBe('const b = 2;\n');
    expect(checkDocSnippets({ root: directory }).problems).toEqual([]);
  });
});
