import { z } from 'zod';

/** The kinds of trigger/automation webhook the template can announce, one per trigger. */
export const zendeskTriggerEventKinds = [
  'ticket.created',
  'ticket.comment_added',
  'ticket.status_changed',
  'ticket.priority_changed',
  'ticket.assigned',
  'ticket.satisfaction_rated',
] as const;
/** A kind of trigger webhook. */
export type ZendeskTriggerEventKind = (typeof zendeskTriggerEventKinds)[number];

/**
 * The JSON body to paste into a Zendesk trigger or automation that notifies the Throughline webhook.
 * Create one trigger per kind and set `"event"` to that kind (`ticket.created`, `ticket.comment_added`,
 * `ticket.status_changed`, `ticket.priority_changed`, `ticket.assigned`, `ticket.satisfaction_rated`);
 * every other line stays as is. Placeholders render as text, so every value is quoted; Zendesk escapes
 * them for JSON bodies. Placeholders a ticket lacks render empty and are read as absent.
 *
 * A comment's author (`{{ticket.latest_comment.author.id}}`) is the customer when it is the requester, or an
 * end user the adapter has seen (through the user export of a backfill, a `zen:event-type:user.*` event
 * webhook or the API); otherwise a non-requester author counts as an agent, so a CC'd end user the adapter
 * has not seen yet would stop reply clocks. Subscribe an event webhook to user events to keep roles known.
 */
export const zendeskTriggerBodyTemplate = `{
  "throughline": 1,
  "event": "ticket.created",
  "account_url": "{{ticket.url}}",
  "ticket": {
    "id": "{{ticket.id}}",
    "subject": "{{ticket.title}}",
    "status": "{{ticket.status}}",
    "priority": "{{ticket.priority}}",
    "via": "{{ticket.via}}",
    "tags": "{{ticket.tags}}",
    "created_at": "{{ticket.created_at_with_timestamp}}",
    "updated_at": "{{ticket.updated_at_with_timestamp}}",
    "assignee_id": "{{ticket.assignee.id}}",
    "group_id": "{{ticket.group.id}}",
    "submitter_id": "{{ticket.submitter.id}}",
    "requester": {
      "id": "{{ticket.requester.id}}",
      "name": "{{ticket.requester.name}}",
      "email": "{{ticket.requester.email}}",
      "phone": "{{ticket.requester.phone}}"
    }
  },
  "comment": {
    "id": "{{ticket.latest_comment.id}}",
    "body": "{{ticket.latest_comment.value}}",
    "public": "{{ticket.latest_comment.is_public}}",
    "author_id": "{{ticket.latest_comment.author.id}}",
    "author_name": "{{ticket.latest_comment.author.name}}"
  },
  "satisfaction": {
    "rating": "{{satisfaction.current_rating}}",
    "comment": "{{satisfaction.current_comment}}"
  }
}`;

const renderedText = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const text = String(value).trim();
    // An unrendered placeholder or Zendesk's "-" for an empty field means absent.
    return text === '' || text === '-' || /^\{\{.*\}\}$/.test(text) ? null : text;
  });

/** The rendered trigger body, as the adapter reads it. */
export const zendeskTriggerBodySchema = z.object({
  /** Marks a body written from Throughline's template (version 1). */
  throughline: z.union([z.literal(1), z.literal('1')]),
  /** The trigger's kind, such as `ticket.created`. */
  event: z.string().min(1),
  /** `{{ticket.url}}`: names the account when the account header is missing. */
  account_url: renderedText,
  /** The ticket, as its placeholders render. */
  ticket: z.object({
    /** `{{ticket.id}}`. */
    id: renderedText.refine((value) => value !== null && /^\d+$/.test(value), { message: 'a ticket id' }),
    /** `{{ticket.title}}`. */
    subject: renderedText,
    /** `{{ticket.status}}`, such as `Open` or `On-hold`. */
    status: renderedText,
    /** `{{ticket.priority}}`. */
    priority: renderedText,
    /** `{{ticket.via}}`, such as `Web Form`. */
    via: renderedText,
    /** `{{ticket.tags}}`, space-separated. */
    tags: renderedText,
    /** `{{ticket.created_at_with_timestamp}}`. */
    created_at: renderedText,
    /** `{{ticket.updated_at_with_timestamp}}`. */
    updated_at: renderedText,
    /** `{{ticket.assignee.id}}`. */
    assignee_id: renderedText,
    /** `{{ticket.group.id}}`. */
    group_id: renderedText,
    /** `{{ticket.submitter.id}}`: an agent when the ticket was opened on the customer's behalf. */
    submitter_id: renderedText.optional(),
    /** The requester. */
    requester: z
      .object({
        /** `{{ticket.requester.id}}`. */
        id: renderedText,
        /** `{{ticket.requester.name}}`. */
        name: renderedText,
        /** `{{ticket.requester.email}}`. */
        email: renderedText,
        /** `{{ticket.requester.phone}}`. */
        phone: renderedText,
      })
      .nullish(),
  }),
  /** The latest comment. */
  comment: z
    .object({
      /** `{{ticket.latest_comment.id}}`. */
      id: renderedText,
      /** `{{ticket.latest_comment.value}}`. */
      body: renderedText,
      /** `{{ticket.latest_comment.is_public}}`. */
      public: renderedText,
      /** `{{ticket.latest_comment.author.id}}`. */
      author_id: renderedText,
      /** `{{ticket.latest_comment.author.name}}`. */
      author_name: renderedText,
    })
    .nullish(),
  /** The satisfaction rating. */
  satisfaction: z
    .object({
      /** `{{satisfaction.current_rating}}`: `good`, `bad`, `offered`, … */
      rating: renderedText,
      /** `{{satisfaction.current_comment}}`. */
      comment: renderedText,
    })
    .nullish(),
});
/** A rendered trigger body. */
export type ZendeskTriggerBody = z.infer<typeof zendeskTriggerBodySchema>;

/**
 * Renders the trigger template with placeholder values the way Zendesk does (JSON-escaped text),
 * for tests, fixtures and the testing kit.
 *
 * @param values - placeholder name (without braces) → rendered text; missing placeholders render empty
 * @param event - the trigger's kind, written into `"event"`
 * @param template - the template to render, the shipped one by default
 * @returns the body text Zendesk would send
 * @example
 * ```ts
 * renderZendeskTriggerBody({ 'ticket.id': '35436', 'ticket.status': 'Open' }, 'ticket.created');
 * ```
 */
export function renderZendeskTriggerBody(
  values: Readonly<Record<string, string>>,
  event: ZendeskTriggerEventKind | string,
  template: string = zendeskTriggerBodyTemplate,
): string {
  return template
    .replace('"event": "ticket.created"', `"event": ${JSON.stringify(event)}`)
    .replace(/\{\{([a-z0-9_.]+)\}\}/gi, (_match, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1));
}
