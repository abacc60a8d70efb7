import { type Actor, type CaseStatus, deriveEventId, type IdentityClaim, type WebhookParseResult } from '@throughline/core/adapter';
import { viaCodeOrLabel } from './map-channel';
import { identitiesOfUser, zendeskId } from './map-identities';
import { caseStatusFromZendesk, priorityFromZendesk } from './map-status';
import { actorOf, buildTicketContext } from './ticket-context';
import { eventFromTicketFact, type TicketFact } from './ticket-fact';
import type { ZendeskDirectory } from './user-directory';
import { type ZendeskEventWebhook, zendeskUserIdentitySchema, zendeskViaSchema, zendeskWebhookCommentSchema } from './zendesk-api-types';

/** What mapping an event webhook needs besides the body. */
export interface EventWebhookMappingOptions {
  tenantId: string;
  subdomain: string;
  directory: ZendeskDirectory;
  /** Custom status id → category. */
  customStatuses: Readonly<Record<string, CaseStatus>>;
}

const ticketPrefix = 'zen:event-type:ticket.';
// The docs spell some user event types with a slash (`zen:event-type/user.identity_created`).
const userPattern = /^zen:event-type[:/]user\.(.+)$/;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function ticketFact(body: ZendeskEventWebhook, options: EventWebhookMappingOptions, at: number, requesterId: string | null):
  | { fact: TicketFact }
  | { ignored: string }
  | { missing: string } {
  const type = body.type.slice(ticketPrefix.length);
  const detail = body.detail;
  const event = body.event ?? {};
  const actor: Actor = actorOf(options.tenantId, zendeskId(detail.actor_id), requesterId, options.directory);
  switch (type) {
    case 'created': {
      const status = caseStatusFromZendesk(detail.status) ?? 'new';
      const submitter = zendeskId(detail.submitter_id);
      const opener: Actor = submitter && submitter !== requesterId ? actorOf(options.tenantId, submitter, requesterId, options.directory) : { kind: 'customer', ...(requesterId ? { id: requesterId } : {}) };
      return { fact: { kind: 'opened', at, actor: opener, status } };
    }
    case 'status_changed': {
      const status = caseStatusFromZendesk(event.current) ?? caseStatusFromZendesk(detail.status);
      if (!status) return { missing: 'event.current is not a Zendesk status' };
      const custom = detail.custom_status;
      return {
        fact: { kind: 'status', at, actor, status, previous: caseStatusFromZendesk(event.previous), customStatusId: zendeskId(custom) },
      };
    }
    case 'custom_status_changed': {
      const customStatusId = zendeskId(event.current);
      const status = (customStatusId ? options.customStatuses[customStatusId] : undefined) ?? caseStatusFromZendesk(detail.status);
      if (!status) return { missing: 'the custom status has no known category: add it to `customStatuses`' };
      const previousId = zendeskId(event.previous);
      const previous = previousId ? (options.customStatuses[previousId] ?? null) : null;
      return { fact: { kind: 'status', at, actor, status, previous, customStatusId } };
    }
    case 'priority_changed': {
      const priority = priorityFromZendesk(event.current);
      if (!priority) return { ignored: 'priority was cleared' };
      return { fact: { kind: 'priority', at, actor, priority, previous: priorityFromZendesk(event.previous) } };
    }
    case 'agent_assignment_changed':
      return { fact: { kind: 'assigned', at, actor, assigneeId: zendeskId(event.current), groupId: zendeskId(detail.group_id) } };
    case 'group_assignment_changed':
      return { fact: { kind: 'assigned', at, actor, assigneeId: zendeskId(detail.assignee_id), groupId: zendeskId(event.current) } };
    case 'comment_added': {
      const parsed = zendeskWebhookCommentSchema.safeParse(event.comment);
      if (!parsed.success) return { missing: 'event.comment is missing or has no id' };
      const comment = parsed.data;
      const authorId = zendeskId(comment.author?.id);
      const name = comment.author?.name ? { name: comment.author.name } : {};
      const author: Actor =
        authorId === '-1'
          ? { kind: 'bot', id: authorId, ...name }
          : comment.author?.is_staff === true
            ? { kind: 'agent', ...(authorId ? { id: authorId } : {}), ...name }
            : comment.author?.is_staff === false
              ? { kind: 'customer', ...(authorId ? { id: authorId } : {}), ...name }
              : actorOf(options.tenantId, authorId, requesterId, options.directory);
      return {
        fact: {
          kind: 'comment',
          at,
          actor: author,
          commentId: zendeskId(comment.id),
          body: comment.body ?? '',
          isPublic: comment.is_public !== false,
        },
      };
    }
    default:
      return { ignored: `Zendesk event ${body.type} is not mapped` };
  }
}

function rememberUser(body: ZendeskEventWebhook, options: EventWebhookMappingOptions, kind: string): WebhookParseResult {
  const detail = body.detail;
  const userId = zendeskId(detail.id);
  if (!userId) return { ok: false, reason: 'missing_fields', message: 'detail.id is missing' };
  options.directory.rememberUser(options.tenantId, {
    id: userId,
    email: text(detail.email),
    role: text(detail.role),
    name: text(detail.name),
  });
  const claims: IdentityClaim[] = identitiesOfUser({ id: userId, email: text(detail.email) });
  if (kind === 'identity_deleted') {
    const event = body.event ?? {};
    const identity = zendeskUserIdentitySchema.safeParse((event.previous ?? event.identity ?? event.current ?? event) as unknown);
    if (identity.success) options.directory.forgetIdentity(options.tenantId, userId, identity.data);
  } else if (kind.startsWith('identity_')) {
    const event = body.event ?? {};
    const candidate = (event.current ?? event.identity ?? event) as unknown;
    const identity = zendeskUserIdentitySchema.safeParse(candidate);
    if (identity.success) {
      options.directory.rememberIdentity(options.tenantId, userId, identity.data);
      claims.push(...identitiesOfUser({ id: null, identities: [identity.data] }));
    }
  }
  const role = text(detail.role);
  const occurredAt = Date.parse(body.time);
  // Agents and admins are staff, not customers: their facts only enrich ticket events.
  if ((role !== null && role !== 'end-user') || Number.isNaN(occurredAt) || kind === 'identity_deleted' || kind === 'deleted') {
    return { ok: true, kind: 'ignored', reason: `user ${kind} recorded in the adapter's user directory` };
  }
  const name = text(detail.name);
  return {
    ok: true,
    kind: 'events',
    events: [
      {
        type: 'customer.updated',
        id: deriveEventId('zendesk', 'user', userId, body.id),
        tenantId: options.tenantId,
        occurredAt: new Date(occurredAt).toISOString(),
        source: { system: 'zendesk', externalId: userId },
        channel: null,
        actor: { kind: 'system' },
        identities: claims,
        ...(name ? { profile: { name } } : {}),
        data: { externalId: userId, change: kind === 'created' ? 'created' : 'updated', tags: [] },
      },
    ],
  };
}

/**
 * Maps an event-subscription webhook (`zen:event-type:ticket.*`, `zen:event-type:user.*`) to events.
 * Never throws: unknown types are ignored, incomplete bodies answer `missing_fields`.
 *
 * @param body - the parsed body
 * @param options - tenant, subdomain, directory and custom statuses
 * @returns the parse result
 */
export function mapEventWebhook(body: ZendeskEventWebhook, options: EventWebhookMappingOptions): WebhookParseResult {
  const userMatch = userPattern.exec(body.type);
  if (userMatch) return rememberUser(body, options, userMatch[1]!);
  if (!body.type.startsWith(ticketPrefix)) return { ok: true, kind: 'ignored', reason: `Zendesk event ${body.type} is not mapped` };
  const detail = body.detail;
  const ticketId = zendeskId(detail.id) ?? /^zen:ticket:(\d+)$/.exec(body.subject ?? '')?.[1] ?? null;
  if (!ticketId) return { ok: false, reason: 'missing_fields', message: 'detail.id (the ticket id) is missing' };
  const at = Date.parse(body.time);
  if (Number.isNaN(at)) return { ok: false, reason: 'missing_fields', message: '`time` is not an instant' };
  const via = zendeskViaSchema.safeParse(detail.via);
  const context = buildTicketContext(
    options.tenantId,
    options.subdomain,
    {
      ticketId,
      subject: text(detail.subject),
      via: via.success ? viaCodeOrLabel(via.data) : null,
      priority: detail.priority,
      tags: Array.isArray(detail.tags) ? detail.tags.filter((tag): tag is string => typeof tag === 'string') : null,
      requesterId: zendeskId(detail.requester_id),
    },
    options.directory,
  );
  const requesterId = context.requesterIdentities.find((claim) => claim.kind === 'platform')?.value ?? null;
  const result = ticketFact(body, options, at, requesterId);
  if ('ignored' in result) return { ok: true, kind: 'ignored', reason: result.ignored };
  if ('missing' in result) return { ok: false, reason: 'missing_fields', message: result.missing };
  return { ok: true, kind: 'events', events: [eventFromTicketFact(context, result.fact, body.id)] };
}
