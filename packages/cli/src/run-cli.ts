import { ThroughlineError } from '@throughline/core';
import type { CliIo } from './cli-io';
import { forecastCommand } from './node/commands/forecast-command';
import { reportCommand } from './node/commands/report-command';
import { staffingCommand } from './node/commands/staffing-command';

/** Top-level help. */
export const cliHelp = `throughline <command> [options]

Commands:
  report     service metrics for a period (terminal tables, --html report with charts)
  forecast   contact volume per channel per hour for a peak season
  staffing   agents required for a service level (Erlang C/A), with an overflow plan

Events come from --input <events.jsonl> (one timeline event per line) or
--store sqlite:<path> | postgres://…  Add --json for machine-readable output.
Run throughline <command> --help for the options of each command.
`;

/**
 * Runs the command line and returns the process exit code (0 ok, 1 failure, 2 usage error).
 * @param args - arguments after the program name
 * @param io - output streams
 * @returns the exit code
 * @throws whatever a command threw that is neither a usage error nor a `ThroughlineError` (a bug), unchanged
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'report':
        return await reportCommand(rest, io);
      case 'forecast':
        return await forecastCommand(rest, io);
      case 'staffing':
        return await staffingCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(cliHelp);
        return command === undefined ? 2 : 0;
      default:
        io.err(`unknown command "${command}"\n\n${cliHelp}`);
        return 2;
    }
  } catch (error) {
    // node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n`);
      return 2;
    }
    if (ThroughlineError.isInstance(error)) {
      io.err(`throughline ${command}: ${error.message}\n`);
      return error.code === 'cli_usage' ? 2 : 1;
    }
    throw error;
  }
}
