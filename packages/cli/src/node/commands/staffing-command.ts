import { parseArgs } from 'node:util';
import {
  agentsRequired,
  chatAgentsRequired,
  type ContactLoad,
  type OverflowPlan,
  parseServiceLevelTarget,
  planOverflow,
  predictQueue,
  type QueueModel,
  type StaffingGoals,
  scheduledAgents,
  ticketAgentsRequired,
} from '@throughline/core';
import type { CliIo } from '../../cli-io';
import { parseNumberOption, sourceOptions } from '../../cli-options';
import { CliUsageError } from '../../cli-usage-error';
import { formatDuration, formatNumber, formatPercent, formatTable } from '../../format-table';
import { forecastOptions, seasonForecast } from '../../season-forecast';

/** Help text of `throughline staffing`. */
export const staffingHelp = `throughline staffing --target 80/20 (--contacts <n> --aht <s> | --tenant <id> --season <year> --input/--store …)

Agents required to meet a service level. With --contacts, for one interval; with a season
(or --from/--to), for every forecast hour of every channel, with an overflow plan.

  --target <P/S>                 service level, e.g. 80/20 (default)
  --contacts <n> --aht <s>       one interval: contacts and average handle time in seconds
  --interval-minutes <n>         interval length for --contacts (default 60)
  --shrinkage <0..0.99>          share of paid time off the queue (default 0.3)
  --max-occupancy <0..1>         occupancy ceiling (optional)
  --patience <s>                 use Erlang A with this mean patience (abandonment)
  --chat-concurrency <n>         chats per agent at once (default 2)
  --voice-aht, --chat-aht <s>    handle times; learned from history when omitted
  --ticket-aht <s>               handle time of email/web/messaging contacts (default 360)
  --ticket-sla-hours <h>         clear deferred contacts within this many hours (default 4)
  --in-house <n | voice=n,chat=n> scheduled in-house heads per hour, for the overflow plan
  --json                         print the plan as JSON
  (plus every forecast option: see throughline forecast --help)
`;

function parseInHouse(text: string | undefined): Record<string, number> {
  if (text === undefined) return {};
  if (/^\d+$/.test(text)) return { voice: Number(text) };
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*([a-z]+)\s*=\s*(\d+)\s*$/.exec(part);
    if (!match) throw new CliUsageError('--in-house must be a number or channel=n pairs, e.g. voice=40,chat=12');
    out[match[1] as string] = Number(match[2]);
  }
  return out;
}

/**
 * Runs `throughline staffing`.
 * @param args - arguments after the command name
 * @param io - output streams
 * @returns the exit code
 * @throws CliUsageError when options are missing or invalid
 * @example
 * await staffingCommand(['--target', '80/20', '--contacts', '200', '--aht', '180', '--interval-minutes', '30'], processIo());
 */
export async function staffingCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...sourceOptions,
      ...forecastOptions,
      target: { type: 'string' },
      contacts: { type: 'string' },
      aht: { type: 'string' },
      'interval-minutes': { type: 'string' },
      shrinkage: { type: 'string' },
      'max-occupancy': { type: 'string' },
      patience: { type: 'string' },
      'chat-concurrency': { type: 'string' },
      'voice-aht': { type: 'string' },
      'chat-aht': { type: 'string' },
      'ticket-aht': { type: 'string' },
      'ticket-sla-hours': { type: 'string' },
      'in-house': { type: 'string' },
    },
  });
  if (values.help) {
    io.out(staffingHelp);
    return 0;
  }
  const target = parseServiceLevelTarget(values.target ?? '80/20');
  const shrinkage = parseNumberOption('--shrinkage', values.shrinkage, 0.3, 0, 0.99);
  const goals: StaffingGoals = { serviceLevel: target };
  if (values['max-occupancy'] !== undefined) goals.maxOccupancy = parseNumberOption('--max-occupancy', values['max-occupancy'], 1, 0.01, 1);
  const model: QueueModel =
    values.patience === undefined
      ? { kind: 'erlang-c' }
      : { kind: 'erlang-a', averagePatienceSeconds: parseNumberOption('--patience', values.patience, 0, 1) };

  if (values.contacts !== undefined) {
    if (values.aht === undefined) throw new CliUsageError('--aht is required with --contacts');
    const load: ContactLoad = {
      contacts: parseNumberOption('--contacts', values.contacts, 0, 0),
      averageHandleSeconds: parseNumberOption('--aht', values.aht, 0, 1),
      intervalSeconds: parseNumberOption('--interval-minutes', values['interval-minutes'], 60, 1) * 60,
    };
    const required = agentsRequired(load, goals, model);
    const scheduled = scheduledAgents(required.agents, shrinkage);
    const rows: string[][] = [];
    for (let agents = Math.max(0, required.agents - 3); agents <= required.agents + 3; agents++) {
      const performance = predictQueue(load, agents, target.withinSeconds, model);
      rows.push([
        `${agents}${agents === required.agents ? ' ←' : ''}`,
        formatPercent(performance.serviceLevel),
        formatPercent(performance.probabilityOfWaiting),
        formatDuration(performance.averageSpeedOfAnswerSeconds),
        formatPercent(performance.occupancy),
        formatPercent(performance.abandonmentRate),
      ]);
    }
    if (values.json) {
      io.out(`${JSON.stringify({ load, target, model, shrinkage, agents: required.agents, scheduledAgents: scheduled, performance: required.performance }, null, 2)}\n`);
      return 0;
    }
    io.out(`${formatNumber(load.contacts)} contacts in ${formatNumber((load.intervalSeconds ?? 3600) / 60)} min, AHT ${formatDuration(load.averageHandleSeconds)}: ${formatNumber(required.performance.trafficErlangs, 2)} Erlangs (${model.kind})\n`);
    io.out(formatTable(['agents', 'service level', 'P(wait)', 'ASA', 'occupancy', 'abandon'], rows));
    io.out(`\n${required.agents} agents on the queue meet ${Math.round(target.share * 100)}/${target.withinSeconds}; with ${formatPercent(shrinkage)} shrinkage schedule ${scheduled}.\n`);
    return 0;
  }

  const season = await seasonForecast(values, io, 0);
  const recent = season.metrics.snapshot({
    tenantId: season.tenantId,
    from: new Date(Date.parse(season.historyEnd) - 8 * 7 * 86_400_000).toISOString(),
    to: season.historyEnd,
  }).total;
  const learned = (value: number, fallback: number) => (Number.isFinite(value) && value > 0 ? value : fallback);
  const voiceAht = parseNumberOption('--voice-aht', values['voice-aht'], learned(recent.calls.averageHandleSeconds, 300), 1);
  const chatAht = parseNumberOption('--chat-aht', values['chat-aht'], learned(recent.chats.averageHandleSeconds, 600), 1);
  const ticketAht = parseNumberOption('--ticket-aht', values['ticket-aht'], 360, 1);
  const ticketSlaHours = parseNumberOption('--ticket-sla-hours', values['ticket-sla-hours'], 4, 1);
  const concurrency = parseNumberOption('--chat-concurrency', values['chat-concurrency'], 2, 1);
  const inHouse = parseInHouse(values['in-house']);

  const channels: Record<string, { kind: string; averageHandleSeconds: number; hours: Array<{ start: string; contacts: number; agents: number; scheduled: number }>; overflow?: OverflowPlan }> = {};
  for (const [channel, forecast] of Object.entries(season.forecasts)) {
    const start = Date.parse(forecast.start);
    const hourStart = (index: number) => new Date(start + index * 3_600_000).toISOString();
    const realTime = channel === 'voice' || channel === 'chat';
    const averageHandleSeconds = channel === 'voice' ? voiceAht : channel === 'chat' ? chatAht : ticketAht;
    const hours = forecast.values.map((contacts, index) => {
      let agents: number;
      if (channel === 'chat') {
        agents = chatAgentsRequired({ contacts, averageHandleSeconds }, concurrency, goals, model).agents;
      } else if (realTime) {
        agents = agentsRequired({ contacts, averageHandleSeconds }, goals, model).agents;
      } else {
        const window = forecast.values.slice(index, index + ticketSlaHours);
        const arrivalsPerHour = window.reduce((sum, value) => sum + value, 0) / Math.max(1, window.length);
        agents = ticketAgentsRequired({ backlog: 0, arrivalsPerHour, averageHandleSeconds, withinSeconds: ticketSlaHours * 3600 }).agents;
      }
      return { start: hourStart(index), contacts, agents, scheduled: scheduledAgents(agents, shrinkage) };
    });
    const entry: (typeof channels)[string] = { kind: realTime ? 'real-time' : 'deferred', averageHandleSeconds, hours };
    const capacity = inHouse[channel];
    if (realTime && capacity !== undefined) {
      entry.overflow = planOverflow(
        forecast.values.map((contacts, index) => ({ start: hourStart(index), contacts, averageHandleSeconds })),
        { goals, inHouseAgents: capacity, shrinkage, model, concurrency: channel === 'chat' ? concurrency : 1 },
      );
    }
    channels[channel] = entry;
  }

  if (values.json) {
    io.out(`${JSON.stringify({ tenantId: season.tenantId, from: season.from, to: season.to, target, shrinkage, model, channels }, null, 2)}\n`);
    return 0;
  }
  io.out(`Staffing for ${season.tenantId}, ${season.from} to ${season.to}: target ${Math.round(target.share * 100)}/${target.withinSeconds}, shrinkage ${formatPercent(shrinkage)}, ${model.kind}\n\n`);
  for (const [channel, entry] of Object.entries(channels)) {
    io.out(`${channel} (${entry.kind}, AHT ${formatDuration(entry.averageHandleSeconds)})\n`);
    const days = new Map<string, { contacts: number; peak: number; agentHours: number }>();
    for (const hour of entry.hours) {
      const day = new Date(Date.parse(hour.start) + season.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
      const totals = days.get(day) ?? { contacts: 0, peak: 0, agentHours: 0 };
      totals.contacts += hour.contacts;
      totals.peak = Math.max(totals.peak, hour.scheduled);
      totals.agentHours += hour.scheduled;
      days.set(day, totals);
    }
    io.out(
      formatTable(
        ['day', 'contacts', 'peak heads', 'agent-hours'],
        [...days].map(([day, totals]) => [day, formatNumber(totals.contacts), formatNumber(totals.peak), formatNumber(totals.agentHours)]),
      ),
    );
    if (entry.overflow) {
      io.out(`Overflow against ${inHouse[channel]} in-house heads: peak ${entry.overflow.peakOverflowAgents}, ${formatNumber(entry.overflow.totalOverflowAgentHours)} agent-hours\n`);
      if (entry.overflow.blocks.length > 0) {
        io.out(formatTable(['from', 'to', 'peak overflow', 'agent-hours'], entry.overflow.blocks.map((block) => [block.from, block.to, formatNumber(block.peakOverflowAgents), formatNumber(block.agentHours)])));
      }
    }
    io.out('\n');
  }
  return 0;
}
