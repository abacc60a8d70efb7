import type { ZendeskTicketMetricEvent } from '../zendesk-api-types';

/** A user of the fake account. */
export interface FakeZendeskUser {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  role: 'end-user' | 'agent' | 'admin';
  identities: Array<{ id: number; user_id: number; type: string; value: string; verified: boolean; primary: boolean }>;
  created_at: string;
  updated_at: string;
}

/** A ticket of the fake account, in the REST shape. */
export interface FakeZendeskTicket {
  id: number;
  subject: string;
  description: string;
  status: string;
  custom_status_id: number | null;
  priority: string | null;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  group_id: number | null;
  tags: string[];
  via: { channel: string };
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

/** One event of a fake audit (audit shape: `type`, with `event_type` too as the export writes it). */
export type FakeAuditEvent =
  | { id: number; type: 'Create' | 'Change'; event_type: 'Create' | 'Change'; field_name: string; value: unknown; previous_value?: unknown }
  | { id: number; type: 'Comment'; event_type: 'Comment'; body: string; plain_body: string; public: boolean; author_id: number; audit_id: number; created_at: string }
  | { id: number; type: 'SatisfactionRating'; event_type: 'SatisfactionRating'; score: string; body: string | null; assignee_id: number | null };

/** A fake audit. */
export interface FakeZendeskAudit {
  id: number;
  ticket_id: number;
  author_id: number;
  created_at: string;
  via: { channel: string };
  events: FakeAuditEvent[];
}

/** What a ticket update changes; every update writes one audit. */
export interface FakeTicketUpdate {
  at: Date | string | number;
  authorId: number;
  status?: string;
  customStatusId?: number;
  priority?: string;
  assigneeId?: number | null;
  groupId?: number | null;
  comment?: { body: string; public: boolean };
  satisfaction?: { score: 'good' | 'bad' | 'offered'; comment?: string };
  via?: string;
}

function iso(at: Date | string | number): string {
  // Zendesk writes timestamps to the second.
  return `${new Date(at).toISOString().slice(0, 19)}Z`;
}

/**
 * The in-memory state of a fake Zendesk account: users, tickets and their audits (the ticket-events
 * export is derived from them), SLA policies, schedules, holidays, metric events and custom statuses.
 * Seed it, then serve it with `createZendeskHandlers`.
 */
export class FakeZendeskAccount {
  readonly users = new Map<number, FakeZendeskUser>();
  readonly tickets = new Map<number, FakeZendeskTicket>();
  readonly audits = new Map<number, FakeZendeskAudit[]>();
  slaPolicies: unknown[] = [];
  schedules: Array<{ id: number; name: string; time_zone: string; intervals: Array<{ start_time: number; end_time: number }> }> = [];
  readonly holidays = new Map<number, Array<{ id: number; name: string; start_date: string; end_date: string }>>();
  metricEvents: ZendeskTicketMetricEvent[] = [];
  customStatuses: Array<{ id: number; status_category: string; agent_label: string; active: boolean }> = [];
  private nextId: number;
  /** Set on every write: the API user that writes through the fake (agent replies). */
  apiUserId: number | null = null;

  constructor(
    readonly subdomain: string,
    readonly accountId: number,
    firstId = 10_000,
  ) {
    this.nextId = firstId;
  }

  /** A fresh id (users, tickets, audits and events share one sequence, as ids only grow). */
  id(): number {
    return this.nextId++;
  }

  /** Adds a user with identities for its email and phone. */
  addUser(user: { name: string; email?: string; phone?: string; role?: FakeZendeskUser['role']; at?: Date | string | number; twitter?: string }): FakeZendeskUser {
    const id = this.id();
    const at = iso(user.at ?? '2026-01-01T00:00:00Z');
    const identities: FakeZendeskUser['identities'] = [];
    if (user.email) identities.push({ id: this.id(), user_id: id, type: 'email', value: user.email, verified: true, primary: true });
    if (user.phone) identities.push({ id: this.id(), user_id: id, type: 'phone_number', value: user.phone, verified: true, primary: !user.email });
    if (user.twitter) identities.push({ id: this.id(), user_id: id, type: 'twitter', value: user.twitter, verified: true, primary: false });
    const created: FakeZendeskUser = {
      id,
      name: user.name,
      email: user.email ?? null,
      phone: user.phone ?? null,
      role: user.role ?? 'end-user',
      identities,
      created_at: at,
      updated_at: at,
    };
    this.users.set(id, created);
    this.touch();
    return created;
  }

  /** Opens a ticket: a `Create` audit with the first comment. */
  openTicket(ticket: {
    requesterId: number;
    submitterId?: number;
    subject: string;
    body: string;
    at: Date | string | number;
    via?: string;
    priority?: string | null;
    status?: string;
    tags?: string[];
    externalId?: string | null;
    publicComment?: boolean;
  }): FakeZendeskTicket {
    const id = this.id();
    const at = iso(ticket.at);
    const created: FakeZendeskTicket = {
      id,
      subject: ticket.subject,
      description: ticket.body,
      status: ticket.status ?? 'new',
      custom_status_id: null,
      priority: ticket.priority ?? null,
      requester_id: ticket.requesterId,
      submitter_id: ticket.submitterId ?? ticket.requesterId,
      assignee_id: null,
      group_id: null,
      tags: ticket.tags ?? [],
      via: { channel: ticket.via ?? 'web' },
      external_id: ticket.externalId ?? null,
      created_at: at,
      updated_at: at,
    };
    this.tickets.set(id, created);
    const auditId = this.id();
    const events: FakeAuditEvent[] = [
      { id: this.id(), type: 'Create', event_type: 'Create', field_name: 'status', value: created.status },
      ...(created.priority ? [{ id: this.id(), type: 'Create' as const, event_type: 'Create' as const, field_name: 'priority', value: created.priority }] : []),
      {
        id: this.id(),
        type: 'Comment',
        event_type: 'Comment',
        body: ticket.body,
        plain_body: ticket.body,
        public: ticket.publicComment ?? true,
        author_id: created.submitter_id,
        audit_id: auditId,
        created_at: at,
      },
    ];
    this.audits.set(id, [{ id: auditId, ticket_id: id, author_id: created.submitter_id, created_at: at, via: created.via, events }]);
    this.touch();
    return created;
  }

  /** Updates a ticket and writes the audit that describes the update. */
  updateTicket(ticketId: number, update: FakeTicketUpdate): FakeZendeskAudit {
    const ticket = this.tickets.get(ticketId);
    if (!ticket) throw new Error(`No ticket ${ticketId}`);
    const at = iso(update.at);
    const auditId = this.id();
    const events: FakeAuditEvent[] = [];
    const change = (field: string, value: unknown, previous: unknown) =>
      events.push({ id: this.id(), type: 'Change', event_type: 'Change', field_name: field, value, previous_value: previous });
    if (update.status !== undefined && update.status !== ticket.status) {
      change('status', update.status, ticket.status);
      ticket.status = update.status;
    }
    if (update.customStatusId !== undefined) {
      change('custom_status_id', String(update.customStatusId), ticket.custom_status_id === null ? null : String(ticket.custom_status_id));
      ticket.custom_status_id = update.customStatusId;
      const category = this.customStatuses.find((status) => status.id === update.customStatusId)?.status_category;
      if (category && category !== ticket.status) {
        change('status', category, ticket.status);
        ticket.status = category;
      }
    }
    if (update.priority !== undefined && update.priority !== ticket.priority) {
      change('priority', update.priority, ticket.priority);
      ticket.priority = update.priority;
    }
    if (update.assigneeId !== undefined && update.assigneeId !== ticket.assignee_id) {
      change('assignee_id', update.assigneeId === null ? null : String(update.assigneeId), ticket.assignee_id === null ? null : String(ticket.assignee_id));
      ticket.assignee_id = update.assigneeId;
    }
    if (update.groupId !== undefined && update.groupId !== ticket.group_id) {
      change('group_id', update.groupId === null ? null : String(update.groupId), ticket.group_id === null ? null : String(ticket.group_id));
      ticket.group_id = update.groupId;
    }
    if (update.comment) {
      events.push({
        id: this.id(),
        type: 'Comment',
        event_type: 'Comment',
        body: update.comment.body,
        plain_body: update.comment.body,
        public: update.comment.public,
        author_id: update.authorId,
        audit_id: auditId,
        created_at: at,
      });
    }
    if (update.satisfaction) {
      events.push({
        id: this.id(),
        type: 'SatisfactionRating',
        event_type: 'SatisfactionRating',
        score: update.satisfaction.score,
        body: update.satisfaction.comment ?? null,
        assignee_id: ticket.assignee_id,
      });
    }
    ticket.updated_at = at;
    const audit: FakeZendeskAudit = { id: auditId, ticket_id: ticketId, author_id: update.authorId, created_at: at, via: { channel: update.via ?? 'web' }, events };
    this.audits.get(ticketId)!.push(audit);
    this.touch();
    return audit;
  }

  /** Every audit of every ticket, as the ticket-events export lists them (oldest first); cached between writes. */
  allAudits(): FakeZendeskAudit[] {
    if (this.sortedAudits === null) {
      const all: FakeZendeskAudit[] = [];
      for (const audits of this.audits.values()) all.push(...audits);
      this.sortedAudits = all.sort((left, right) => left.created_at.localeCompare(right.created_at) || left.id - right.id);
    }
    return this.sortedAudits;
  }

  /** Tickets by update time then id, as the ticket export lists them; cached between writes. */
  ticketsByUpdate(): FakeZendeskTicket[] {
    this.sortedTickets ??= [...this.tickets.values()].sort((left, right) => left.updated_at.localeCompare(right.updated_at) || left.id - right.id);
    return this.sortedTickets;
  }

  /** Users by update time then id, as the user export lists them; cached between writes. */
  usersByUpdate(): FakeZendeskUser[] {
    this.sortedUsers ??= [...this.users.values()].sort((left, right) => left.updated_at.localeCompare(right.updated_at) || left.id - right.id);
    return this.sortedUsers;
  }

  private sortedAudits: FakeZendeskAudit[] | null = null;
  private sortedTickets: FakeZendeskTicket[] | null = null;
  private sortedUsers: FakeZendeskUser[] | null = null;

  /** Drops the export caches after a write. */
  protected touch(): void {
    this.sortedAudits = null;
    this.sortedTickets = null;
    this.sortedUsers = null;
  }
}
