import { isPublicAgentReply } from '../model/public-agent-reply';
import type { SupportCase } from '../model/support-case';
import { type IncomingEvent, inboundContactTypes, type TimelinePlacement } from '../model/timeline-event';
import type { FoldSettings, FoldState } from './fold-state';
import { stableHash } from './stable-hash';

const customerFactTypes = new Set(['order.placed', 'order.updated', 'order.cancelled', 'order.refunded', 'fulfillment.updated', 'customer.updated']);

function isClosed(supportCase: SupportCase): boolean {
  return supportCase.status === 'solved' || supportCase.status === 'closed';
}

function casesOfCustomer(state: FoldState, customerId: string): SupportCase[] {
  const out: SupportCase[] = [];
  for (const supportCase of state.cases.values()) if (supportCase.customerId === customerId && supportCase.mergedInto === null) out.push(supportCase);
  return out;
}

function latest(cases: SupportCase[]): SupportCase | undefined {
  let best: SupportCase | undefined;
  for (const supportCase of cases) {
    if (!best || supportCase.lastActivityAt > best.lastActivityAt || (supportCase.lastActivityAt === best.lastActivityAt && supportCase.id > best.id)) best = supportCase;
  }
  return best;
}

function threadCase(state: FoldState, cases: SupportCase[], thread: string | undefined): SupportCase | undefined {
  if (thread === undefined) return undefined;
  if (thread.startsWith('case:')) {
    const found = state.cases.get(thread.slice(5));
    return found?.mergedInto ? state.cases.get(found.mergedInto) : found;
  }
  return cases.find((supportCase) => supportCase.threads.includes(thread));
}

/**
 * Places one event on a case inside the fold: an inbound contact joins the customer's open case
 * (marked a repeat when it arrives on another channel while the case waits for a reply), reopens a
 * case solved within the reopen window, or opens a new one; a helpdesk thread maps onto its case;
 * replies, notes and status changes land on their thread's case or the open one; order facts stay
 * on the customer.
 *
 * @param state - the fold state, changed in place
 * @param event - a source event in canonical order
 * @param customerId - the customer it resolved to
 * @param settings - reopen window and tenant
 * @returns where the event sits
 * @example
 * ```ts
 * const placement = assignCase(state, event, resolution.customerId, settings);
 * placement.caseId; // the case the event joined, opened or reopened; null for an order fact
 * ```
 */
export function assignCase(state: FoldState, event: IncomingEvent, customerId: string, settings: FoldSettings): TimelinePlacement {
  if (customerFactTypes.has(event.type)) return { customerId, caseId: null, repeatContact: false };
  const cases = casesOfCustomer(state, customerId);
  const open = latest(cases.filter((supportCase) => !isClosed(supportCase)));
  const onThread = threadCase(state, cases, event.thread);
  const at = event.occurredAt;

  if (inboundContactTypes.has(event.type)) {
    let target = onThread ?? open;
    let repeatContact = false;
    if (!target) {
      const lastSolved = latest(cases.filter((supportCase) => supportCase.solvedAt !== null));
      if (lastSolved?.solvedAt && Date.parse(at) - Date.parse(lastSolved.solvedAt) <= settings.reopenWindowMs) target = lastSolved;
    }
    if (!target) {
      const channel = event.channel ?? 'other';
      target = {
        tenantId: settings.tenantId,
        id: `case_${stableHash(event.id)}`,
        customerId,
        status: 'new',
        priority: event.priority ?? 'normal',
        channel,
        lastInboundChannel: channel,
        lastInboundAt: at,
        subject: event.type === 'ticket.opened' ? event.data.subject : event.type === 'message.received' ? event.data.subject : null,
        tags: event.tags ?? [],
        threads: [],
        openedAt: at,
        solvedAt: null,
        contactCount: 0,
        repeatContactCount: 0,
        awaitingReplySince: null,
        lastActivityAt: at,
        mergedInto: null,
      };
    } else if (target.awaitingReplySince !== null && event.channel !== null && event.channel !== target.lastInboundChannel && !(event.thread && target.threads.includes(event.thread))) {
      repeatContact = true;
    }
    const reopened = isClosed(target);
    state.cases.set(target.id, {
      ...target,
      status: reopened ? 'open' : target.status,
      solvedAt: reopened ? null : target.solvedAt,
      lastInboundChannel: event.channel ?? target.lastInboundChannel,
      lastInboundAt: at,
      awaitingReplySince: target.awaitingReplySince ?? at,
      contactCount: target.contactCount + 1,
      repeatContactCount: target.repeatContactCount + (repeatContact ? 1 : 0),
      threads: event.thread && !target.threads.includes(event.thread) ? [...target.threads, event.thread] : target.threads,
      priority: event.type === 'ticket.opened' && event.data.priority ? event.data.priority : target.priority,
      tags: event.tags ? [...new Set([...target.tags, ...event.tags])] : target.tags,
      lastActivityAt: at > target.lastActivityAt ? at : target.lastActivityAt,
    });
    return { customerId, caseId: target.id, repeatContact };
  }

  const target = onThread ?? open ?? latest(cases);
  if (!target) return { customerId, caseId: null, repeatContact: false };
  let next: SupportCase = { ...target, lastActivityAt: at > target.lastActivityAt ? at : target.lastActivityAt };
  if (isPublicAgentReply(event.type, event.actor.kind)) {
    next = { ...next, awaitingReplySince: null, status: next.status === 'new' ? 'open' : next.status };
  }
  if (event.type === 'ticket.status_changed' || event.type === 'case.status_changed') {
    const status = event.data.status;
    const closed = status === 'solved' || status === 'closed';
    next = { ...next, status, solvedAt: closed ? (next.solvedAt ?? at) : null };
    if (event.type === 'case.status_changed' && event.data.priority) next = { ...next, priority: event.data.priority };
  }
  if (event.type === 'ticket.priority_changed') next = { ...next, priority: event.data.priority };
  if (event.thread && !event.thread.startsWith('case:') && !next.threads.includes(event.thread)) next = { ...next, threads: [...next.threads, event.thread] };
  state.cases.set(next.id, next);
  return { customerId, caseId: next.id, repeatContact: false };
}
