import type { SlaMetric } from '../../model/engine-event-data';
import type { Channel } from '../../model/primitives';
import { isPublicAgentReply } from '../../model/public-agent-reply';
import type { CaseEvent } from './case-event';

/**
 * Outcome of one SLA clock instance: met, breached, or still running.
 */
export type SlaOutcome = 'achieved' | 'breached' | 'active';

/**
 * Everything the service metrics read from one case, derived from its events in time order.
 */
export interface CaseFacts {
  /** When the case opened: its first inbound contact (or first event), epoch ms. */
  openedAt: number;
  /** Channel of that first contact. */
  channel: Channel;
  /** Policy of the case's earliest `sla.applied`, or undefined. */
  policyId: string | undefined;
  /** Contacts that count: time and channel of each. */
  contacts: Array<{ at: number; channel: Channel }>;
  /** Inbound contacts flagged as repeats of the same question. */
  repeatContacts: Array<{ at: number; channel: Channel }>;
  /** First agent reply after opening, in calendar seconds (and business seconds from the SLA clock). */
  firstReply: { seconds: number; businessSeconds: number | undefined } | undefined;
  /** Set when the case is currently solved: resolution time from opening to the last solve. */
  resolution: { at: number; seconds: number; businessSeconds: number | undefined; deflected: boolean } | undefined;
  /** Set when the case was solved at least once after an agent reply: first-contact resolution outcome. */
  firstContactResolution: { at: number; resolved: boolean } | undefined;
  /** One entry per SLA clock instance. */
  sla: Array<{ at: number; policyId: string; metric: SlaMetric; outcome: SlaOutcome }>;
  /** Chat conversations with an agent: handle time from the first agent message to the last message. */
  chats: Array<{ at: number; seconds: number }>;
  /** Intervals (epoch ms, end exclusive; Infinity while open) during which the case was unsolved. */
  openIntervals: Array<[number, number]>;
}

const inboundTypes = new Set(['message.received', 'voicemail.left', 'ticket.opened']);

function isInbound(event: CaseEvent): boolean {
  return inboundTypes.has(event.type) || (event.type === 'call.started' && event.direction !== 'outbound');
}

function isAutomatedReply(event: CaseEvent): boolean {
  return event.type === 'message.sent' && (event.actor === 'bot' || event.actor === 'system');
}

function isSolved(status: string | undefined): boolean {
  return status === 'solved' || status === 'closed';
}

/**
 * Derives a case's metric facts from its events (which must be sorted by time, then id).
 * The result depends only on the set of events, never on the order they arrived in.
 * @param events - the case's events, sorted with `compareCaseEvents`
 * @param reopenWindowMs - how long after the first solve a reopen still spoils first-contact resolution
 * @returns the case's facts
 * @example
 * deriveCaseFacts(sortedEvents, 7 * 86_400_000);
 */
export function deriveCaseFacts(events: readonly CaseEvent[], reopenWindowMs: number): CaseFacts {
  const firstInbound = events.find(isInbound);
  const first = firstInbound ?? events[0];
  const openedAt = first?.at ?? 0;
  const channel: Channel = first?.channel ?? events.find((event) => event.channel !== null)?.channel ?? 'other';
  const policyId = events.find((event) => event.type === 'sla.applied')?.sla?.policyId;

  const contacts: CaseFacts['contacts'] = [];
  const repeatContacts: CaseFacts['repeatContacts'] = [];
  const conversations = new Set<string>();
  const openIntervals: Array<[number, number]> = [];
  let solved = false;
  let openSince: number | undefined;
  let firstSolveAt: number | undefined;
  let lastSolveAt: number | undefined;
  let reopenedWithinWindow = false;
  let agentRepliesBeforeFirstSolve = 0;
  let agentReplies = 0;
  let automatedReplies = 0;
  let handedOff = false;
  let firstReplyAt: number | undefined;

  for (const event of events) {
    if (isInbound(event)) {
      const conversation = event.thread ?? `channel:${event.channel ?? 'other'}`;
      const contact = { at: event.at, channel: event.channel ?? channel };
      if (event.repeat) repeatContacts.push(contact);
      else if (solved || !conversations.has(conversation)) contacts.push(contact);
      conversations.add(conversation);
      if (solved) {
        solved = false;
        if (firstSolveAt !== undefined && event.at - firstSolveAt <= reopenWindowMs) reopenedWithinWindow = true;
      }
      openSince ??= event.at;
    }
    if (isPublicAgentReply(event.type, event.actor)) {
      agentReplies++;
      if (firstSolveAt === undefined) agentRepliesBeforeFirstSolve++;
      if (firstReplyAt === undefined && event.at >= openedAt) firstReplyAt = event.at;
    }
    if (isAutomatedReply(event)) automatedReplies++;
    if (event.type === 'automation.handoff') handedOff = true;
    if (event.status !== undefined) {
      if (isSolved(event.status)) {
        if (!solved) {
          solved = true;
          firstSolveAt ??= event.at;
          lastSolveAt = event.at;
          if (openSince !== undefined) openIntervals.push([openSince, event.at]);
          openSince = undefined;
        }
      } else {
        if (solved) {
          solved = false;
          if (firstSolveAt !== undefined && event.at - firstSolveAt <= reopenWindowMs) reopenedWithinWindow = true;
        }
        openSince ??= event.at;
      }
    }
  }
  if (openSince !== undefined) openIntervals.push([openSince, Number.POSITIVE_INFINITY]);

  return {
    openedAt,
    channel,
    policyId,
    contacts,
    repeatContacts,
    firstReply: firstReplyAt === undefined ? undefined : { seconds: (firstReplyAt - openedAt) / 1000, businessSeconds: businessSeconds(events, 'first_reply', false) },
    resolution:
      solved && lastSolveAt !== undefined
        ? {
            at: lastSolveAt,
            seconds: (lastSolveAt - openedAt) / 1000,
            businessSeconds: businessSeconds(events, 'total_resolution', true),
            deflected: agentReplies === 0 && automatedReplies > 0 && !handedOff,
          }
        : undefined,
    firstContactResolution:
      firstSolveAt !== undefined && agentRepliesBeforeFirstSolve > 0
        ? { at: firstSolveAt, resolved: agentRepliesBeforeFirstSolve === 1 && !reopenedWithinWindow }
        : undefined,
    sla: slaInstances(events),
    chats: chatHandleTimes(events),
    openIntervals,
  };
}

/** Business seconds of the first (or last) fulfilled clock of a metric that runs on business hours. */
function businessSeconds(events: readonly CaseEvent[], metric: SlaMetric, last: boolean): number | undefined {
  let chosen: number | undefined;
  for (const event of events) {
    if (event.type !== 'sla.fulfilled' || event.sla?.metric !== metric || !event.sla.businessHours) continue;
    chosen = event.sla.elapsedMs / 1000;
    if (!last) break;
  }
  return chosen;
}

/** Walks each (policy, metric) clock: applied starts an instance, breached marks it, fulfilled closes it. */
function slaInstances(events: readonly CaseEvent[]): CaseFacts['sla'] {
  const out: CaseFacts['sla'] = [];
  const current = new Map<string, { at: number; policyId: string; metric: SlaMetric; breached: boolean; clockId: string }>();
  for (const event of events) {
    if (!event.sla) continue;
    const key = `${event.sla.policyId}\u0000${event.sla.metric}`;
    // SLA event ids are `sla:<case>:<metric>:<instance>:<kind>…`: the first four parts name the clock.
    const clockId = event.id.split(':').slice(0, 4).join(':');
    let instance = current.get(key);
    // The same clock applied again (its target changed with the priority) is not a new clock.
    if (event.type === 'sla.applied' && instance?.clockId === clockId) continue;
    if (event.type === 'sla.applied' && instance) {
      // A new clock of the same metric (next reply after another customer message) restarts it.
      out.push({ at: instance.at, policyId: instance.policyId, metric: instance.metric, outcome: instance.breached ? 'breached' : 'active' });
      instance = undefined;
    }
    if (!instance) {
      instance = { at: event.at, policyId: event.sla.policyId, metric: event.sla.metric, breached: false, clockId };
      current.set(key, instance);
    }
    if (event.type === 'sla.breached') instance.breached = true;
    if (event.type === 'sla.fulfilled') {
      const breached = instance.breached || event.sla.elapsedMs > event.sla.targetMs;
      out.push({ at: instance.at, policyId: instance.policyId, metric: instance.metric, outcome: breached ? 'breached' : 'achieved' });
      current.delete(key);
    }
  }
  for (const instance of current.values()) {
    out.push({ at: instance.at, policyId: instance.policyId, metric: instance.metric, outcome: instance.breached ? 'breached' : 'active' });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Chat handle time per chat session: from the first agent message to the solve that closes the
 * session, or to the last message while it is still open. A solve ends every open session, so a
 * chat reopened days later is a new session rather than one long one.
 */
function chatHandleTimes(events: readonly CaseEvent[]): CaseFacts['chats'] {
  const sessions = new Map<string, { firstAgent: number | undefined; last: number }>();
  const out: CaseFacts['chats'] = [];
  const close = (end: number | undefined) => {
    for (const session of sessions.values()) {
      if (session.firstAgent !== undefined) out.push({ at: session.firstAgent, seconds: ((end ?? session.last) - session.firstAgent) / 1000 });
    }
    sessions.clear();
  };
  for (const event of events) {
    if (isSolved(event.status)) {
      close(event.at);
      continue;
    }
    if (event.channel !== 'chat' || (event.type !== 'message.received' && event.type !== 'message.sent')) continue;
    const key = event.thread ?? 'chat';
    const session = sessions.get(key) ?? { firstAgent: undefined, last: event.at };
    if (event.type === 'message.sent' && event.actor === 'agent' && session.firstAgent === undefined) session.firstAgent = event.at;
    session.last = event.at;
    sessions.set(key, session);
  }
  close(undefined);
  return out;
}
