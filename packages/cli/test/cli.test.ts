import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blackFriday, computeServiceMetrics, generateSupportTimeline, type TimelineEvent } from '@throughline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../src/index';

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    interactive: false,
    stdout: () => out,
    stderr: () => err,
  };
}

async function writeJsonl(path: string, events: Iterable<TimelineEvent>): Promise<void> {
  const stream = createWriteStream(path);
  for (const event of events) {
    if (!stream.write(`${JSON.stringify(event)}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

let directory: string;
const week = { tenantId: 'demo-shop', from: '2025-11-24', days: 7, casesPerDay: 60, seed: 3 };

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'throughline-cli-'));
  await writeJsonl(join(directory, 'week.jsonl'), generateSupportTimeline(week));
  const peakDays = { [blackFriday(2024)]: 2.5, [blackFriday(2025)]: 2.5 };
  await writeJsonl(
    join(directory, 'seasons.jsonl'),
    generateSupportTimeline({ tenantId: 'demo-shop', from: '2024-09-02', days: 460, casesPerDay: 40, yearlyGrowth: 1.2, peakDays, seed: 9 }),
  );
}, 180_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('throughline report', () => {
  it('prints the same figures as a from-scratch computation, as JSON', async () => {
    const io = capture();
    const code = await runCli(
      ['report', '--tenant', 'demo-shop', '--from', '2025-11-25', '--to', '2025-11-29', '--group-by', 'channel', '--input', join(directory, 'week.jsonl'), '--json'],
      io,
    );
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    // The report reads events up to --to: it shows the period as it stood at its end.
    const upToEnd = [...generateSupportTimeline(week)].filter((event) => event.occurredAt < '2025-11-29T00:00:00.000Z');
    const expected = await computeServiceMetrics(upToEnd, {
      tenantId: 'demo-shop',
      from: '2025-11-25T00:00:00.000Z',
      to: '2025-11-29T00:00:00.000Z',
      groupBy: 'channel',
    });
    expect(JSON.parse(io.stdout())).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.total.contacts).toBeGreaterThan(150);
  });

  it('prints tables and writes a self-contained HTML report with SVG charts', async () => {
    const io = capture();
    const html = join(directory, 'report.html');
    const code = await runCli(['report', '--tenant', 'demo-shop', '--from', '2025-11-25', '--to', '2025-11-27', '--input', join(directory, 'week.jsonl'), '--html', html], io);
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/First reply p50 \/ p90 \/ p99/);
    expect(io.stdout()).toMatch(/^voice\s+\d+/m);
    const document = await readFile(html, 'utf8');
    expect(document.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
    expect(document).not.toMatch(/<script|<link|src=/);
    expect(document).toContain('Contacts per hour');
  });

  it('rejects missing options with exit code 2', async () => {
    const io = capture();
    expect(await runCli(['report', '--from', '2025-11-25', '--to', '2025-11-27', '--input', join(directory, 'week.jsonl')], io)).toBe(2);
    expect(io.stderr()).toMatch(/--tenant is required/);
    expect(await runCli(['report', '--bogus'], capture())).toBe(2);
    expect(await runCli(['nonsense'], capture())).toBe(2);
  });
});

describe('throughline staffing', () => {
  it('answers the textbook example: 14 agents for 80/20', async () => {
    const io = capture();
    expect(await runCli(['staffing', '--target', '80/20', '--contacts', '100', '--aht', '180', '--interval-minutes', '30', '--shrinkage', '0.3', '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout());
    expect(result.agents).toBe(14);
    expect(result.scheduledAgents).toBe(20);
    expect(result.performance.serviceLevel).toBeGreaterThan(0.8);
  });

  it('plans a season per channel with an overflow plan for voice', async () => {
    const io = capture();
    const code = await runCli(
      ['staffing', '--tenant', 'demo-shop', '--season', '2025', '--to', '2025-12-01', '--input', join(directory, 'seasons.jsonl'), '--no-validate', '--in-house', 'voice=1', '--json'],
      io,
    );
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(io.stdout());
    // Reopened voice cases come back by SMS in the synthetic data, so SMS is forecast too.
    expect(Object.keys(plan.channels).sort()).toEqual(['chat', 'email', 'sms', 'voice', 'web', 'whatsapp']);
    expect(plan.channels.voice.kind).toBe('real-time');
    expect(plan.channels.email.kind).toBe('deferred');
    const voice = plan.channels.voice;
    expect(voice.hours).toHaveLength(14 * 24);
    const blackFridayHours = voice.hours.filter((hour: { start: string }) => hour.start.startsWith('2025-11-28'));
    const fridayBefore = voice.hours.filter((hour: { start: string }) => hour.start.startsWith('2025-11-21'));
    const sum = (hours: Array<{ scheduled: number; contacts: number }>, field: 'scheduled' | 'contacts') => hours.reduce((total, hour) => total + hour[field], 0);
    // Black Friday's learned uplift reaches the plan (volumes are small, so heads move less than contacts).
    expect(sum(blackFridayHours, 'contacts')).toBeGreaterThan(1.5 * sum(fridayBefore, 'contacts'));
    expect(sum(blackFridayHours, 'scheduled')).toBeGreaterThanOrEqual(sum(fridayBefore, 'scheduled'));
    expect(voice.overflow.peakOverflowAgents).toBeGreaterThan(0);
    expect(voice.overflow.blocks.length).toBeGreaterThan(0);
  }, 180_000);
});

describe('throughline forecast', () => {
  it('forecasts the season from last year within 20 % of what happened, with a backtest', async () => {
    const io = capture();
    const code = await runCli(
      ['forecast', '--tenant', 'demo-shop', '--from', '2025-11-17', '--to', '2025-12-01', '--input', join(directory, 'seasons.jsonl'), '--no-validate', '--json'],
      io,
    );
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(io.stdout());
    const forecastTotal = Object.values(result.forecasts as Record<string, { values: number[] }>).reduce(
      (total, forecast) => total + forecast.values.reduce((sum, value) => sum + value, 0),
      0,
    );
    const actual = await computeServiceMetrics(
      generateSupportTimeline({ tenantId: 'demo-shop', from: '2024-09-02', days: 460, casesPerDay: 40, yearlyGrowth: 1.2, peakDays: { [blackFriday(2024)]: 2.5, [blackFriday(2025)]: 2.5 }, seed: 9 }),
      { tenantId: 'demo-shop', from: '2025-11-17T00:00:00Z', to: '2025-12-01T00:00:00Z' },
    );
    expect(Math.abs(forecastTotal / actual.total.contacts - 1)).toBeLessThan(0.2);
    const blackFridayEvent = result.forecasts.email.events.find((event: { name: string }) => event.name === 'Black Friday');
    expect(blackFridayEvent.learnedFrom).toBe(1);
    expect(blackFridayEvent.uplift).toBeGreaterThan(1.5);
    expect(result.backtests.email.map((entry: { label: string }) => entry.label)).toContain('same weeks last year');
    for (const entry of result.backtests.email) expect(entry.wape).toBeGreaterThan(0);
  }, 180_000);

  it('prints daily tables in the terminal', async () => {
    const io = capture();
    expect(await runCli(['forecast', '--tenant', 'demo-shop', '--from', '2025-11-24', '--to', '2025-12-01', '--input', join(directory, 'seasons.jsonl'), '--no-validate', '--channels', 'voice'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^voice: same-weeks-last-year/m);
    expect(io.stdout()).toMatch(/2025-11-28 .*Black Friday/);
    expect(io.stdout()).toMatch(/backtest method/);
  }, 180_000);
});

describe('reading from a SQLite store', () => {
  it('gives the same report as the JSONL export of the same events', async () => {
    const { createSqliteStore } = await import('@throughline/store-sqlite');
    const filename = join(directory, 'events.db');
    const store = createSqliteStore({ filename });
    const events = [...generateSupportTimeline(week)];
    for (let index = 0; index < events.length; index += 2000) {
      const batch = events.slice(index, index + 2000);
      await store.transaction(async (transaction) => transaction.putEvents(batch));
    }
    await store.close();
    const args = ['report', '--tenant', 'demo-shop', '--from', '2025-11-25', '--to', '2025-11-29', '--group-by', 'day', '--json'];
    const fromStore = capture();
    expect(await runCli([...args, '--store', `sqlite:${filename}`], fromStore)).toBe(0);
    const fromFile = capture();
    expect(await runCli([...args, '--input', join(directory, 'week.jsonl')], fromFile)).toBe(0);
    expect(JSON.parse(fromStore.stdout())).toEqual(JSON.parse(fromFile.stdout()));
    expect(JSON.parse(fromStore.stdout()).total.contacts).toBeGreaterThan(150);
  }, 180_000);
});

const postgresUrl = process.env.THROUGHLINE_TEST_POSTGRES_URL;
if (!postgresUrl) console.warn('THROUGHLINE_TEST_POSTGRES_URL is not set: the CLI-over-PostgreSQL test is skipped');

describe.skipIf(!postgresUrl)('reading from a PostgreSQL store', () => {
  it('gives the same report as the JSONL export of the same events', async () => {
    const { createPostgresStore } = await import('@throughline/store-postgres');
    const schema = `cli_test_${Math.random().toString(36).slice(2, 10)}`;
    const store = await createPostgresStore({ url: postgresUrl!, schema });
    try {
      const events = [...generateSupportTimeline(week)];
      for (let index = 0; index < events.length; index += 2000) {
        const batch = events.slice(index, index + 2000);
        await store.transaction(async (transaction) => transaction.putEvents(batch));
      }
      const args = ['report', '--tenant', 'demo-shop', '--from', '2025-11-25', '--to', '2025-11-29', '--group-by', 'day', '--json'];
      const fromStore = capture();
      const location = `${postgresUrl}${postgresUrl!.includes('?') ? '&' : '?'}schema=${schema}`;
      expect(await runCli([...args, '--store', location], fromStore)).toBe(0);
      const fromFile = capture();
      expect(await runCli([...args, '--input', join(directory, 'week.jsonl')], fromFile)).toBe(0);
      expect(JSON.parse(fromStore.stdout())).toEqual(JSON.parse(fromFile.stdout()));
    } finally {
      await store.close();
      const { execFileSync } = await import('node:child_process');
      execFileSync('psql', [postgresUrl!, '-q', '-c', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { stdio: 'ignore' });
    }
  }, 180_000);
});
