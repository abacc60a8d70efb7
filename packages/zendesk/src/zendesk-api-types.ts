import { z } from 'zod';

// Vendor shapes, kept minimal: every field the adapter does not strictly need is nullish.
// Ids arrive as numbers (REST), strings (event webhooks) or 64-bit strings (lossless parsing).

/** A Zendesk id: number or decimal string. */
export const zendeskIdSchema = z.union([z.number(), z.string().min(1)]);

/** The `via` object of tickets, audits and comment events: `{ channel, source }`. */
export const zendeskViaObjectSchema = z
  .object({ channel: z.union([z.string(), z.number()]).nullish(), source: z.unknown().nullish() })
  .loose();

/**
 * Where something came from: the `{ channel, source }` object, or a label such as `"Web form"`, `"Mail"` or
 * `"Rule"`, which the ticket-events export writes on its items and on their change events
 * (https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/).
 */
export const zendeskViaSchema = z.union([z.string(), zendeskViaObjectSchema]);
/** A Zendesk `via`: an object with a channel code, or a label. */
export type ZendeskVia = z.infer<typeof zendeskViaSchema>;

/** A ticket as the REST API and exports return it. */
export const zendeskTicketSchema = z
  .object({
    id: zendeskIdSchema,
    subject: z.string().nullish(),
    raw_subject: z.string().nullish(),
    description: z.string().nullish(),
    status: z.string().nullish(),
    custom_status_id: zendeskIdSchema.nullish(),
    priority: z.string().nullish(),
    requester_id: zendeskIdSchema.nullish(),
    submitter_id: zendeskIdSchema.nullish(),
    assignee_id: zendeskIdSchema.nullish(),
    group_id: zendeskIdSchema.nullish(),
    tags: z.array(z.string()).nullish(),
    via: zendeskViaSchema.nullish(),
    external_id: z.string().nullish(),
    created_at: z.string(),
    updated_at: z.string().nullish(),
    generated_timestamp: z.number().nullish(),
  })
  .loose();
/** A Zendesk ticket. */
export type ZendeskTicket = z.infer<typeof zendeskTicketSchema>;

/** One identity of a user (`email`, `phone_number`, `twitter`, `facebook`, `google`, `messaging`, …). */
export const zendeskUserIdentitySchema = z
  .object({
    id: zendeskIdSchema.nullish(),
    user_id: zendeskIdSchema.nullish(),
    type: z.string(),
    value: z.union([z.string(), z.number()]).nullish(),
    verified: z.boolean().nullish(),
    primary: z.boolean().nullish(),
  })
  .loose();
/** One identity of a Zendesk user. */
export type ZendeskUserIdentity = z.infer<typeof zendeskUserIdentitySchema>;

/** A user as the REST API and exports return it. */
export const zendeskUserSchema = z
  .object({
    id: zendeskIdSchema,
    name: z.string().nullish(),
    email: z.string().nullish(),
    phone: z.string().nullish(),
    role: z.string().nullish(),
    locale: z.string().nullish(),
    external_id: z.string().nullish(),
    identities: z.array(zendeskUserIdentitySchema).nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  })
  .loose();
/** A Zendesk user. */
export type ZendeskUser = z.infer<typeof zendeskUserSchema>;

/** One event inside an audit (or a ticket-events export child event). Unknown types are ignored. */
export const zendeskAuditEventSchema = z
  .object({
    id: zendeskIdSchema,
    type: z.string().nullish(),
    event_type: z.string().nullish(),
    field_name: z.string().nullish(),
    value: z.unknown().nullish(),
    previous_value: z.unknown().nullish(),
    body: z.string().nullish(),
    plain_body: z.string().nullish(),
    public: z.boolean().nullish(),
    author_id: zendeskIdSchema.nullish(),
    score: z.string().nullish(),
    assignee_id: zendeskIdSchema.nullish(),
    via: zendeskViaSchema.nullish(),
    created_at: z.string().nullish(),
  })
  .loose();
/** One event inside an audit. */
export type ZendeskAuditEvent = z.infer<typeof zendeskAuditEventSchema>;

/** A ticket audit: one per update. */
export const zendeskAuditSchema = z
  .object({
    id: zendeskIdSchema,
    ticket_id: zendeskIdSchema,
    author_id: zendeskIdSchema.nullish(),
    created_at: z.string(),
    via: zendeskViaSchema.nullish(),
    events: z.array(zendeskAuditEventSchema),
  })
  .loose();
/** A ticket audit. */
export type ZendeskAudit = z.infer<typeof zendeskAuditSchema>;

/** A ticket audit whose events are left unread, to be read one by one. */
export const zendeskAuditEnvelopeSchema = zendeskAuditSchema.extend({ events: z.array(z.unknown()) });

/** An item of the time-based ticket-events export: an audit with its child events. */
export const zendeskTicketEventSchema = z
  .object({
    id: zendeskIdSchema,
    ticket_id: zendeskIdSchema,
    timestamp: z.number().nullish(),
    created_at: z.string(),
    updater_id: zendeskIdSchema.nullish(),
    via: zendeskViaSchema.nullish(),
    event_type: z.string().nullish(),
    child_events: z.array(zendeskAuditEventSchema).nullish(),
  })
  .loose();
/** An item of the ticket-events export. */
export type ZendeskTicketEvent = z.infer<typeof zendeskTicketEventSchema>;

/** An item of the ticket-events export whose child events are left unread, to be read one by one. */
export const zendeskTicketEventEnvelopeSchema = zendeskTicketEventSchema.extend({ child_events: z.array(z.unknown()).nullish() });

/** A page of a cursor-based incremental export. */
export const zendeskCursorExportSchema = z
  .object({
    after_cursor: z.string().nullish(),
    after_url: z.string().nullish(),
    end_of_stream: z.boolean(),
  })
  .loose();

/** A page of a time-based incremental export. */
export const zendeskTimeExportSchema = z
  .object({
    next_page: z.string().nullish(),
    end_time: z.number().nullish(),
    count: z.number().nullish(),
    end_of_stream: z.boolean(),
  })
  .loose();

/** The `meta`/`links` block of cursor-paginated list endpoints. */
export const zendeskCursorPageSchema = z
  .object({
    meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullish() }).loose(),
    links: z.object({ next: z.string().nullish() }).loose().nullish(),
  })
  .loose();

/** A custom ticket status and its category. */
export const zendeskCustomStatusSchema = z
  .object({ id: zendeskIdSchema, status_category: z.string(), agent_label: z.string().nullish(), active: z.boolean().nullish() })
  .loose();

/** The common envelope of an event-subscription webhook (`zen:event-type:…`). */
export const zendeskEventWebhookSchema = z
  .object({
    type: z.string().min(1),
    account_id: zendeskIdSchema.nullish(),
    id: z.string().min(1),
    time: z.string().min(1),
    zendesk_event_version: z.string().nullish(),
    subject: z.string().nullish(),
    detail: z.record(z.string(), z.unknown()),
    event: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();
/** An event-subscription webhook body. */
export type ZendeskEventWebhook = z.infer<typeof zendeskEventWebhookSchema>;

/** The comment object inside `ticket.comment_added`. */
export const zendeskWebhookCommentSchema = z
  .object({
    id: zendeskIdSchema,
    body: z.string().nullish(),
    is_public: z.boolean().nullish(),
    author: z
      .object({ id: zendeskIdSchema.nullish(), is_staff: z.boolean().nullish(), name: z.string().nullish() })
      .loose()
      .nullish(),
  })
  .loose();

/** One metric of an SLA policy: a target per priority. */
export const zendeskPolicyMetricSchema = z
  .object({
    priority: z.string(),
    metric: z.string(),
    target: z.number().nullish(),
    target_in_seconds: z.number().nullish(),
    business_hours: z.boolean().nullish(),
  })
  .loose();

/** A condition of an SLA policy filter. */
export const zendeskConditionSchema = z
  .object({ field: z.string(), operator: z.string(), value: z.unknown().nullish() })
  .loose();

/** An SLA policy. */
export const zendeskSlaPolicySchema = z
  .object({
    id: zendeskIdSchema,
    title: z.string(),
    description: z.string().nullish(),
    position: z.number().nullish(),
    filter: z
      .object({ all: z.array(zendeskConditionSchema).nullish(), any: z.array(zendeskConditionSchema).nullish() })
      .loose()
      .nullish(),
    policy_metrics: z.array(zendeskPolicyMetricSchema).nullish(),
  })
  .loose();
/** A Zendesk SLA policy. */
export type ZendeskSlaPolicy = z.infer<typeof zendeskSlaPolicySchema>;

/** A business-hours schedule: intervals in minutes since Sunday 00:00, a Zendesk time-zone name. */
export const zendeskScheduleSchema = z
  .object({
    id: zendeskIdSchema,
    name: z.string(),
    time_zone: z.string(),
    intervals: z.array(z.object({ start_time: z.number(), end_time: z.number() }).loose()).nullish(),
  })
  .loose();
/** A Zendesk schedule. */
export type ZendeskSchedule = z.infer<typeof zendeskScheduleSchema>;

/** A holiday of a schedule (dates inclusive). */
export const zendeskHolidaySchema = z
  .object({ id: zendeskIdSchema.nullish(), name: z.string().nullish(), start_date: z.string(), end_date: z.string() })
  .loose();
/** A Zendesk holiday. */
export type ZendeskHoliday = z.infer<typeof zendeskHolidaySchema>;

/** One exported ticket metric event (`activate`, `pause`, `fulfill`, `apply_sla`, `breach`, …). */
export const zendeskTicketMetricEventSchema = z
  .object({
    /** The metric event's id. */
    id: zendeskIdSchema,
    /** The ticket. */
    ticket_id: zendeskIdSchema,
    /** The metric: `reply_time`, `requester_wait_time`, `resolution_time`, … */
    metric: z.string(),
    /** Which clock of the metric on the ticket, from 1. */
    instance_id: z.number(),
    /** What happened to the clock: `activate`, `pause`, `fulfill`, `apply_sla`, `breach`, `update_status`, … */
    type: z.string(),
    /** When (ISO-8601). */
    time: z.string(),
    /** True for a breach Zendesk withdrew (the target changed). */
    deleted: z.boolean().nullish(),
    /** The target applied, on `apply_sla` events. */
    sla: z
      .object({
        /** The target in minutes. */
        target: z.number().nullish(),
        /** The target in seconds, when Zendesk gives it. */
        target_in_seconds: z.number().nullish(),
        /** Whether the target counts business hours. */
        business_hours: z.boolean().nullish(),
        /** The policy that applied the target. */
        policy: z
          .object({
            /** The policy's id. */
            id: zendeskIdSchema,
            /** The policy's title. */
            title: z.string().nullish(),
          })
          .loose()
          .nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();
/** One exported ticket metric event. */
export type ZendeskTicketMetricEvent = z.infer<typeof zendeskTicketMetricEventSchema>;
