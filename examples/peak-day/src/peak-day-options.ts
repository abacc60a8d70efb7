/**
 * Command-line options of `pnpm demo`.
 */
import { parseArgs } from 'node:util';

/** The options, read and checked. */
export interface PeakDayOptions {
  customers: number;
  seed: number;
  /** Simulated seconds per real second; null for as fast as possible. */
  speed: number | null;
  /** Report directory; a fresh temporary directory when absent. */
  outDir: string | undefined;
  /** SQLite file; `<out>/peak-day.sqlite` when absent. */
  databaseFile: string | undefined;
  concurrency: number;
  help: boolean;
}

/** Shoppers in a default run: sized to finish in well under two minutes on two cores. */
export const defaultCustomers = 3000;
/** Shoppers in a `--large` run. */
export const largeCustomers = 20_000;

/** The usage text. */
export const peakDayUsage = `Usage: pnpm demo [-- options]

Simulates Black Friday (2026-11-27, New York) for one shop across Shopify, Zendesk and Twilio:
signed webhooks over HTTP into a SQLite store, SLA clocks, a summary and an HTML report.

Options:
  --customers <n>    shoppers to simulate (default ${defaultCustomers})
  --large            a larger day (${largeCustomers.toLocaleString('en-US')} shoppers)
  --seed <n>         seed of the generator (default 2026); the same seed gives the same day
  --speed <x>        simulated seconds per real second inside the day (3600 plays an hour a second);
                     default: as fast as the machine allows
  --out <dir>        where the report goes (default: a new temporary directory)
  --db <file>        the SQLite file to write (default: <out>/peak-day.sqlite); must not exist yet
  --concurrency <n>  webhook deliveries in flight at once (default 8)
  --help             this text
`;

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer, not "${value}"`);
  return parsed;
}

/**
 * Reads the command line.
 * @param argv - the arguments after the script
 * @returns the options
 * @throws {Error} on an unknown option or a bad value
 */
export function parsePeakDayOptions(argv: ReadonlyArray<string>): PeakDayOptions {
  const { values } = parseArgs({
    args: argv.filter((argument) => argument !== '--'),
    options: {
      customers: { type: 'string' },
      large: { type: 'boolean', default: false },
      seed: { type: 'string' },
      speed: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  let speed: number | null = null;
  if (values.speed !== undefined && values.speed !== 'max') {
    speed = Number(values.speed);
    if (!(speed > 0)) throw new Error(`--speed must be a positive number (or "max"), not "${values.speed}"`);
  }
  const seed = values.seed === undefined ? 2026 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"`);
  return {
    customers: positiveInteger('customers', values.customers, values.large ? largeCustomers : defaultCustomers),
    seed,
    speed,
    outDir: values.out,
    databaseFile: values.db,
    concurrency: positiveInteger('concurrency', values.concurrency, 8),
    help: values.help,
  };
}
