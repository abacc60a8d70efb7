/**
 * Package hygiene for every published workspace package: builds it with tsup, lints the packed
 * package with publint and are-the-types-wrong (`esm-only` profile), measures the minified and
 * gzipped size of the budgeted entry points against `scripts/package-size-budgets.json`, and
 * bundles core and the adapters for a worker runtime to prove they need no Node built-ins.
 *
 * Usage: `pnpm check:packages [--skip-build] [--only @throughline/core,...] [--json <file>]`.
 * Exits 1 when a package does not build, publint reports an error or warning, attw reports a
 * problem, an entry is over budget, or a worker bundle reaches a Node built-in.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

/** What a package's manifest says, as far as these checks read it. */
interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** A workspace package to check. */
export interface WorkspacePackage {
  name: string;
  directory: string;
  manifest: Manifest;
}

/** Gzipped byte limits of one entry point. */
export interface SizeBudget {
  /** The package's own code, dependencies left out. */
  own: number;
  /** With its dependencies bundled in (peer dependencies left out): what an app ships. */
  withDependencies: number;
}

/** One entry point's measured size. */
export interface SizeFigure {
  entry: string;
  own: number;
  withDependencies: number;
  budget: SizeBudget | null;
  overBudget: boolean;
}

/** The result of bundling one entry point for a worker runtime. */
export interface WorkerBundleResult {
  entry: string;
  ok: boolean;
  /** `importer → node:module` for every Node built-in the bundle reached. */
  nodeImports: string[];
  errors: string[];
}

/** Everything checked for one package. */
export interface PackageReport {
  name: string;
  build: { ok: boolean; seconds: number; output?: string } | null;
  publint: { errors: string[]; warnings: string[]; suggestions: string[] } | null;
  attw: { problems: string[] } | null;
  sizes: SizeFigure[];
  worker: WorkerBundleResult[];
}

/** Entry points bundled for a worker runtime: core's runtime-neutral ones and each adapter's main entry. */
export const workerEntries = ['@throughline/core', '@throughline/core/adapter', '@throughline/core/adapter-utils', '@throughline/shopify', '@throughline/zendesk', '@throughline/twilio'];

/** Export conditions of a worker runtime (Cloudflare Workers, Vercel Edge). */
export const workerConditions = ['worker', 'browser', 'import', 'default'];

/** Resolution kinds the `esm-only` profile of are-the-types-wrong ignores. */
const esmOnlyIgnored = new Set(['node10', 'node16-cjs']);

/**
 * The published packages of the workspace.
 * @returns the packages under `packages/` that are not private
 */
export function workspacePackages(): WorkspacePackage[] {
  return readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name))
    .filter((directory) => existsSync(join(directory, 'package.json')))
    .map((directory) => ({ directory, manifest: JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ directory, manifest }) => ({ name: manifest.name, directory, manifest }));
}

/**
 * The built file an export of a package points at for an importer without the source condition.
 * @param pkg - the package
 * @param subpath - `.` or `./adapter`
 * @returns the absolute path of the ESM file, or null when the export does not exist
 */
export function builtEntryOf(pkg: WorkspacePackage, subpath: string): string | null {
  const target = pkg.manifest.exports?.[subpath];
  if (typeof target === 'string') return join(pkg.directory, target);
  if (typeof target !== 'object' || target === null) return null;
  const conditions = target as Record<string, unknown>;
  const file = conditions.import ?? conditions.default;
  return typeof file === 'string' ? join(pkg.directory, file) : null;
}

function splitSpecifier(specifier: string, packages: ReadonlyArray<WorkspacePackage>): { pkg: WorkspacePackage; subpath: string } {
  const pkg = packages.find((candidate) => specifier === candidate.name || specifier.startsWith(`${candidate.name}/`));
  if (!pkg) throw new Error(`${specifier} is not a workspace package`);
  return { pkg, subpath: specifier === pkg.name ? '.' : `.${specifier.slice(pkg.name.length)}` };
}

async function buildPackage(pkg: WorkspacePackage): Promise<NonNullable<PackageReport['build']>> {
  const started = performance.now();
  try {
    await run('pnpm', ['--filter', pkg.name, 'build'], { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 });
    return { ok: true, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    const output = `${failure.stdout ?? ''}\n${failure.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    return { ok: false, seconds: (performance.now() - started) / 1000, output: output || failure.message };
  }
}

async function lintWithPublint(pkg: WorkspacePackage): Promise<NonNullable<PackageReport['publint']>> {
  const result = await publint({ pkgDir: pkg.directory, pack: 'pnpm', level: 'suggestion' });
  const text = (type: string) => result.messages.filter((message) => message.type === type).map((message) => `${message.code}: ${formatMessage(message, pkg.manifest) ?? ''}`);
  return { errors: text('error'), warnings: text('warning'), suggestions: text('suggestion') };
}

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

async function lintWithAttw(pkg: WorkspacePackage): Promise<NonNullable<PackageReport['attw']>> {
  const directory = mkdtempSync(join(tmpdir(), 'throughline-pack-'));
  try {
    // pnpm pack rewrites `workspace:` ranges, as publishing does.
    await run('pnpm', ['pack', '--pack-destination', directory], { cwd: pkg.directory, maxBuffer: 16 * 1024 * 1024 });
    const tarball = readdirSync(directory).find((name) => name.endsWith('.tgz'));
    if (!tarball) return { problems: ['pnpm pack produced no tarball'] };
    const attw = join(root, 'node_modules/.bin/attw');
    let stdout: string;
    try {
      ({ stdout } = await run(attw, [join(directory, tarball), '--profile', 'esm-only', '--format', 'json'], { maxBuffer: 64 * 1024 * 1024 }));
    } catch (error) {
      stdout = (error as { stdout?: string }).stdout ?? '';
      if (!stdout.trim().startsWith('{')) return { problems: [`attw failed: ${(error as Error).message}`] };
    }
    const report = JSON.parse(stdout) as { problems?: Record<string, AttwProblem[]> };
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => problem.resolutionKind === undefined || !esmOnlyIgnored.has(problem.resolutionKind))
      .map((problem) => `${problem.kind} at "${problem.entrypoint ?? '.'}"${problem.resolutionKind ? ` (${problem.resolutionKind})` : ''}`);
    return { problems };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function gzippedBundleSize(entry: string, external: string[]): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    external,
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

/**
 * Measures an entry point minified and gzipped, on its own and with its dependencies.
 * @param specifier - such as `@throughline/shopify`
 * @param packages - the workspace packages
 * @param budget - its budget, if any
 * @returns the figures
 */
export async function measureEntry(specifier: string, packages: ReadonlyArray<WorkspacePackage>, budget: SizeBudget | null): Promise<SizeFigure> {
  const { pkg, subpath } = splitSpecifier(specifier, packages);
  const entry = builtEntryOf(pkg, subpath);
  if (!entry || !existsSync(entry)) throw new Error(`${specifier} is not built (${entry ?? 'no export'})`);
  const dependencies = Object.keys(pkg.manifest.dependencies ?? {});
  const peers = Object.keys(pkg.manifest.peerDependencies ?? {});
  const asExternal = (names: string[]) => names.flatMap((name) => [name, `${name}/*`]);
  const own = await gzippedBundleSize(entry, asExternal([...dependencies, ...peers]));
  const withDependencies = await gzippedBundleSize(entry, asExternal(peers));
  const overBudget = budget !== null && (own > budget.own || withDependencies > budget.withDependencies);
  return { entry: specifier, own, withDependencies, budget, overBudget };
}

/**
 * An esbuild plugin that records every Node built-in a bundle reaches, with the file importing it.
 * @param found - receives `importer → specifier`
 * @returns the plugin
 */
export function nodeBuiltinGuard(found: string[]): Plugin {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  return {
    name: 'node-builtin-guard',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.split('/')[0]!;
        if (!args.path.startsWith('node:') && !builtins.has(args.path) && !builtins.has(bare)) return undefined;
        found.push(`${relative(root, args.importer) || args.importer} → ${args.path}`);
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundles an entry point the way a worker runtime resolves it: neutral platform, worker and browser
 * conditions, every dependency included, and no Node built-in allowed.
 * @param entry - the file to bundle (or the specifier, resolved from `resolveDir`)
 * @param label - how to name it in the report
 * @param resolveDir - where bare specifiers resolve from
 * @param conditions - extra export conditions to put first (the source condition, to check sources)
 * @returns whether it bundled, and what broke it
 */
export async function bundleForWorker(entry: string, label: string, resolveDir: string, conditions: string[] = []): Promise<WorkerBundleResult> {
  const nodeImports: string[] = [];
  try {
    await build({
      stdin: { contents: `export * from ${JSON.stringify(entry)};`, resolveDir, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['browser', 'module', 'main'],
      conditions: [...conditions, ...workerConditions],
      write: false,
      logLevel: 'silent',
      plugins: [nodeBuiltinGuard(nodeImports)],
    });
    return { entry: label, ok: nodeImports.length === 0, nodeImports: [...new Set(nodeImports)], errors: [] };
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string; location?: { file: string } | null }> }).errors?.map((item) => `${item.location?.file ?? ''}: ${item.text}`) ?? [String(error)];
    return { entry: label, ok: false, nodeImports: [...new Set(nodeImports)], errors };
  }
}

function readBudgets(): Record<string, SizeBudget> {
  return JSON.parse(readFileSync(join(root, 'scripts/package-size-budgets.json'), 'utf8')) as Record<string, SizeBudget>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function printReport(reports: PackageReport[]): void {
  for (const report of reports) {
    console.log(`\n${report.name}`);
    if (report.build) console.log(`  build      ${report.build.ok ? 'ok' : 'FAILED'} (${report.build.seconds.toFixed(1)} s)${report.build.output ? `\n${report.build.output.replace(/^/gm, '    ')}` : ''}`);
    if (report.publint) {
      const { errors, warnings, suggestions } = report.publint;
      console.log(`  publint    ${errors.length} errors, ${warnings.length} warnings, ${suggestions.length} suggestions`);
      for (const line of [...errors, ...warnings, ...suggestions]) console.log(`    ${line}`);
    }
    if (report.attw) {
      console.log(`  attw       ${report.attw.problems.length === 0 ? 'no problems (esm-only)' : `${report.attw.problems.length} problems`}`);
      for (const line of report.attw.problems) console.log(`    ${line}`);
    }
    for (const size of report.sizes) {
      const budget = size.budget ? ` (budget ${kb(size.budget.own)} / ${kb(size.budget.withDependencies)})` : '';
      console.log(`  size       ${size.entry}: ${kb(size.own)} own, ${kb(size.withDependencies)} with dependencies, min+gz${budget}${size.overBudget ? ' OVER BUDGET' : ''}`);
    }
    for (const worker of report.worker) {
      console.log(`  worker     ${worker.entry}: ${worker.ok ? 'bundles without Node built-ins' : 'FAILED'}`);
      for (const line of [...worker.nodeImports, ...worker.errors]) console.log(`    ${line}`);
    }
  }
}

/**
 * Whether a report passes.
 * @param report - one package's report
 * @returns the reasons it fails; empty when it passes
 */
export function failuresOf(report: PackageReport): string[] {
  const out: string[] = [];
  if (report.build && !report.build.ok) out.push('does not build');
  if (report.publint && report.publint.errors.length + report.publint.warnings.length > 0) out.push('publint errors or warnings');
  if (report.attw && report.attw.problems.length > 0) out.push('are-the-types-wrong problems');
  if (report.sizes.some((size) => size.overBudget)) out.push('over its size budget');
  if (report.worker.some((worker) => !worker.ok)) out.push('does not bundle for a worker runtime');
  return out.map((reason) => `${report.name} ${reason}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const only = argv.includes('--only') ? new Set(argv[argv.indexOf('--only') + 1]?.split(',')) : null;
  const jsonPath = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
  const all = workspacePackages();
  const selected = all.filter((pkg) => only === null || only.has(pkg.name));
  const budgets = readBudgets();
  const reports: PackageReport[] = [];
  for (const pkg of selected) {
    const report: PackageReport = { name: pkg.name, build: null, publint: null, attw: null, sizes: [], worker: [] };
    reports.push(report);
    if (!argv.includes('--skip-build')) {
      process.stdout.write(`building ${pkg.name}… `);
      report.build = await buildPackage(pkg);
      console.log(report.build.ok ? `${report.build.seconds.toFixed(1)} s` : 'failed');
      if (!report.build.ok) continue;
    }
    report.publint = await lintWithPublint(pkg);
    report.attw = await lintWithAttw(pkg);
  }
  for (const report of reports) {
    if (report.build && !report.build.ok) continue;
    const entries = Object.keys(budgets).filter((entry) => splitSpecifier(entry, all).pkg.name === report.name);
    for (const entry of entries) report.sizes.push(await measureEntry(entry, all, budgets[entry] ?? null));
    for (const entry of workerEntries.filter((candidate) => splitSpecifier(candidate, all).pkg.name === report.name)) {
      report.worker.push(await bundleForWorker(entry, entry, root));
    }
  }
  printReport(reports);
  if (jsonPath) {
    mkdirSync(dirname(resolve(jsonPath)), { recursive: true });
    writeFileSync(resolve(jsonPath), `${JSON.stringify(reports, null, 2)}\n`);
  }
  const failures = reports.flatMap(failuresOf);
  console.log(failures.length === 0 ? '\nEvery package passes.' : `\n${failures.join('\n')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
