/**
 * Runs a peak day end to end: generate the plan, start the back end, play the plan as signed
 * webhooks over HTTP (bounded concurrency, late and duplicate deliveries) and agent actions on
 * simulated time, then read the day back from the store, check it against the plan and write the
 * HTML report.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createShopifyDataset } from '@throughline/shopify/testing';
import { crossCheck, type CrossCheck } from './cross-check';
import { createWebhookFactory } from './build-webhook';
import { scheduleDeliveries, type ScheduledItem } from './delivery-schedule';
import { type ExpectedOutcome, expectedOutcome } from './expected-outcome';
import { generatePeakDay } from './generate-peak-day';
import { snapshotOrder } from './generate-people';
import { shopifyAccount } from './peak-day-accounts';
import { type PeakDayBackEnd, startLocalBackEnd } from './peak-day-back-end';
import type { PeakDayPlan } from './peak-day-plan';
import { renderPeakDayReport } from './peak-day-report';
import type { PeakDaySummary } from './peak-day-summary';
import { createSeededRandom } from './seeded-random';
import { simulatedAtHeader } from './simulated-clock';

const MINUTE = 60_000;
const TICK_MS = 5 * MINUTE;

/** How to run the day. */
export interface PeakDayRunOptions {
  customers: number;
  seed: number;
  /** Simulated seconds per real second inside the day; null plays as fast as the machine allows. */
  speed: number | null;
  /** Where the report goes. */
  outDir: string;
  /** The SQLite file (created; an existing file is reused). */
  databaseFile: string;
  /** Deliveries in flight at once (default 8). */
  concurrency?: number;
  /** Share of deliveries sent twice (default 0.05). */
  duplicateShare?: number;
  /** Called as the run advances. */
  onProgress?: (progress: PeakDayProgress) => void;
}

/** Where the run stands. */
export interface PeakDayProgress {
  /** Steps played (deliveries, retries, agent actions). */
  done: number;
  total: number;
  /** The simulated instant, epoch ms. */
  simulatedAt: number;
  phase: 'history' | 'day' | 'summary';
}

/** What the deliveries and actions did. */
export interface DeliveryStats {
  /** Requests sent, retries included. */
  sent: number;
  /** Retries of deliveries already sent. */
  retries: number;
  /** Answers by HTTP status. */
  byStatus: Record<string, number>;
  /** Requests per platform. */
  byPlatform: Record<string, number>;
  /** Agent actions run in Throughline (replies, solves). */
  actions: number;
  /** Messages the agents sent through the Twilio API fake. */
  messagesSent: number;
  /** Order lookups answered by the Shopify API fake. */
  orderLookups: number;
  /** Failures (a non-2xx answer, an action that found no case), first ones kept. */
  failures: string[];
  failureCount: number;
}

/** The outcome of a run. */
export interface PeakDayResult {
  plan: PeakDayPlan;
  expected: ExpectedOutcome;
  summary: PeakDaySummary;
  checks: CrossCheck[];
  deliveries: DeliveryStats;
  databaseFile: string;
  reportFile: string;
  /** Wall time of the run, ms. */
  elapsedMs: number;
}

/**
 * Runs the peak day.
 * @param options - size, seed, pacing, output
 * @returns the plan, the expected outcome, the summary from the store, the cross-checks and the report's path
 * @example
 * const result = await runPeakDay({ customers: 60, seed: 25, speed: null, outDir: dir, databaseFile: join(dir, 'day.sqlite') });
 * result.checks.every((check) => check.ok);
 */
export async function runPeakDay(options: PeakDayRunOptions): Promise<PeakDayResult> {
  const started = performance.now();
  const plan = generatePeakDay({ seed: options.seed, customers: options.customers });
  const expected = expectedOutcome(plan);
  const schedule = scheduleDeliveries(plan, createSeededRandom(options.seed).fork('deliveries'), options.duplicateShare ?? 0.05);
  const first = schedule[0]?.at ?? plan.day.from;
  await mkdir(options.outDir, { recursive: true });
  await mkdir(dirname(options.databaseFile), { recursive: true });
  const settings = { databaseFile: options.databaseFile, start: Math.min(first, plan.day.from), customers: plan.people.map((person) => person.customer) };
  const backEnd = await startLocalBackEnd(settings);
  const stats: DeliveryStats = { sent: 0, retries: 0, byStatus: {}, byPlatform: {}, actions: 0, messagesSent: 0, orderLookups: 0, failures: [], failureCount: 0 };
  try {
    await play(backEnd, plan, schedule, stats, options);
    options.onProgress?.({ done: schedule.length, total: schedule.length, simulatedAt: plan.day.to, phase: 'summary' });
    const { summary, messagesSent } = await backEnd.report(plan.day);
    stats.messagesSent = messagesSent;
    const checks = crossCheck(summary, expected);
    const reportFile = join(options.outDir, 'peak-day-report.html');
    const elapsedMs = performance.now() - started;
    await writeFile(reportFile, renderPeakDayReport({ plan, summary, checks, deliveries: stats, databaseFile: options.databaseFile, elapsedMs }));
    return { plan, expected, summary, checks, deliveries: stats, databaseFile: options.databaseFile, reportFile, elapsedMs };
  } finally {
    await backEnd.close();
  }
}

async function play(backEnd: PeakDayBackEnd, plan: PeakDayPlan, schedule: ScheduledItem[], stats: DeliveryStats, options: PeakDayRunOptions): Promise<void> {
  // The webhook builders read customers from a shop of their own (the back end has its own copy).
  const shop = createShopifyDataset({ customers: 0, orders: 0, shop: shopifyAccount.shop, currency: shopifyAccount.currency });
  for (const person of plan.people) shop.addCustomer(person.customer);
  const factory = createWebhookFactory(backEnd.origin, shop);
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const inFlight = new Set<Promise<void>>();
  const fail = (message: string) => {
    stats.failureCount++;
    if (stats.failures.length < 20) stats.failures.push(message);
  };
  let nextTick = plan.day.from;
  let realStart: number | null = null;
  let done = 0;

  const advanceTo = async (at: number) => {
    // Warnings and breaches fire at their instant: tick every five simulated minutes of the day.
    while (nextTick <= Math.min(at, plan.day.to)) {
      await backEnd.tick(nextTick);
      nextTick += TICK_MS;
    }
  };

  const pace = async (at: number) => {
    if (options.speed === null || at < plan.day.from) return;
    realStart ??= performance.now();
    // Simulated milliseconds over simulated seconds per real second: real milliseconds since the day began.
    const due = realStart + (at - plan.day.from) / options.speed - performance.now();
    if (due > 1) await new Promise((resolve) => setTimeout(resolve, due));
  };

  const send = async (item: Extract<ScheduledItem, { kind: 'delivery' }>) => {
    const spec = item.event.spec;
    if (spec.source === 'agent') return;
    const request = await factory.build(spec, item.event.at);
    const headers = new Headers(request.headers);
    headers.set(simulatedAtHeader, String(item.at));
    const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
    stats.sent++;
    if (item.duplicate) stats.retries++;
    stats.byPlatform[spec.source] = (stats.byPlatform[spec.source] ?? 0) + 1;
    try {
      const response = await backEnd.fetch(request.url, { method: request.method, headers, ...(body ? { body } : {}) });
      const text = await response.text();
      stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
      if (!response.ok) fail(`${spec.source} delivery at ${new Date(item.at).toISOString()} answered ${response.status}: ${text.slice(0, 200)}`);
    } catch (error) {
      fail(`${spec.source} delivery failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  for (const item of schedule) {
    await pace(item.at);
    await advanceTo(item.at);
    const spec = item.event.spec;
    if (item.kind === 'shop-change') {
      // Not awaited: the back end applies changes in the order they were sent, before any later action.
      if (spec.source === 'shopify') backEnd.shopChange(snapshotOrder(spec.order), item.at).catch((error: unknown) => fail(`shop change failed: ${String(error)}`));
    } else if (item.kind === 'action') {
      // An agent acts on what Throughline has stored: everything sent before has to land first.
      await Promise.all(inFlight);
      if (spec.source === 'agent') {
        const person = plan.people[item.event.person]!;
        stats.actions++;
        const outcome = await backEnd.act({ at: item.at, person: { name: person.name, phone: person.phone }, spec });
        if (outcome.orderLookup) stats.orderLookups++;
        if (outcome.error !== null) fail(outcome.error);
      }
    } else {
      const promise: Promise<void> = send(item).finally(() => inFlight.delete(promise));
      inFlight.add(promise);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    done++;
    options.onProgress?.({ done, total: schedule.length, simulatedAt: item.at, phase: item.at < plan.day.from ? 'history' : 'day' });
  }
  await Promise.all(inFlight);
  await advanceTo(plan.day.to);
}
