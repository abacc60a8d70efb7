import { ValidationError } from '@throughline/core/adapter';
import { z } from 'zod';
import type { VoiceResponder } from './voice/voice-responder';

const accountSidPattern = /^AC[0-9a-fA-F]{32}$/;

/**
 * Where Twilio serves MMS and WhatsApp media (the API URL and the hosts it redirects to); anything else is
 * refused by `fetchMedia`. An entry with a `/` also pins a path prefix.
 * https://help.twilio.com/articles/223183748
 */
export const defaultTwilioMediaHosts: ReadonlyArray<string> = [
  'api.twilio.com',
  'mms.twiliocdn.com',
  'media.twiliocdn.com',
  's3-external-1.amazonaws.com/media.twiliocdn.com/',
];

/** How to connect Throughline to a Twilio account. */
export interface TwilioSettings {
  /** The account whose credentials call the REST API (`AC…`); subaccounts in `accounts` are reached with them. */
  accountSid: string;
  /** Auth tokens, current first: during a rotation both the primary and the secondary token verify. */
  authTokens: ReadonlyArray<string>;
  /** Which Throughline tenant each Twilio account (`AC…`) belongs to; other accounts are refused. */
  accounts: Readonly<Record<string, string>>;
  /** The public origin (and path prefix) the webhooks are configured with, when a proxy rewrites the request URL. */
  publicBaseUrl?: string;
  /** Path of the webhook endpoint below `publicBaseUrl`, used for callback URLs (default `/webhooks/twilio`). */
  webhookPath?: string;
  /** REST API origin (default `https://api.twilio.com`). */
  apiBaseUrl?: string;
  /** An API key to call the REST API with instead of the auth token. */
  apiKey?: {
    /** The key's SID (`SK…`). */
    sid: string;
    /** The key's secret. */
    secret: string;
  };
  /** Senders for outbound messages. */
  messaging?: {
    /** SMS sender (E.164). */
    from?: string;
    /** WhatsApp sender (`whatsapp:+…`). */
    whatsappFrom?: string;
    /** A Messaging Service used when no sender number is set. */
    messagingServiceSid?: string;
    /** Where delivery statuses go; defaults to `publicBaseUrl + webhookPath`. */
    statusCallbackUrl?: string;
  };
  /** How calls are answered when the `voiceResponder` hook does not say otherwise. */
  voice?: {
    /** Queue callers wait in (default `support`). */
    queue?: string;
    /** TwiML played while waiting (Twilio's hold music when absent). */
    waitUrl?: string;
    /** Where the `<Enqueue>` action callback goes; defaults to the webhook URL. */
    actionUrl?: string;
  };
  /** Decides the TwiML for an incoming call from the recognised customer, open case and SLA clocks. */
  voiceResponder?: VoiceResponder;
  /** Most REST requests in flight at once (Twilio limits concurrency, answering 429 / 20429 above it). Default 10. */
  maxConcurrentRequests?: number;
  /** Retry policy for REST calls. */
  retry?: {
    /** Retries after the first attempt (default 4). */
    limit?: number;
    /** Delay before the first retry in ms, doubled for each further one and jittered (default 250); a `Retry-After` is honoured up to `maxDelayMs`. */
    baseDelayMs?: number;
    /** Longest delay between attempts, in ms (default 20 000). */
    maxDelayMs?: number;
  };
  /** Page size for backfills (1–1000, default 200). */
  pageSize?: number;
  /** Hosts `fetchMedia` may download from. */
  mediaHosts?: ReadonlyArray<string>;
  /** Injected fetch (tests, edge runtimes). */
  fetch?: typeof fetch;
  /** Clock for the WhatsApp 24-hour window (tests). */
  now?: () => Date;
}

const functionSchema = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'a function');

const settingsSchema = z.object({
  accountSid: z.string().regex(accountSidPattern, 'an account SID (AC followed by 32 hex digits)'),
  authTokens: z.array(z.string().min(1, 'a non-empty auth token')).min(1, 'at least one auth token'),
  accounts: z
    .record(z.string(), z.string().min(1, 'a tenant id'))
    .refine((accounts) => Object.keys(accounts).length > 0, 'at least one account mapped to a tenant')
    .refine((accounts) => Object.keys(accounts).every((sid) => accountSidPattern.test(sid)), 'keys must be account SIDs'),
  publicBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  webhookPath: z.string().startsWith('/').default('/webhooks/twilio'),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://api.twilio.com'),
  apiKey: z.object({ sid: z.string().regex(/^SK[0-9a-fA-F]{32}$/, 'an API key SID'), secret: z.string().min(1) }).optional(),
  messaging: z
    .object({
      from: z.string().min(1).optional(),
      whatsappFrom: z.string().startsWith('whatsapp:').optional(),
      messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'a Messaging Service SID').optional(),
      statusCallbackUrl: z.url().optional(),
    })
    .default({}),
  voice: z
    .object({
      queue: z.string().min(1).max(64).default('support'),
      waitUrl: z.url().optional(),
      actionUrl: z.url().optional(),
    })
    .default({ queue: 'support' }),
  voiceResponder: functionSchema.optional(),
  maxConcurrentRequests: z.number().int().min(1).max(1000).default(10),
  retry: z
    .object({
      limit: z.number().int().min(0).max(20).default(4),
      baseDelayMs: z.number().min(0).default(250),
      maxDelayMs: z.number().min(0).default(20_000),
    })
    .default({ limit: 4, baseDelayMs: 250, maxDelayMs: 20_000 }),
  pageSize: z.number().int().min(1).max(1000).default(200),
  mediaHosts: z.array(z.string().min(1)).default([...defaultTwilioMediaHosts]),
  fetch: functionSchema.optional(),
  now: functionSchema.optional(),
});

/** Settings after validation, defaults filled in. */
export interface ResolvedTwilioSettings {
  /** The account whose credentials call the REST API. */
  accountSid: string;
  /** Auth tokens, current first. */
  authTokens: ReadonlyArray<string>;
  /** Twilio account → tenant. */
  accounts: Readonly<Record<string, string>>;
  /** The public origin the webhooks are configured with; null to use the request URL. */
  publicBaseUrl: string | null;
  /** Path of the webhook endpoint. */
  webhookPath: string;
  /** REST API origin. */
  apiBaseUrl: string;
  /** The API key REST calls use; null to use the auth token. */
  apiKey: {
    /** The key's SID (`SK…`). */
    sid: string;
    /** The key's secret. */
    secret: string;
  } | null;
  /** Senders for outbound messages. */
  messaging: {
    /** SMS sender; null when unset. */
    from: string | null;
    /** WhatsApp sender; null when unset. */
    whatsappFrom: string | null;
    /** Messaging Service; null when unset. */
    messagingServiceSid: string | null;
    /** Where delivery statuses go; null for the webhook URL. */
    statusCallbackUrl: string | null;
  };
  /** How calls are answered by default. */
  voice: {
    /** The queue callers wait in. */
    queue: string;
    /** Hold music TwiML; null for Twilio's. */
    waitUrl: string | null;
    /** The `<Enqueue>` action callback; null for the webhook URL. */
    actionUrl: string | null;
  };
  /** The hook that answers calls; null to enqueue every caller. */
  voiceResponder: VoiceResponder | null;
  /** Most REST requests in flight at once. */
  maxConcurrentRequests: number;
  /** Retry policy for REST calls. */
  retry: {
    /** Retries after the first attempt. */
    limit: number;
    /** Delay before the first retry, in ms. */
    baseDelayMs: number;
    /** Longest delay between attempts, in ms. */
    maxDelayMs: number;
  };
  /** Page size for backfills. */
  pageSize: number;
  /** Hosts media may be downloaded from. */
  mediaHosts: ReadonlyArray<string>;
  /** Injected fetch; null for the global one. */
  fetch: typeof fetch | null;
  /** The clock. */
  now: () => Date;
}

/**
 * Validates settings and fills in defaults.
 * @param settings - what the integrator passed to `createTwilio`
 * @returns the resolved settings
 * @throws {ValidationError} when a setting is missing or malformed (secrets never appear in the message)
 * @example
 * ```ts
 * const resolved = resolveTwilioSettings({ accountSid, authTokens: [authToken], accounts: { [accountSid]: 'acme' } });
 * resolved.webhookPath; // '/webhooks/twilio'
 * resolved.voice.queue; // 'support'
 * ```
 */
export function resolveTwilioSettings(settings: TwilioSettings): ResolvedTwilioSettings {
  const result = settingsSchema.safeParse(settings);
  if (!result.success) throw ValidationError.fromZod('Twilio settings', result.error);
  const value = result.data;
  return {
    accountSid: value.accountSid,
    authTokens: value.authTokens,
    accounts: value.accounts,
    publicBaseUrl: value.publicBaseUrl?.replace(/\/+$/, '') ?? null,
    webhookPath: value.webhookPath,
    apiBaseUrl: value.apiBaseUrl.replace(/\/+$/, ''),
    apiKey: value.apiKey ?? null,
    messaging: {
      from: value.messaging.from ?? null,
      whatsappFrom: value.messaging.whatsappFrom ?? null,
      messagingServiceSid: value.messaging.messagingServiceSid ?? null,
      statusCallbackUrl: value.messaging.statusCallbackUrl ?? null,
    },
    voice: { queue: value.voice.queue, waitUrl: value.voice.waitUrl ?? null, actionUrl: value.voice.actionUrl ?? null },
    voiceResponder: (settings.voiceResponder as VoiceResponder | undefined) ?? null,
    maxConcurrentRequests: value.maxConcurrentRequests,
    retry: value.retry,
    pageSize: value.pageSize,
    mediaHosts: value.mediaHosts.map((host) => host.toLowerCase()),
    fetch: settings.fetch ?? null,
    now: settings.now ?? (() => new Date()),
  };
}
