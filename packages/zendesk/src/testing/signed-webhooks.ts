import { hmac, toBase64 } from '@throughline/core/adapter-utils';
import { renderZendeskTriggerBody, type ZendeskTriggerEventKind } from '../trigger-template';
import type { FakeZendeskTicket, FakeZendeskUser } from './fake-zendesk-account';

/** How a fake delivery is signed and addressed. */
export interface ZendeskDeliveryOptions {
  /** The webhook's signing secret (used as a literal string, like Zendesk does). */
  secret: string;
  /** The account the delivery claims to come from (`X-Zendesk-Account-Id`). */
  accountId: number | string;
  /** The signature timestamp; pass it in so builders stay deterministic. */
  signedAt: Date | string | number;
  /** `X-Zendesk-Webhook-Invocation-Id`; derived from the body when omitted. */
  invocationId?: string;
  /** `X-Zendesk-Webhook-Id`; a fixed fake id when omitted. */
  webhookId?: string;
  /** Where the delivery is posted. */
  url?: string;
}

const encoder = new TextEncoder();

function timestampOf(at: Date | string | number): string {
  return `${new Date(at).toISOString().slice(0, 19)}Z`;
}

function fnv(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Signs a body the way Zendesk does (base64 HMAC-SHA256 of `timestamp + body`) and wraps it in a Request
 * with Zendesk's webhook headers.
 * @param body - the exact body text
 * @param options - secret, account, signature time and ids
 * @returns the request
 * @example
 * ```ts
 * // A correctly signed body the adapter cannot read: answered 400 and kept as a dead letter.
 * const delivery = await signZendeskDelivery('{"not":"a Zendesk event"}', { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() });
 * (await throughline.webhooks.handle(delivery)).status; // 400
 * ```
 */
export async function signZendeskDelivery(body: string, options: ZendeskDeliveryOptions): Promise<Request> {
  const timestamp = timestampOf(options.signedAt);
  const signature = toBase64(await hmac('SHA-256', options.secret, encoder.encode(timestamp + body)));
  return new Request(options.url ?? 'https://hooks.example.com/webhooks/zendesk', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Zendesk Webhook',
      'x-zendesk-account-id': String(options.accountId),
      'x-zendesk-webhook-id': options.webhookId ?? '01HZFAKEWEBHOOK0000000000',
      'x-zendesk-webhook-invocation-id': options.invocationId ?? `inv-${fnv(body)}`,
      'x-zendesk-webhook-signature': signature,
      'x-zendesk-webhook-signature-timestamp': timestamp,
    },
    body,
  });
}

/**
 * The `detail` object event webhooks carry for a ticket (ids as strings, status and priority upper case).
 * @param ticket - the fake ticket
 * @param actorId - who caused the event (the requester by default)
 * @returns the `detail` object
 * @example
 * ```ts
 * // A ticket event type the builders have no helper for (and the adapter acknowledges and ignores):
 * await buildZendeskEventWebhook({ ...options, type: 'zen:event-type:ticket.tags_changed', subject: `zen:ticket:${ticket.id}`, detail: ticketDetail(ticket) });
 * ```
 */
export function ticketDetail(ticket: FakeZendeskTicket, actorId?: number): Record<string, unknown> {
  return {
    actor_id: String(actorId ?? ticket.requester_id),
    assignee_id: ticket.assignee_id === null ? null : String(ticket.assignee_id),
    brand_id: '1',
    created_at: ticket.created_at,
    custom_status: ticket.custom_status_id === null ? null : String(ticket.custom_status_id),
    description: ticket.description,
    external_id: ticket.external_id,
    form_id: '1',
    group_id: ticket.group_id === null ? null : String(ticket.group_id),
    id: String(ticket.id),
    is_public: true,
    organization_id: null,
    priority: ticket.priority?.toUpperCase() ?? null,
    requester_id: String(ticket.requester_id),
    status: ticket.status.toUpperCase(),
    subject: ticket.subject,
    submitter_id: String(ticket.submitter_id),
    tags: ticket.tags,
    type: null,
    updated_at: ticket.updated_at,
    via: { channel: ticket.via.channel },
  };
}

/** An event-subscription webhook to build. */
export interface ZendeskEventWebhookInput extends ZendeskDeliveryOptions {
  /** `zen:event-type:ticket.created`, … */
  type: string;
  /** The event's id (ULID-like); derived from the body when omitted. */
  id?: string;
  /** When the event happened; the signature time when omitted. */
  time?: Date | string | number;
  /** What the event is about, such as `zen:ticket:123` or `zen:user:456`. */
  subject: string;
  /** The state of the subject after the event (`ticketDetail` builds a ticket's). */
  detail: Record<string, unknown>;
  /** What changed, such as `{ current, previous }` or a comment. */
  event?: Record<string, unknown>;
}

/**
 * Builds a signed event-subscription webhook (`zen:event-type:…`) with Zendesk's envelope.
 * @param input - type, subject, detail, event and delivery options
 * @returns the request
 * @example
 * ```ts
 * // An event type the adapter does not map is acknowledged (200) and ignored.
 * await buildZendeskEventWebhook({
 *   secret: 'test-webhook-secret',
 *   accountId: 12514403,
 *   signedAt: time.now(),
 *   type: 'zen:event-type:ticket.tags_changed',
 *   subject: `zen:ticket:${ticket.id}`,
 *   detail: ticketDetail(ticket),
 *   event: { tags: { added: ['vip'], removed: [] } },
 * });
 * ```
 */
export async function buildZendeskEventWebhook(input: ZendeskEventWebhookInput): Promise<Request> {
  const time = new Date(input.time ?? input.signedAt).toISOString();
  const draft = { type: input.type, account_id: Number(input.accountId), subject: input.subject, detail: input.detail, event: input.event ?? {} };
  const body = JSON.stringify({
    type: input.type,
    account_id: Number(input.accountId),
    id: input.id ?? `01J${fnv(JSON.stringify(draft))}${fnv(time)}`.toUpperCase(),
    time,
    zendesk_event_version: '2022-11-06',
    subject: input.subject,
    detail: input.detail,
    event: input.event ?? {},
  });
  return signZendeskDelivery(body, input);
}

/** Shared options of the ticket webhook builders. */
export type TicketWebhookOptions = ZendeskDeliveryOptions & {
  /** When the event happened; the signature time when omitted. */
  time?: Date | string | number;
  /** Who caused it; the requester when omitted. */
  actorId?: number;
  /** The event's id; derived from the body when omitted. */
  id?: string;
};

function ticketWebhook(type: string, ticket: FakeZendeskTicket, options: TicketWebhookOptions, event: Record<string, unknown>): Promise<Request> {
  return buildZendeskEventWebhook({
    ...options,
    type: `zen:event-type:ticket.${type}`,
    subject: `zen:ticket:${ticket.id}`,
    detail: ticketDetail(ticket, options.actorId),
    event,
  });
}

/**
 * `zen:event-type:ticket.created` for a ticket.
 * @param ticket - the fake ticket
 * @param options - signing, account and event options
 * @returns the signed request
 * @example
 * ```ts
 * const options = { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() };
 * const ticket = account.openTicket({ requesterId: customer.id, subject: 'Broken lid', body: 'It arrived broken', at: time.now(), via: 'web' });
 * await throughline.webhooks.handle(await buildTicketCreatedWebhook(ticket, options));
 * ```
 */
export function buildTicketCreatedWebhook(ticket: FakeZendeskTicket, options: TicketWebhookOptions): Promise<Request> {
  return ticketWebhook('created', ticket, options, {});
}

/**
 * `zen:event-type:ticket.comment_added` for a comment.
 * @param ticket - the fake ticket
 * @param comment - the comment: id, text, public or internal, and its author
 * @param options - signing, account and event options
 * @returns the signed request
 * @example
 * ```ts
 * const options = { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() };
 * const reply = { id: 9_000_001, body: 'A new one is on its way.', isPublic: true, author: { id: agent.id, name: agent.name, isStaff: true } };
 * await throughline.webhooks.handle(await buildCommentAddedWebhook(ticket, reply, { ...options, actorId: agent.id }));
 * ```
 */
export function buildCommentAddedWebhook(
  ticket: FakeZendeskTicket,
  comment: { id: number; body: string; isPublic: boolean; author: { id: number; name: string; isStaff: boolean } },
  options: TicketWebhookOptions,
): Promise<Request> {
  return ticketWebhook('comment_added', ticket, options, {
    comment: {
      id: comment.id,
      body: comment.body,
      is_public: comment.isPublic,
      author: { id: comment.author.id, is_staff: comment.author.isStaff, name: comment.author.name },
    },
  });
}

/**
 * `zen:event-type:ticket.status_changed`: the ticket's current status against the previous one.
 * @param ticket - the fake ticket, already in its new status
 * @param previous - the status before the change, such as `open`
 * @param options - signing, account and event options
 * @returns the signed request
 * @example
 * ```ts
 * const options = { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() };
 * account.updateTicket(ticket.id, { at: time.now(), authorId: agent.id, status: 'pending' });
 * await throughline.webhooks.handle(await buildStatusChangedWebhook(account.tickets.get(ticket.id)!, 'open', options));
 * ```
 */
export function buildStatusChangedWebhook(ticket: FakeZendeskTicket, previous: string, options: TicketWebhookOptions): Promise<Request> {
  return ticketWebhook('status_changed', ticket, options, { current: ticket.status.toUpperCase(), previous: previous.toUpperCase() });
}

/**
 * `zen:event-type:ticket.custom_status_changed` (custom status ids).
 * @param ticket - the fake ticket
 * @param current - the new custom status id
 * @param previous - the custom status id before, or null
 * @param options - signing, account and event options
 * @returns the signed request
 * @example
 * ```ts
 * const options = { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() };
 * // The adapter reads the category from its `customStatuses` setting, such as `{ '4000002': 'pending' }`.
 * await buildCustomStatusChangedWebhook(ticket, 4_000_002, 4_000_001, options);
 * ```
 */
export function buildCustomStatusChangedWebhook(ticket: FakeZendeskTicket, current: number, previous: number | null, options: TicketWebhookOptions): Promise<Request> {
  return ticketWebhook('custom_status_changed', ticket, options, { current: String(current), previous: previous === null ? null : String(previous) });
}

/**
 * `zen:event-type:ticket.priority_changed`: the ticket's current priority against the previous one.
 * @param ticket - the fake ticket, already at its new priority
 * @param previous - the priority before, or null when it had none
 * @param options - signing, account and event options
 * @returns the signed request
 * @example
 * ```ts
 * const options = { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() };
 * account.updateTicket(ticket.id, { at: time.now(), authorId: agent.id, priority: 'urgent' });
 * await buildPriorityChangedWebhook(account.tickets.get(ticket.id)!, 'normal', options);
 * ```
 */
export function buildPriorityChangedWebhook(ticket: FakeZendeskTicket, previous: string | null, options: TicketWebhookOptions): Promise<Request> {
  return ticketWebhook('priority_changed', ticket, options, { current: ticket.priority?.toUpperCase() ?? null, previous: previous?.toUpperCase() ?? null });
}

/**
 * `zen:event-type:ticket.agent_assignment_changed`: the ticket's current assignee against the previous one.
 * @param ticket - the fake ticket, already assigned
 * @param previous - the agent assigned before, or null
 * @param options - signing, account and event options
 * @returns the signed request
 * @example
 * ```ts
 * const options = { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() };
 * account.updateTicket(ticket.id, { at: time.now(), authorId: agent.id, assigneeId: agent.id });
 * await buildAgentAssignmentChangedWebhook(account.tickets.get(ticket.id)!, null, options);
 * ```
 */
export function buildAgentAssignmentChangedWebhook(ticket: FakeZendeskTicket, previous: number | null, options: TicketWebhookOptions): Promise<Request> {
  return ticketWebhook('agent_assignment_changed', ticket, options, {
    current: ticket.assignee_id === null ? null : String(ticket.assignee_id),
    previous: previous === null ? null : String(previous),
  });
}

/**
 * `zen:event-type:user.created` (or another user event type) for a user.
 * @param user - the fake user
 * @param options - signing and account options, the event type and its `event` object
 * @returns the signed request
 * @example
 * ```ts
 * const options = { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() };
 * const customer = account.addUser({ name: 'Ana', email: 'ana@example.com', phone: '+14155550100' });
 * await throughline.webhooks.handle(await buildUserWebhook(customer, options));
 * ```
 */
export function buildUserWebhook(
  user: FakeZendeskUser,
  options: ZendeskDeliveryOptions & { type?: string; event?: Record<string, unknown> },
): Promise<Request> {
  return buildZendeskEventWebhook({
    ...options,
    type: options.type ?? 'zen:event-type:user.created',
    subject: `zen:user:${user.id}`,
    detail: {
      created_at: user.created_at,
      email: user.email,
      external_id: null,
      default_group_id: null,
      id: String(user.id),
      organization_id: null,
      role: user.role,
      updated_at: user.updated_at,
    },
    event: options.event ?? {},
  });
}

/**
 * Placeholder values of a trigger body for a ticket, as Zendesk renders them (title-case status, space-separated tags).
 * @param ticket - the fake ticket
 * @param requester - its requester
 * @param subdomain - the account subdomain, for `{{ticket.url}}`
 * @param extra - more placeholders, such as `satisfaction.current_rating`
 * @returns placeholder name → rendered value
 * @example
 * ```ts
 * const values = triggerPlaceholders(ticket, customer, 'acme', { 'satisfaction.current_rating': 'Good' });
 * await buildTriggerWebhook('ticket.satisfaction_rated', values, options);
 * ```
 */
export function triggerPlaceholders(
  ticket: FakeZendeskTicket,
  requester: FakeZendeskUser,
  subdomain: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const title = (value: string | null) => (value ? value[0]!.toUpperCase() + value.slice(1) : '-');
  return {
    'ticket.url': `${subdomain}.zendesk.com/agent/tickets/${ticket.id}`,
    'ticket.id': String(ticket.id),
    'ticket.title': ticket.subject,
    'ticket.status': ticket.status === 'hold' ? 'On-hold' : title(ticket.status),
    'ticket.priority': title(ticket.priority),
    'ticket.via': ticket.via.channel === 'web' ? 'Web Form' : title(ticket.via.channel),
    'ticket.tags': ticket.tags.join(' '),
    'ticket.created_at_with_timestamp': `${ticket.created_at.slice(0, 16)}Z`,
    'ticket.updated_at_with_timestamp': `${ticket.updated_at.slice(0, 16)}Z`,
    'ticket.assignee.id': ticket.assignee_id === null ? '' : String(ticket.assignee_id),
    'ticket.group.id': ticket.group_id === null ? '' : String(ticket.group_id),
    'ticket.submitter.id': String(ticket.submitter_id),
    'ticket.requester.id': String(requester.id),
    'ticket.requester.name': requester.name,
    'ticket.requester.email': requester.email ?? '',
    'ticket.requester.phone': requester.phone ?? '',
    ...extra,
  };
}

/**
 * Builds a signed trigger/automation webhook whose body is the shipped template rendered with `values`.
 * @param event - the trigger's kind
 * @param values - placeholder values (see `triggerPlaceholders`)
 * @param options - delivery options
 * @returns the request
 * @example
 * ```ts
 * const options = { secret: 'test-webhook-secret', accountId: 12514403, signedAt: time.now() };
 * const delivery = await buildTriggerWebhook('ticket.created', triggerPlaceholders(ticket, customer, 'acme'), options);
 * await throughline.webhooks.handle(delivery);
 * ```
 */
export function buildTriggerWebhook(event: ZendeskTriggerEventKind | string, values: Record<string, string>, options: ZendeskDeliveryOptions): Promise<Request> {
  return signZendeskDelivery(renderZendeskTriggerBody(values, event), options);
}
