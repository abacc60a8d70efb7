import type { Actor, CaseStatus, Channel, Priority } from '../../model/primitives';
import { isPublicAgentReply } from '../../model/public-agent-reply';
import type { TimelineEvent, TimelineEventType } from '../../model/timeline-event';
import { parseIsoInstant } from '../calendar/iso-instant';

/**
 * What one timeline event means to SLA clocks, with its place in the fold order. Only the fields
 * the fold reads are kept (never message bodies), so folded inputs are cheap to hold and compare.
 */
export interface CaseSlaInput {
  readonly id: string;
  readonly type: TimelineEventType;
  /** `occurredAt` in epoch ms. */
  readonly at: number;
  /** Same-instant order: 0 the opening, 1 field changes, 2 comments and calls. */
  readonly rank: number;
  readonly tenantId: string;
  readonly caseId: string;
  readonly customerId: string;
  readonly actorKind: Actor['kind'];
  readonly channel: Channel | null;
  readonly repeatContact: boolean;
  /** Status the event sets explicitly. */
  readonly status: CaseStatus | undefined;
  /** Priority the event sets. */
  readonly priority: Priority | undefined;
  /** Tags the event carries. */
  readonly tags: readonly string[] | undefined;
  /** A customer reaching out: a message, call, voicemail or ticket from the customer. */
  readonly customerContact: boolean;
  /** A public agent reply on any channel: an agent's message, or a call anyone but a bot or the customer answered. */
  readonly publicAgentReply: boolean;
  /** A comment in Zendesk's sense (public or private), to find an agent-created case's opening comment. */
  readonly comment: boolean;
}

/**
 * Same-instant rank by event type: 0 the opening, 1 field changes, 2 comments and calls; -1 for
 * types that do not drive clocks (orders, surveys, identity, SLA events).
 */
function rankOf(type: TimelineEventType): number {
  switch (type) {
    case 'ticket.opened':
      return 0;
    case 'ticket.status_changed':
    case 'case.status_changed':
    case 'ticket.priority_changed':
      return 1;
    case 'ticket.assigned':
    case 'message.received':
    case 'message.sent':
    case 'call.started':
    case 'call.answered':
    case 'call.ended':
    case 'call.missed':
    case 'voicemail.left':
    case 'note.added':
    case 'automation.handoff':
      return 2;
    default:
      return -1;
  }
}

/**
 * Tells whether events of a type can move SLA clocks.
 *
 * @param type - A timeline event type.
 * @returns `true` for tickets, status and priority changes, messages, calls, voicemails, notes and handoffs.
 */
export function drivesSlaClocks(type: TimelineEventType): boolean {
  return rankOf(type) >= 0;
}

/**
 * Reads what a timeline event means to SLA clocks.
 *
 * Bot and system messages, internal notes and automated answers are never replies; an agent
 * answering a call is one. `sla.*` events, events outside a case and events that do not drive
 * clocks give `undefined`.
 *
 * @param event - A timeline event of the case.
 * @returns The event's SLA input, or `undefined` when it cannot move a clock.
 */
export function readCaseSlaInput(event: TimelineEvent): CaseSlaInput | undefined {
  const rank = rankOf(event.type);
  if (rank < 0 || event.caseId === null) return undefined;
  const actorKind = event.actor.kind;
  let status: CaseStatus | undefined;
  let priority: Priority | undefined = event.priority;
  let tags: readonly string[] | undefined = event.tags;
  const publicAgentReply = isPublicAgentReply(event.type, actorKind);
  let comment = false;
  let customerContact = false;
  switch (event.type) {
    case 'ticket.opened':
      status = event.data.status;
      priority = event.data.priority ?? priority;
      tags = tags === undefined ? event.data.tags : [...tags, ...event.data.tags];
      customerContact = actorKind === 'customer';
      break;
    case 'ticket.status_changed':
      status = event.data.status;
      break;
    case 'case.status_changed':
      status = event.data.status;
      priority = event.data.priority ?? priority;
      break;
    case 'ticket.priority_changed':
      priority = event.data.priority;
      break;
    case 'message.sent':
      comment = true;
      break;
    case 'message.received':
      comment = true;
      customerContact = actorKind === 'customer';
      break;
    case 'note.added':
      comment = true;
      break;
    case 'call.started':
    case 'voicemail.left':
      customerContact = actorKind === 'customer';
      break;
    default:
      break;
  }
  return {
    id: event.id,
    type: event.type,
    at: parseIsoInstant(event.occurredAt),
    rank,
    tenantId: event.tenantId,
    caseId: event.caseId,
    customerId: event.customerId,
    actorKind,
    channel: event.channel,
    repeatContact: event.repeatContact,
    status,
    priority,
    tags,
    customerContact,
    publicAgentReply,
    comment,
  };
}

/**
 * Orders inputs as the fold reads them: by instant, then opening, field changes, comments; then by id.
 *
 * @param left - An input.
 * @param right - Another input.
 * @returns Negative, zero or positive, as `Array#sort` expects.
 */
export function compareCaseSlaInputs(left: CaseSlaInput, right: CaseSlaInput): number {
  return left.at - right.at || left.rank - right.rank || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
}

/**
 * Sorts inputs into fold order and drops repeated ids (the first in fold order stays).
 *
 * @param inputs - Inputs in any order; sorted in place.
 * @returns The same array, sorted and de-duplicated.
 */
export function sortCaseSlaInputs(inputs: CaseSlaInput[]): CaseSlaInput[] {
  const count = inputs.length;
  if (count < 2) return inputs;
  inputs.sort(compareCaseSlaInputs);
  let kept = 0;
  if (count <= 16) {
    // Few inputs: a scan of the kept ones is cheaper than a set.
    outer: for (let index = 0; index < count; index++) {
      const input = inputs[index]!;
      for (let previous = 0; previous < kept; previous++) if (inputs[previous]!.id === input.id) continue outer;
      inputs[kept++] = input;
    }
  } else {
    const seen = new Set<string>();
    for (let index = 0; index < count; index++) {
      const input = inputs[index]!;
      if (seen.has(input.id)) continue;
      seen.add(input.id);
      inputs[kept++] = input;
    }
  }
  inputs.length = kept;
  return inputs;
}

function sameTags(left: readonly string[] | undefined, right: readonly string[] | undefined): boolean {
  if (left === right) return true;
  if (left === undefined || right === undefined || left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

/**
 * Tells whether two inputs mean exactly the same to the fold (same event, same placement, same signals).
 *
 * @param left - An input.
 * @param right - Another input.
 * @returns `true` when folding either gives the same clocks.
 */
export function sameCaseSlaInput(left: CaseSlaInput, right: CaseSlaInput): boolean {
  return (
    left === right ||
    (left.id === right.id &&
      left.at === right.at &&
      left.type === right.type &&
      left.customerId === right.customerId &&
      left.caseId === right.caseId &&
      left.tenantId === right.tenantId &&
      left.actorKind === right.actorKind &&
      left.channel === right.channel &&
      left.repeatContact === right.repeatContact &&
      left.status === right.status &&
      left.priority === right.priority &&
      sameTags(left.tags, right.tags))
  );
}
