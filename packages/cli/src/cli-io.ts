/**
 * Where the command line writes: injectable so tests can capture output.
 */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error (progress, warnings). */
  err(text: string): void;
  /** True when standard error is a terminal, so progress bars may redraw in place. */
  interactive: boolean;
}

/**
 * The process's own standard output and error.
 * @returns an IO bound to `process.stdout` and `process.stderr`
 * @example
 * await runCli(process.argv.slice(2), processIo());
 */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  };
}
