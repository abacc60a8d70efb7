import { ValidationError } from '@throughline/core/adapter';
import { z } from 'zod';

/** API credentials: an API token with the agent's email (Basic auth), or an OAuth access token. */
export const zendeskCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({
    /** An API token, used with the email of the agent it acts as. */
    kind: z.literal('api_token'),
    /** The agent's email. */
    email: z.string().email(),
    /** The API token. */
    token: z.string().min(1),
  }),
  z.object({
    /** An OAuth access token. */
    kind: z.literal('oauth'),
    /** The access token. */
    accessToken: z.string().min(1),
  }),
]);
/** API credentials for one Zendesk account. */
export type ZendeskCredentials = z.infer<typeof zendeskCredentialsSchema>;

/** Where the adapter reads the time: anything with `now()` in epoch ms (a `ThroughlineClock` fits). */
export interface ZendeskClock {
  /** The current time, epoch ms. */
  now(): number;
}

/** How the adapter waits between paced requests; injectable so tests and benchmarks control time. */
export type ZendeskSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

const functionSchema = <T>() => z.custom<T>((value) => typeof value === 'function');

/** The settings `createZendesk` accepts. */
export const zendeskSettingsSchema = z.object({
  /** The account's subdomain: `acme` for `acme.zendesk.com`. */
  subdomain: z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'a Zendesk subdomain such as `acme`'),
  /** API credentials; needed for backfill, sending and SLA import, not for webhooks. */
  credentials: zendeskCredentialsSchema.optional(),
  /** Webhook signing secrets, current first; all are accepted during a rotation. */
  webhookSecrets: z.array(z.string().min(1)).min(1),
  /** Accepts deliveries signed with Zendesk's published test secret (the "Test webhook" button). Off by default. */
  acceptTestSecret: z.boolean().default(false),
  /** How far a signature timestamp may be from now, either way, in ms (default 5 minutes). */
  replayWindowMs: z.number().int().positive().default(5 * 60_000),
  /**
   * Account id or subdomain → Throughline tenant id. A delivery is mapped by its `X-Zendesk-Account-Id`;
   * when that id is not a key, a trigger delivery is mapped by the subdomain in its `{{ticket.url}}`.
   * Event webhooks name no subdomain: key their account by its id.
   */
  accounts: z.record(z.string().min(1), z.string().min(1)).refine((value) => Object.keys(value).length > 0, {
    message: 'map at least one Zendesk account to a tenant',
  }),
  /** Custom status id → category (`new`, `open`, `pending`, `hold`, `solved`), when webhooks only carry the id. */
  customStatuses: z.record(z.string(), z.enum(['new', 'open', 'pending', 'hold', 'solved'])).default({}),
  /** Incremental export requests allowed per rate window (Zendesk: 10 a minute; 30 with High Volume). */
  exportRequestsPerWindow: z.number().int().positive().default(10),
  /** Length of a rate-limit window in ms (Zendesk: one minute); shrink it only against the fake. */
  rateLimitWindowMs: z.number().int().positive().default(60_000),
  /** Records per incremental export page (Zendesk allows up to 1000). */
  exportPageSize: z.number().int().min(1).max(1000).default(1000),
  /** Where backfilled comments come from: the ticket-events export's comment events, or each ticket's audits. */
  commentSource: z.enum(['comment_events', 'audits']).default('comment_events'),
  /** Injected fetch (tests, edge runtimes). */
  fetch: functionSchema<typeof fetch>().optional(),
  /** Injected clock for the replay window and pacing. */
  clock: z.custom<ZendeskClock>((value) => typeof value === 'object' && value !== null && 'now' in value).optional(),
  /** Injected wait used by pacing. */
  sleep: functionSchema<ZendeskSleep>().optional(),
});

/** Settings as written by the integrator (defaults optional). */
export type ZendeskSettings = z.input<typeof zendeskSettingsSchema>;
/** Settings after validation, defaults applied. */
export type ResolvedZendeskSettings = z.output<typeof zendeskSettingsSchema>;

/**
 * Validates Zendesk settings and applies defaults.
 * @param settings - the integrator's settings
 * @returns the resolved settings
 * @throws {ValidationError} when a setting is missing or malformed; secrets never appear in the message
 */
export function resolveZendeskSettings(settings: ZendeskSettings): ResolvedZendeskSettings {
  const result = zendeskSettingsSchema.safeParse(settings);
  if (!result.success) throw ValidationError.fromZod('Zendesk settings', result.error);
  return result.data;
}
