import type { ZendeskTicketMetricEvent } from '../zendesk-api-types';

/** A user of the fake account. */
export interface FakeZendeskUser {
  /** The user's id. */
  id: number;
  /** Display name. */
  name: string;
  /** Primary email. */
  email: string | null;
  /** Primary phone, as typed. */
  phone: string | null;
  /** A customer (`end-user`), an agent or an admin. */
  role: 'end-user' | 'agent' | 'admin';
  /** The user's identities, as the identities API returns them. */
  identities: Array<{
    /** The identity's id. */
    id: number;
    /** The user it belongs to. */
    user_id: number;
    /** `email`, `phone_number`, `twitter`, … */
    type: string;
    /** The address, number or handle. */
    value: string;
    /** Whether the user verified it. */
    verified: boolean;
    /** Whether it is the user's primary identity of its type. */
    primary: boolean;
  }>;
  /** When the user was created (ISO-8601, to the second). */
  created_at: string;
  /** When the user last changed. */
  updated_at: string;
}

/** A ticket of the fake account, in the REST shape. */
export interface FakeZendeskTicket {
  /** The ticket's id. */
  id: number;
  /** The subject. */
  subject: string;
  /** The first comment's text. */
  description: string;
  /** `new`, `open`, `pending`, `hold`, `solved` or `closed`. */
  status: string;
  /** The custom status, when the account uses them. */
  custom_status_id: number | null;
  /** `low`, `normal`, `high` or `urgent`; null when unset. */
  priority: string | null;
  /** The customer the ticket is for. */
  requester_id: number;
  /** Who opened it (an agent for tickets opened on the customer's behalf). */
  submitter_id: number;
  /** The assigned agent. */
  assignee_id: number | null;
  /** The assigned group. */
  group_id: number | null;
  /** Its tags. */
  tags: string[];
  /** Where it came from. */
  via: {
    /** The channel, such as `web`, `email` or `whatsapp`. */
    channel: string;
  };
  /** The integrator's id for it (the Throughline case id for tickets opened for a case). */
  external_id: string | null;
  /** When it was created (ISO-8601, to the second). */
  created_at: string;
  /** When it last changed. */
  updated_at: string;
}

/** One event of a fake audit (audit shape: `type`, with `event_type` too as the export writes it). */
export type FakeAuditEvent =
  | {
      /** The event's id. */
      id: number;
      /** A field set on creation, or changed. */
      type: 'Create' | 'Change';
      /** Same as `type`. */
      event_type: 'Create' | 'Change';
      /** The field, such as `status` or `priority`. */
      field_name: string;
      /** Its new value. */
      value: unknown;
      /** Its value before a change. */
      previous_value?: unknown;
    }
  | {
      /** The event's id, which is the comment's id. */
      id: number;
      /** A comment. */
      type: 'Comment';
      /** Same as `type`. */
      event_type: 'Comment';
      /** The comment's text. */
      body: string;
      /** The text without formatting. */
      plain_body: string;
      /** False for an internal note. */
      public: boolean;
      /** Who wrote it. */
      author_id: number;
      /** The audit it belongs to. */
      audit_id: number;
      /** When it was written. */
      created_at: string;
    }
  | {
      /** The event's id. */
      id: number;
      /** A satisfaction rating. */
      type: 'SatisfactionRating';
      /** Same as `type`. */
      event_type: 'SatisfactionRating';
      /** `good`, `bad` or `offered`. */
      score: string;
      /** The customer's comment. */
      body: string | null;
      /** The agent rated. */
      assignee_id: number | null;
    };

/** A fake audit. */
export interface FakeZendeskAudit {
  /** The audit's id. */
  id: number;
  /** The ticket it belongs to. */
  ticket_id: number;
  /** Who made the update. */
  author_id: number;
  /** When (ISO-8601, to the second). */
  created_at: string;
  /** Where the update came from. */
  via: {
    /** The channel, such as `web` or `api`. */
    channel: string;
  };
  /** What the update did. */
  events: FakeAuditEvent[];
}

/** What a ticket update changes; every update writes one audit. */
export interface FakeTicketUpdate {
  /** When the update happens. */
  at: Date | string | number;
  /** Who makes it. */
  authorId: number;
  /** A new status. */
  status?: string;
  /** A new custom status. */
  customStatusId?: number;
  /** A new priority. */
  priority?: string;
  /** A new assignee (null to unassign). */
  assigneeId?: number | null;
  /** A new group (null to clear). */
  groupId?: number | null;
  /** A comment to add. */
  comment?: {
    /** Its text. */
    body: string;
    /** False for an internal note. */
    public: boolean;
  };
  /** A satisfaction rating to record. */
  satisfaction?: {
    /** The rating. */
    score: 'good' | 'bad' | 'offered';
    /** The customer's comment. */
    comment?: string;
  };
  /** The channel the update comes through (default `web`). */
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
  /** Users by id. */
  readonly users = new Map<number, FakeZendeskUser>();
  /** Tickets by id. */
  readonly tickets = new Map<number, FakeZendeskTicket>();
  /** Each ticket's audits, oldest first, by ticket id. */
  readonly audits = new Map<number, FakeZendeskAudit[]>();
  /** SLA policies as `slas/policies` returns them (`seedZendeskSla` fills them). */
  slaPolicies: unknown[] = [];
  /** Business-hours schedules as `business_hours/schedules` returns them. */
  schedules: Array<{
    /** The schedule's id. */
    id: number;
    /** Its name. */
    name: string;
    /** Its Rails time zone name, such as `Berlin`. */
    time_zone: string;
    /** Opening intervals, in minutes since Sunday 00:00. */
    intervals: Array<{
      /** Opens, minutes since Sunday 00:00. */
      start_time: number;
      /** Closes, minutes since Sunday 00:00. */
      end_time: number;
    }>;
  }> = [];
  /** Each schedule's holidays, by schedule id. */
  readonly holidays = new Map<
    number,
    Array<{
      /** The holiday's id. */
      id: number;
      /** Its name. */
      name: string;
      /** First closed day, `YYYY-MM-DD`. */
      start_date: string;
      /** Last closed day, `YYYY-MM-DD` (inclusive). */
      end_date: string;
    }>
  >();
  /** What `incremental/ticket_metric_events` serves. */
  metricEvents: ZendeskTicketMetricEvent[] = [];
  /** Custom statuses as `custom_statuses` returns them. */
  customStatuses: Array<{
    /** The status's id. */
    id: number;
    /** Its category: `new`, `open`, `pending`, `hold` or `solved`. */
    status_category: string;
    /** Its label for agents. */
    agent_label: string;
    /** Whether it can be used. */
    active: boolean;
  }> = [];
  private nextId: number;
  /** Set on every write: the API user that writes through the fake (agent replies). */
  apiUserId: number | null = null;

  constructor(
    /** The account's subdomain: `acme` for `acme.zendesk.com`. */
    readonly subdomain: string,
    /** The account id deliveries carry in `X-Zendesk-Account-Id`. */
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
