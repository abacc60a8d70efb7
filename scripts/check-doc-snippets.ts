/**
 * Keeps the guides' code compiled: every ```ts block in `docs/*.md` must be preceded by a
 * `<!-- snippet: <file>[#<region>] -->` comment and equal that file of `docs/snippets/` (or the
 * marked region of it), and the snippet files are typechecked by `pnpm typecheck`.
 *
 * Regions are marked in a snippet with `// #region name` and `// #endregion name`; a name may mark
 * several parts (imports at the top, code inside a function), shown dedented and joined by a blank
 * line; the markers of other regions are left out.
 *
 * Usage: `pnpm check:docs` (report), `pnpm check:docs --write` (copy the snippets into the guides),
 * `pnpm check:docs --extract docs/<guide>.md` (move a guide's unreferenced blocks into snippet files).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A ts code block of a guide and the snippet it names. */
export interface DocCodeBlock {
  /** The guide, relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The block's lines, fences excluded. */
  content: string;
  /** `path#region` from the comment above, or null when there is none. */
  reference: string | null;
  /** Index range of the content lines in the guide (for `--write`). */
  contentLines: { start: number; end: number };
}

/** Something wrong with a guide's code. */
export interface DocSnippetProblem {
  file: string;
  line: number;
  message: string;
}

/** What a check found. */
export interface DocSnippetReport {
  /** Blocks checked (all guides). */
  blocks: number;
  /** Problems in guides that must be clean. */
  problems: DocSnippetProblem[];
  /** Problems in guides listed as pending conversion (reported, not failing). */
  pending: DocSnippetProblem[];
  /** Pending guides that have no problem left: take them off the list. */
  pendingButClean: string[];
}

/** Where the guides and snippets live. */
export interface DocSnippetLayout {
  /** Repository root. */
  root: string;
  /** Guides directory, relative to the root (default `docs`). */
  docsDir?: string;
  /** Snippets directory, relative to the root (default `docs/snippets`). */
  snippetsDir?: string;
  /** Guides (relative to the root) whose blocks are not converted yet, with the reason. */
  pending?: Readonly<Record<string, string>>;
}

const typeScriptFences = new Set(['ts', 'typescript', 'tsx', 'mts']);
const referencePattern = /^<!--\s*snippet:\s*([^\s#]+)(?:#([\w.-]+))?\s*-->$/;
const regionStart = /^\s*\/\/\s*#region\s+([\w.-]+)\s*$/;
const regionEnd = /^\s*\/\/\s*#endregion\b/;

/**
 * Finds the fenced code blocks of a guide that hold TypeScript.
 * @param file - path reported in problems
 * @param text - the guide's text
 * @returns the blocks, in order
 */
export function readCodeBlocks(file: string, text: string): DocCodeBlock[] {
  const lines = text.split('\n');
  const blocks: DocCodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[index]!);
    if (!open) continue;
    const fence = open[2]!;
    let end = index + 1;
    while (end < lines.length && !lines[end]!.trim().startsWith(fence)) end++;
    if (typeScriptFences.has(open[3]!.toLowerCase())) {
      let previous = index - 1;
      while (previous >= 0 && lines[previous]!.trim() === '') previous--;
      const match = previous >= 0 ? referencePattern.exec(lines[previous]!.trim()) : null;
      blocks.push({
        file,
        line: index + 1,
        content: lines.slice(index + 1, end).join('\n'),
        reference: match ? (match[2] ? `${match[1]}#${match[2]}` : match[1]!) : null,
        contentLines: { start: index + 1, end },
      });
    }
    index = end;
  }
  return blocks;
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut));
}

function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/**
 * The text a reference stands for: the whole snippet file, or every part marked with the region's
 * name (dedented, joined by a blank line), without region markers.
 * @param text - the snippet file's text
 * @param region - the region name, or null for the whole file
 * @returns the text, or null when the region does not exist
 */
export function snippetText(text: string, region: string | null): string | null {
  const lines = text.split('\n');
  if (region === null) return trimBlankEnds(lines.filter((line) => !regionStart.test(line) && !regionEnd.test(line))).join('\n');
  const open: string[] = [];
  const parts: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const start = regionStart.exec(line);
    if (start) {
      open.push(start[1]!);
      if (start[1] === region && current === null) current = [];
      continue;
    }
    if (regionEnd.test(line)) {
      const closed = open.pop();
      if (closed === region && current !== null && !open.includes(region)) {
        parts.push(dedent(trimBlankEnds(current)));
        current = null;
      }
      continue;
    }
    current?.push(line);
  }
  if (current !== null) parts.push(dedent(trimBlankEnds(current)));
  return parts.length > 0 ? parts.map((part) => part.join('\n')).join('\n\n') : null;
}

function firstDifference(expected: string, actual: string): string {
  const left = expected.split('\n');
  const right = actual.split('\n');
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    if (left[index] !== right[index]) {
      return `line ${index + 1} of the block differs:\n  guide:   ${JSON.stringify(right[index] ?? '<end>')}\n  snippet: ${JSON.stringify(left[index] ?? '<end>')}`;
    }
  }
  return 'the block differs';
}

function guidesOf(root: string, docsDir: string): string[] {
  const directory = join(root, docsDir);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(directory, name));
}

/**
 * Checks every guide's ts blocks against the snippets.
 * @param layout - root, directories and the pending list
 * @returns the blocks checked and the problems found
 */
export function checkDocSnippets(layout: DocSnippetLayout): DocSnippetReport {
  const snippetsDir = join(layout.root, layout.snippetsDir ?? 'docs/snippets');
  const pendingList = layout.pending ?? {};
  const report: DocSnippetReport = { blocks: 0, problems: [], pending: [], pendingButClean: [] };
  for (const path of guidesOf(layout.root, layout.docsDir ?? 'docs')) {
    const file = relative(layout.root, path);
    const found: DocSnippetProblem[] = [];
    for (const block of readCodeBlocks(file, readFileSync(path, 'utf8'))) {
      report.blocks++;
      const problem = (message: string) => found.push({ file, line: block.line, message });
      if (block.reference === null) {
        problem('a ```ts block needs a `<!-- snippet: <file>#<region> -->` line above it naming the docs/snippets file it shows');
        continue;
      }
      const [snippetFile, region = null] = block.reference.split('#') as [string, string?];
      const snippetPath = resolve(snippetsDir, snippetFile);
      if (!snippetPath.startsWith(snippetsDir) || !existsSync(snippetPath)) {
        problem(`snippet file ${snippetFile} does not exist in ${relative(layout.root, snippetsDir)}`);
        continue;
      }
      const expected = snippetText(readFileSync(snippetPath, 'utf8'), region);
      if (expected === null) {
        problem(`${snippetFile} has no region "${region}"`);
        continue;
      }
      if (expected !== block.content) problem(`block differs from ${block.reference}: ${firstDifference(expected, block.content)}`);
    }
    if (file in pendingList) {
      report.pending.push(...found);
      if (found.length === 0) report.pendingButClean.push(file);
    } else {
      report.problems.push(...found);
    }
  }
  return report;
}

/**
 * Rewrites the guides' referenced blocks with their snippets' current text.
 * @param layout - root and directories
 * @returns the guides changed
 */
export function writeDocSnippets(layout: DocSnippetLayout): string[] {
  const snippetsDir = join(layout.root, layout.snippetsDir ?? 'docs/snippets');
  const changed: string[] = [];
  for (const path of guidesOf(layout.root, layout.docsDir ?? 'docs')) {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const blocks = readCodeBlocks(path, text).reverse();
    let touched = false;
    for (const block of blocks) {
      if (block.reference === null) continue;
      const [snippetFile, region = null] = block.reference.split('#') as [string, string?];
      const snippetPath = resolve(snippetsDir, snippetFile);
      if (!existsSync(snippetPath)) continue;
      const expected = snippetText(readFileSync(snippetPath, 'utf8'), region);
      if (expected === null || expected === block.content) continue;
      lines.splice(block.contentLines.start, block.contentLines.end - block.contentLines.start, ...expected.split('\n'));
      touched = true;
    }
    if (touched) {
      writeFileSync(path, lines.join('\n'));
      changed.push(relative(layout.root, path));
    }
  }
  return changed;
}

/**
 * Moves a guide's unreferenced ts blocks into snippet files (`docs/snippets/<guide>/block-<n>.ts`)
 * and puts the reference above each block: the first step of converting a guide, after which the
 * snippet files need the imports and declarations that make them typecheck.
 * @param layout - root and directories
 * @param guide - the guide, relative to the root
 * @returns the snippet files written, relative to the root
 */
export function extractDocSnippets(layout: DocSnippetLayout, guide: string): string[] {
  const snippetsDir = join(layout.root, layout.snippetsDir ?? 'docs/snippets');
  const path = join(layout.root, guide);
  const name = guide.replace(/^.*\//, '').replace(/\.md$/, '');
  const lines = readFileSync(path, 'utf8').split('\n');
  const written: string[] = [];
  const blocks = readCodeBlocks(guide, lines.join('\n')).filter((block) => block.reference === null);
  blocks.forEach((block, index) => {
    const file = join(snippetsDir, name, `block-${index + 1}.ts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${block.content}\n`);
    written.push(relative(layout.root, file));
  });
  for (const [index, block] of [...blocks.entries()].reverse()) {
    lines.splice(block.line - 1, 0, `<!-- snippet: ${name}/block-${index + 1}.ts -->`);
  }
  if (blocks.length > 0) writeFileSync(path, lines.join('\n'));
  return written;
}

/** Guides whose code blocks are not tied to snippets yet, read from `scripts/doc-snippets-pending.json`. */
export function readPendingGuides(root: string): Record<string, string> {
  const path = join(root, 'scripts/doc-snippets-pending.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..');
  const layout = { root, pending: readPendingGuides(root) };
  const extract = process.argv.indexOf('--extract');
  if (extract >= 0) {
    const guide = process.argv[extract + 1];
    if (!guide) throw new Error('--extract needs a guide, such as docs/zendesk.md');
    const written = extractDocSnippets(layout, guide);
    console.log(written.length > 0 ? `Wrote ${written.join(', ')}: add what they need to typecheck` : `${guide} has no unreferenced ts block`);
  }
  if (process.argv.includes('--write')) {
    const changed = writeDocSnippets(layout);
    console.log(changed.length > 0 ? `Updated ${changed.join(', ')}` : 'Every block already matches its snippet');
  }
  const report = checkDocSnippets(layout);
  for (const problem of report.pending) console.warn(`pending  ${problem.file}:${problem.line} ${problem.message}`);
  for (const file of report.pendingButClean) console.warn(`${file} is clean: remove it from scripts/doc-snippets-pending.json`);
  for (const problem of report.problems) console.error(`${problem.file}:${problem.line} ${problem.message}`);
  console.log(`${report.blocks} ts blocks checked, ${report.problems.length} problems, ${report.pending.length} pending`);
  process.exitCode = report.problems.length > 0 ? 1 : 0;
}
