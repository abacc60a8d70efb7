import { seededRandom } from '@throughline/core/testing/fakes';
// The SLA engine lives in core's source; core's public index re-exports it.
import {
  type BusinessCalendar,
  createBusinessCalendar,
  foldCaseSla,
  type OpeningHours,
  type SlaPolicy,
} from '../../packages/core/src/sla/index';
import { SlaFoldContext } from '../../packages/core/src/sla/clock/sla-fold-context';
import { CaseSlaMemory } from '../../packages/core/src/sla/evaluation/case-sla-memory';
import { createCaseTimeline } from '../../packages/core/src/sla/fixtures/case-timeline';
import type { BenchResult } from './bench-result';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SAMPLES = 4096;

/** Split shifts Monday to Friday, a Saturday morning, 20 holidays, in a zone with DST. */
function benchCalendar(): BusinessCalendar {
  const split: OpeningHours[] = [
    { opens: '08:00', closes: '12:00' },
    { opens: '13:00', closes: '18:00' },
  ];
  const holidays = [
    '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09', '2025-10-03',
    '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31', '2026-01-01', '2026-04-03', '2026-04-06',
    '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26',
  ].map((date) => ({ date }));
  return createBusinessCalendar({
    id: 'bench',
    timeZone: 'Europe/Berlin',
    weeklyHours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split, saturday: [{ opens: '10:00', closes: '14:00' }] },
    holidays,
  });
}

/** Throughput per wall-clock second, and per second of this process's CPU time (honest on a busy machine). */
interface Rate {
  readonly wall: number;
  readonly cpu: number;
}

/** Runs `operation` over the samples for at least `minMs` of wall time. */
function opsPerSecond(operation: (index: number) => number, minMs = 1_000): Rate {
  let sink = 0;
  for (let index = 0; index < 50_000; index++) sink += operation(index & (SAMPLES - 1));
  let operations = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let elapsed = 0;
  do {
    for (let index = 0; index < 100_000; index++) sink += operation(index & (SAMPLES - 1));
    operations += 100_000;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  const cpu = process.cpuUsage(cpuStarted);
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return { wall: operations / (elapsed / 1000), cpu: operations / ((cpu.user + cpu.system) / 1_000_000) };
}

const perCpu = (rate: Rate) => `${Math.round(rate.cpu).toLocaleString('en-US')}/s per CPU-second`;

/** Measures business-time arithmetic and the case fold. */
export async function run(): Promise<BenchResult[]> {
  const calendar = benchCalendar();
  const next = seededRandom(42);
  const from = Date.parse('2025-01-01T00:00:00Z');
  const starts = Float64Array.from({ length: SAMPLES }, () => from + Math.floor(next() * 700 * DAY));
  // Up to 40 business hours: always less than a calendar week on this 49-hour schedule.
  const durations = Float64Array.from({ length: SAMPLES }, () => Math.floor(next() * 40 * HOUR));
  const spans = Float64Array.from({ length: SAMPLES }, () => Math.floor(next() * 7 * DAY));

  const coldStarted = performance.now();
  const cold = benchCalendar();
  for (let index = 0; index < SAMPLES; index++) cold.addBusinessTime(starts[index]!, durations[index]!);
  const coldMs = performance.now() - coldStarted;

  const add = opsPerSecond((index) => calendar.addBusinessTime(starts[index]!, durations[index]!));
  const between = opsPerSecond((index) => calendar.businessTimeBetween(starts[index]!, starts[index]! + spans[index]!));
  const isOpen = opsPerSecond((index) => (calendar.isOpen(starts[index]!) ? 1 : 0));

  const policy: SlaPolicy = {
    id: 'bench',
    calendarId: 'bench',
    targets: (['first_reply', 'next_reply', 'requester_wait', 'agent_work', 'total_resolution'] as const).map((metric) => ({
      metric,
      priority: 'normal' as const,
      targetMinutes: 240,
      businessHours: true,
    })),
  };
  const c = createCaseTimeline();
  const caseStart = Date.parse('2025-11-28T08:00:00Z');
  const events = [c.ticketOpened(new Date(caseStart).toISOString())];
  for (let step = 1; step < 20; step++) {
    const at = new Date(caseStart + step * 37 * 60_000).toISOString();
    events.push(step % 4 === 0 ? c.status(at, step % 8 === 0 ? 'pending' : 'open') : step % 2 === 0 ? c.agentReply(at) : c.customerMessage(at));
  }
  const foldOptions = { policies: [policy], calendars: [calendar], now: caseStart + 2 * DAY };
  const fold = opsPerSecond(() => foldCaseSla(events, foldOptions)!.clocks.length, 500);
  // What ingest does per event: the event is added to the case's remembered state, folded onto it, and reported.
  const context = new SlaFoldContext([policy], [calendar]);
  let memory = new CaseSlaMemory();
  const resumed = opsPerSecond((index) => {
    const step = index % events.length;
    if (step === 0) memory = new CaseSlaMemory();
    const event = events[step]!;
    const folder = memory.fold(context, memory.mirror.add([event]), null)!;
    return folder.reportEvents(Date.parse(event.occurredAt)).report.pending.length;
  }, 500);

  return [
    { name: 'addBusinessTime (split shifts, 20 holidays, Europe/Berlin, < 1 week)', opsPerSecond: add.wall, note: `target >= 1,000,000/s; ${perCpu(add)}` },
    { name: 'businessTimeBetween (same calendar, spans < 1 week)', opsPerSecond: between.wall, note: `target >= 1,000,000/s; ${perCpu(between)}` },
    { name: 'isOpen (same calendar)', opsPerSecond: isOpen.wall, note: perCpu(isOpen) },
    { name: `addBusinessTime cold: ${SAMPLES} calls on a fresh calendar over 2 years`, value: coldMs, unit: 'ms', note: 'includes Intl offsets for ~700 days' },
    { name: 'foldCaseSla (20-event case, 5 business-hours targets)', opsPerSecond: fold.wall, note: `a whole case: ${(1e6 / fold.cpu).toFixed(1)} µs CPU per fold; ${perCpu(fold)}` },
    {
      name: 'same case, one event folded onto its remembered state and reported (per ingested event)',
      opsPerSecond: resumed.wall,
      note: `${(1e6 / resumed.cpu).toFixed(2)} µs CPU per event (the SLA budget is ≤ 5 µs per delivery); ${perCpu(resumed)}`,
    },
  ];
}
