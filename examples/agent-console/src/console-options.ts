import { parseArgs } from 'node:util';

/** What the console was started with. */
export interface ConsoleOptions {
  /** Fill a fresh store with a few realistic customers. */
  seed: boolean;
  /** A SQLite file to read (such as the peak-day demo's database); memory when absent. */
  db: string | undefined;
  tenantId: string;
  port: number;
  host: string;
  /** Region for phone numbers without a country code. */
  region: string;
  /** An instant to run the console's clock from (to look at a recorded day as it was), else the real time. */
  now: number | undefined;
  /** A module whose `sla` (or default) export is the instance's `SlaSettings`. */
  slaModule: string | undefined;
  /** Fire due SLA warnings and breaches into the store while running. */
  timers: boolean;
}

/** The console's command line, for `--help`. */
export const consoleUsage = `Usage: pnpm --filter @throughline-examples/agent-console start -- [options]

  --seed             fill the store with a few realistic customers (memory store unless --db)
  --db <file>        read a SQLite store, such as the peak-day demo's database
  --tenant <id>      the tenant to show (default: acme)
  --port <n>         port to listen on (default: 4100; 0 for any free port)
  --host <address>   interface to listen on (default: 127.0.0.1)
  --region <CC>      region for phone numbers without a country code (default: US)
  --now <instant>    run the console's clock from this ISO instant (replay a recorded day)
  --sla <module>     a module exporting the instance's SlaSettings as \`sla\` or default
  --no-timers        do not fire due SLA warnings and breaches into the store
  --help             show this help`;

/**
 * Reads the console's command line.
 * @param argv - arguments after the script name
 * @returns the options, or `'help'` when help was asked for
 * @throws {Error} with a readable message on an unknown option or a bad value
 */
export function parseConsoleOptions(argv: string[]): ConsoleOptions | 'help' {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      seed: { type: 'boolean', default: false },
      db: { type: 'string' },
      tenant: { type: 'string', default: 'acme' },
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      region: { type: 'string', default: 'US' },
      now: { type: 'string' },
      sla: { type: 'string' },
      'no-timers': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not "${values.port}"`);
  if (!/^[A-Z]{2}$/.test(values.region)) throw new Error(`--region must be a two-letter country code such as GB, not "${values.region}"`);
  const now = values.now === undefined ? undefined : Date.parse(values.now);
  if (now !== undefined && Number.isNaN(now)) throw new Error(`--now must be an ISO instant such as 2026-11-27T15:00:00Z, not "${values.now}"`);
  return {
    seed: values.seed,
    db: values.db,
    tenantId: values.tenant,
    port,
    host: values.host,
    region: values.region,
    now,
    slaModule: values.sla,
    timers: !values['no-timers'],
  };
}
