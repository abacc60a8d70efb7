/**
 * Keeps the API reference complete: converts the public entry points with typedoc (as `pnpm docs`
 * does) and reports every exported declaration of the workspace's packages that has no TSDoc, and
 * every exported function whose TSDoc lacks a `@param` for a parameter, `@returns` for a value it
 * returns, `@throws` when its body throws, or an `@example`.
 *
 * Only declarations written in `packages/<name>/src` are held to this: properties that exist only
 * inside a dependency's types (the `{ a: 'a' }` records of `z.enum`, for instance) have no source to
 * document and are not reported. A declaration shown in several places (a schema's inferred type
 * inlined into many interfaces) is reported once, at its source.
 *
 * Usage: `pnpm check:tsdoc` (`--pending` lists the pending problems too). Source paths listed in `scripts/tsdoc-pending.json` (prefixes, with the
 * reason) are reported as pending without failing the check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import {
  Application,
  type Comment,
  DeclarationReflection,
  type ProjectReflection,
  type Reflection,
  ReflectionKind,
  ReflectionType,
  SignatureReflection,
  TSConfigReader,
  TypeDocReader,
  type SomeType,
} from 'typedoc';

/** Something missing from the TSDoc of one declaration. */
export interface TsdocProblem {
  /** Source file, relative to the repository root. */
  file: string;
  /** 1-based line of the declaration. */
  line: number;
  /** The declaration as the reference names it, such as `@throughline/core.Customer.tenantId`. */
  name: string;
  /** What kind of declaration it is (`Property`, `Function`, …). */
  kind: string;
  /** What is missing. */
  missing: TsdocGap[];
}

/** A part of the TSDoc a declaration lacks. */
export type TsdocGap = 'summary' | 'example' | 'returns' | 'throws' | `param ${string}`;

/** What a check found. */
export interface TsdocReport {
  /** Exported declarations of the packages that were checked (each source declaration once). */
  declarations: number;
  /** Problems outside the pending paths: these fail the check. */
  problems: TsdocProblem[];
  /** Problems under a pending path: reported, not failing. */
  pending: TsdocProblem[];
  /** Pending paths without any problem left: take them off the list. */
  pendingButClean: string[];
}

/** Kinds whose declarations need a summary (typedoc's default `requiredToBeDocumented`). */
const documentedKinds =
  ReflectionKind.Enum |
  ReflectionKind.EnumMember |
  ReflectionKind.Variable |
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.Property |
  ReflectionKind.Method |
  ReflectionKind.Accessor |
  ReflectionKind.TypeAlias;

const packageSource = /^packages\/[^/]+\/src\//;

function sourceOf(reflection: Reflection, root: string): { file: string; line: number } | undefined {
  const source = (reflection instanceof DeclarationReflection || reflection instanceof SignatureReflection ? reflection.sources : undefined)?.[0];
  if (!source?.fullFileName) return undefined;
  const file = relative(root, source.fullFileName);
  return packageSource.test(file) ? { file, line: source.line } : undefined;
}

function insideParameter(reflection: Reflection): boolean {
  for (let parent = reflection.parent; parent; parent = parent.parent) {
    if (parent.kindOf(ReflectionKind.Parameter)) return true;
  }
  return false;
}

function hasSummary(comment: Comment | undefined): boolean {
  return comment?.summary.some((part) => part.text.trim() !== '') === true;
}

function returnsNothing(type: SomeType | undefined): boolean {
  if (!type) return true;
  const text = type.toString();
  return text === 'void' || text === 'never' || text === 'undefined' || text === 'Promise<void>' || text === 'Promise<undefined>';
}

const sourceFiles = new Map<string, ts.SourceFile>();

function sourceFileOf(path: string): ts.SourceFile {
  let file = sourceFiles.get(path);
  if (!file) {
    file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    sourceFiles.set(path, file);
  }
  return file;
}

/** Whether a function body has a `throw` of its own (nested functions and classes aside). */
function bodyThrows(body: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isThrowStatement(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/**
 * Whether the function declared at a line of a source file throws in its own body: the `@throws`
 * it must document. Throws of the functions it calls are not seen.
 * @param path - the source file
 * @param line - 1-based line of the function's name
 * @returns true when its body has a `throw` statement
 * @example
 * const source = reflection.sources![0]!;
 * throwsDirectly(source.fullFileName, source.line); // true when the function has a `throw` of its own
 */
export function throwsDirectly(path: string, line: number): boolean {
  const file = sourceFileOf(path);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const name = ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) ? node.name : undefined;
    if (name && file.getLineAndCharacterOfPosition(name.getStart(file)).line + 1 === line) {
      const body = ts.isFunctionDeclaration(node)
        ? node.body
        : ts.isVariableDeclaration(node) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
          ? node.initializer.body
          : undefined;
      found = body !== undefined && bodyThrows(body);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * What the TSDoc of one exported function lacks: `@param` for each parameter, `@returns` unless it
 * returns nothing, `@throws` when its body throws, and an `@example`.
 * @param signature - one call signature of the function
 * @returns the gaps, empty when the TSDoc is complete
 */
export function functionGaps(signature: SignatureReflection): TsdocGap[] {
  const comment = signature.comment ?? signature.parent.comment;
  const gaps: TsdocGap[] = [];
  if (!hasSummary(comment)) gaps.push('summary');
  for (const parameter of signature.parameters ?? []) {
    if (!hasSummary(parameter.comment)) gaps.push(`param ${parameter.name}`);
  }
  if (!returnsNothing(signature.type) && !comment?.getTag('@returns')) gaps.push('returns');
  const source = signature.parent.sources?.[0] ?? signature.sources?.[0];
  if (source?.fullFileName && !comment?.getTag('@throws') && throwsDirectly(source.fullFileName, source.line)) gaps.push('throws');
  if (!comment?.getTag('@example')) gaps.push('example');
  return gaps;
}

/** The reflections typedoc's `notDocumented` validation looks at, resolved the same way. */
function undocumented(project: ProjectReflection): Reflection[] {
  const queue: Reflection[] = project.getReflectionsByKind(documentedKinds);
  const seen = new Set<Reflection>();
  const out: Reflection[] = [];
  while (queue.length > 0) {
    const reflection = queue.shift()!;
    if (seen.has(reflection) || insideParameter(reflection)) continue;
    seen.add(reflection);
    if (reflection instanceof DeclarationReflection) {
      const signatures = reflection.type instanceof ReflectionType ? reflection.type.declaration.getNonIndexSignatures() : reflection.getNonIndexSignatures();
      if (signatures.length > 0) {
        queue.push(...signatures);
        if (reflection.kindOf(ReflectionKind.SignatureContainer)) continue;
      }
    }
    const documented = reflection.hasComment() || (reflection.kindOf(ReflectionKind.SomeSignature) && reflection.parent?.hasComment() === true);
    if (!documented) out.push(reflection);
  }
  return out;
}

/**
 * Converts the entry points of `typedoc.json` and checks the TSDoc of every exported declaration.
 * @param root - the repository root (where `typedoc.json` is)
 * @param pending - source path prefixes (relative to the root) whose problems do not fail the check, with the reason
 * @returns the declarations checked and the problems found
 * @throws Error when typedoc cannot convert the project
 * @example
 * const report = await checkTsdoc(process.cwd(), readTsdocPending(process.cwd()));
 * for (const problem of report.problems) console.error(`${problem.file}:${problem.line} ${problem.name}: ${problem.missing.join(', ')}`);
 */
export async function checkTsdoc(root: string, pending: Readonly<Record<string, string>> = {}): Promise<TsdocReport> {
  const app = await Application.bootstrapWithPlugins({ options: join(root, 'typedoc.json'), logLevel: 'Error' }, [new TypeDocReader(), new TSConfigReader()]);
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert the entry points');

  const found = new Map<string, TsdocProblem>();
  const record = (reflection: Reflection, gaps: TsdocGap[]) => {
    const at = sourceOf(reflection instanceof SignatureReflection ? reflection.parent : reflection, root) ?? sourceOf(reflection, root);
    if (!at || gaps.length === 0) return;
    const owner = reflection instanceof SignatureReflection ? reflection.parent : reflection;
    const key = `${at.file}:${at.line}:${owner.name}`;
    const name = owner.getFriendlyFullName();
    const known = found.get(key);
    if (known) {
      for (const gap of gaps) if (!known.missing.includes(gap)) known.missing.push(gap);
      // Name it where it is declared rather than where a type inlines it: the shortest path wins.
      if (name.length < known.name.length) known.name = name;
      return;
    }
    found.set(key, { ...at, name, kind: ReflectionKind[owner.kind] ?? String(owner.kind), missing: [...gaps] });
  };

  const declarations = new Set<string>();
  for (const reflection of project.getReflectionsByKind(documentedKinds)) {
    const at = sourceOf(reflection, root);
    if (at && !insideParameter(reflection)) declarations.add(`${at.file}:${at.line}:${reflection.name}`);
  }
  for (const reflection of undocumented(project)) record(reflection, ['summary']);
  for (const reflection of project.getReflectionsByKind(ReflectionKind.Function)) {
    if (!(reflection instanceof DeclarationReflection)) continue;
    for (const signature of reflection.getNonIndexSignatures()) record(signature, functionGaps(signature));
  }

  const report: TsdocReport = { declarations: declarations.size, problems: [], pending: [], pendingButClean: [] };
  const prefixes = Object.keys(pending);
  const used = new Set<string>();
  const sorted = [...found.values()].sort((left, right) => left.file.localeCompare(right.file) || left.line - right.line);
  for (const problem of sorted) {
    const prefix = prefixes.find((candidate) => problem.file.startsWith(candidate));
    if (prefix === undefined) {
      report.problems.push(problem);
    } else {
      used.add(prefix);
      report.pending.push(problem);
    }
  }
  report.pendingButClean = prefixes.filter((prefix) => !used.has(prefix));
  return report;
}

/**
 * Source paths whose TSDoc is not complete yet, read from `scripts/tsdoc-pending.json`.
 * @param root - the repository root
 * @returns path prefix → reason
 * @example
 * readTsdocPending(process.cwd()); // { 'packages/core/src/sla/': '…' }
 */
export function readTsdocPending(root: string): Record<string, string> {
  const path = join(root, 'scripts/tsdoc-pending.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

/**
 * One line per problem: where, what, and what is missing.
 * @param problem - a problem of the report
 * @returns the line
 * @example
 * formatTsdocProblem({ file: 'packages/core/src/model/customer.ts', line: 16, name: '@throughline/core.Customer.tenantId', kind: 'Property', missing: ['summary'] });
 * // 'packages/core/src/model/customer.ts:16 Property @throughline/core.Customer.tenantId: summary'
 */
export function formatTsdocProblem(problem: TsdocProblem): string {
  return `${problem.file}:${problem.line} ${problem.kind} ${problem.name}: ${problem.missing.join(', ')}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..');
  const pending = readTsdocPending(root);
  const report = await checkTsdoc(root, pending);
  const pendingCounts = new Map<string, number>();
  for (const problem of report.pending) {
    if (process.argv.includes('--pending')) console.warn(`pending  ${formatTsdocProblem(problem)}`);
    const prefix = Object.keys(pending).find((candidate) => problem.file.startsWith(candidate)) ?? '';
    pendingCounts.set(prefix, (pendingCounts.get(prefix) ?? 0) + 1);
  }
  for (const [prefix, count] of pendingCounts) console.warn(`pending  ${prefix}: ${count} declarations (--pending lists them)`);
  for (const prefix of report.pendingButClean) console.warn(`${prefix} is clean: remove it from scripts/tsdoc-pending.json`);
  for (const problem of report.problems) console.error(formatTsdocProblem(problem));
  console.log(`${report.declarations} declarations checked, ${report.problems.length} problems, ${report.pending.length} pending`);
  process.exitCode = report.problems.length > 0 ? 1 : 0;
}
