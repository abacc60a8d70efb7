#!/usr/bin/env node
// The `throughline` command. It runs the built CLI in `dist/`; a workspace checkout that has not
// built the package yet gets a message saying how, instead of a module-not-found stack trace.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'throughline: @throughline/cli is not built in this checkout. Run `pnpm build`, or run it from source with `pnpm --filter @throughline/cli dev <command>`.\n',
  );
  process.exitCode = 1;
}
