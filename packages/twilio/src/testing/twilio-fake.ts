import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import { countSmsSegments } from '../messaging/segment-count';
import { whatsAppWindowMs } from '../messaging/whatsapp-window';
import { parseFormParams } from '../signature/form-params';
import { twilioDate, twilioSid } from './twilio-sids';

/** A message as the fake stores it: Twilio's REST shape. */
export interface FakeTwilioMessage {
  /** Twilio's id of the message (`SM…`, `MM…` with media). */
  sid: string;
  /** The account it belongs to. */
  account_sid: string;
  /** The sender (`+1…` or `whatsapp:+1…`). */
  from: string;
  /** The recipient. */
  to: string;
  /** The text. */
  body: string;
  /** Twilio's status (`queued`, `sent`, `delivered`, `received`, `failed`, …). */
  status: string;
  /** Whether the customer sent it, an API call sent it, or it replied to an inbound message. */
  direction: 'inbound' | 'outbound-api' | 'outbound-reply';
  /** When it was created (RFC 2822, as Twilio writes dates). */
  date_created: string;
  /** When it was sent; null until then. */
  date_sent: string | null;
  /** When it last changed. */
  date_updated: string;
  /** Twilio's error code when it failed. */
  error_code: number | null;
  /** Twilio's error message when it failed. */
  error_message: string | null;
  /** SMS segments billed, as a string (Twilio's REST shape). */
  num_segments: string;
  /** Attached media, as a string. */
  num_media: string;
  /** The Messaging Service that sent it. */
  messaging_service_sid: string | null;
  /** The content template sent (WhatsApp outside the 24-hour window). */
  content_sid?: string | null;
  /** Where its status callbacks go. */
  status_callback?: string | null;
  /** Its REST resource path. */
  uri: string;
}

/** A call as the fake stores it: Twilio's REST shape. */
export interface FakeTwilioCall {
  /** Twilio's id of the call (`CA…`). */
  sid: string;
  /** The account it belongs to. */
  account_sid: string;
  /** The caller. */
  from: string;
  /** The number called. */
  to: string;
  /** Twilio's status (`completed`, `no-answer`, `busy`, `failed`, …). */
  status: string;
  /** Whether the customer called in, or the call was placed through the API or dialled from another call. */
  direction: 'inbound' | 'outbound-api' | 'outbound-dial';
  /** When it started (RFC 2822). */
  start_time: string;
  /** When it ended; null while it runs. */
  end_time: string | null;
  /** When it was created (RFC 2822). */
  date_created: string;
  /** Length in seconds, as a string; null while it runs. */
  duration: string | null;
  /** Caller ID name, when looked up. */
  caller_name: string | null;
  /** The call this one was dialled from. */
  parent_call_sid: string | null;
  /** Its REST resource path. */
  uri: string;
}

/** How the fake behaves. */
export interface TwilioFakeOptions {
  /** The account the fake serves (`AC…`). */
  accountSid: string;
  /** The auth token requests must authenticate with. */
  authToken: string;
  /** API origin (default `https://api.twilio.com`). */
  apiBaseUrl?: string;
  /** Requests Twilio serves at once; more answer 429 with error 20429 (default 100). */
  maxConcurrent?: number;
  /** Time each request takes, so concurrency is observable (default 0). */
  latencyMs?: number;
  /** The fake's clock (default: a fixed instant, 2026-01-01T00:00:00Z). */
  now?: () => Date;
  /** API keys accepted besides the account SID and auth token. */
  apiKeys?: ReadonlyArray<{
    /** The key's SID (`SK…`). */
    sid: string;
    /** The key's secret. */
    secret: string;
  }>;
}

/** A message to seed. */
export interface SeedMessage {
  /** Its id; generated when left out. */
  sid?: string;
  /** The sender. */
  from: string;
  /** The recipient. */
  to: string;
  /** The text (default empty). */
  body?: string;
  /** Its direction (default `inbound`). */
  direction?: FakeTwilioMessage['direction'];
  /** Its status (default `received` inbound, `delivered` outbound). */
  status?: string;
  /** When it was sent. */
  sentAt: Date;
  /** Twilio's error code, for a failed message. */
  errorCode?: number;
}

/** A call to seed. */
export interface SeedCall {
  /** Its id; generated when left out. */
  sid?: string;
  /** The caller. */
  from: string;
  /** The number called. */
  to: string;
  /** Its direction (default `inbound`). */
  direction?: FakeTwilioCall['direction'];
  /** Its status (default `completed`). */
  status?: string;
  /** When it started. */
  startedAt: Date;
  /** Its length (default 60 when completed, else 0). */
  durationSeconds?: number;
  /** Caller ID name. */
  callerName?: string;
  /** The call it was dialled from. */
  parentCallSid?: string;
}

/** A request the fake answered. */
export interface FakeTwilioRequest {
  /** The HTTP method. */
  method: string;
  /** The full URL requested. */
  url: string;
  /** The HTTP status the fake answered. */
  status: number;
}

/** An in-memory Twilio account served through msw. */
export interface TwilioFake {
  /** The msw handlers (`setupServer(...fake.handlers)`). */
  readonly handlers: HttpHandler[];
  /** Stored messages, newest first as Twilio lists them. */
  readonly messages: ReadonlyArray<FakeTwilioMessage>;
  /** Stored calls, newest first. */
  readonly calls: ReadonlyArray<FakeTwilioCall>;
  /** Every request answered, in order. */
  readonly requests: ReadonlyArray<FakeTwilioRequest>;
  /** The most requests ever in flight at once. */
  readonly peakConcurrency: number;
  /** Adds messages. */
  seedMessages(messages: ReadonlyArray<SeedMessage>): FakeTwilioMessage[];
  /** Adds calls. */
  seedCalls(calls: ReadonlyArray<SeedCall>): FakeTwilioCall[];
  /** The next `count` requests fail with `status` (Twilio-shaped error bodies). */
  failNext(count: number, status?: number): void;
}

function errorBody(status: number, code: number, message: string) {
  return HttpResponse.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, { status });
}

const isoOf = (value: string | null) => (value === null ? Number.NaN : Date.parse(value));

/**
 * Creates a fake Twilio REST API for tests and demos: Messages and Calls with Twilio's paging
 * (`next_page_uri`, `PageToken`), date and `ParentCallSid` filters, HTTP Basic auth, a concurrency limit answering 429 with
 * `{"code":20429,…}`, Twilio-shaped error bodies, message creation with its validation errors, and
 * media URLs that redirect to the CDN like Twilio's.
 *
 * @param options - account, token, concurrency limit and latency
 * @returns the fake
 * @example
 * ```ts
 * const fake = createTwilioFake({ accountSid, authToken, maxConcurrent: 5, latencyMs: 5 });
 * const server = setupServer(...fake.handlers);
 * server.listen();
 * ```
 */
export function createTwilioFake(options: TwilioFakeOptions): TwilioFake {
  const base = (options.apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date('2026-01-01T00:00:00Z'));
  const maxConcurrent = options.maxConcurrent ?? 100;
  const latencyMs = options.latencyMs ?? 0;
  const acceptedAuth = new Set(
    [{ sid: options.accountSid, secret: options.authToken }, ...(options.apiKeys ?? [])].map(({ sid, secret }) => `Basic ${btoa(`${sid}:${secret}`)}`),
  );
  const messages: FakeTwilioMessage[] = [];
  const calls: FakeTwilioCall[] = [];
  const requests: FakeTwilioRequest[] = [];
  let sequence = 0;
  let inFlight = 0;
  let peakConcurrency = 0;
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  const accountPath = `/2010-04-01/Accounts/${options.accountSid}`;

  const sortNewestFirst = <T extends { sid: string }>(list: T[], time: (item: T) => number) =>
    list.sort((left, right) => time(right) - time(left) || (left.sid < right.sid ? 1 : -1));

  function seedMessages(seeds: ReadonlyArray<SeedMessage>): FakeTwilioMessage[] {
    const created = seeds.map((seed): FakeTwilioMessage => {
      const sid = seed.sid ?? twilioSid('SM', ++sequence);
      const date = twilioDate(seed.sentAt);
      return {
        sid,
        account_sid: options.accountSid,
        from: seed.from,
        to: seed.to,
        body: seed.body ?? '',
        status: seed.status ?? (seed.direction === 'inbound' || seed.direction === undefined ? 'received' : 'delivered'),
        direction: seed.direction ?? 'inbound',
        date_created: date,
        date_sent: date,
        date_updated: date,
        error_code: seed.errorCode ?? null,
        error_message: null,
        num_segments: String(countSmsSegments(seed.body ?? '').segments),
        num_media: '0',
        messaging_service_sid: null,
        uri: `${accountPath}/Messages/${sid}.json`,
      };
    });
    messages.push(...created);
    sortNewestFirst(messages, (message) => isoOf(message.date_sent ?? message.date_created));
    return created;
  }

  function seedCalls(seeds: ReadonlyArray<SeedCall>): FakeTwilioCall[] {
    const created = seeds.map((seed): FakeTwilioCall => {
      const sid = seed.sid ?? twilioSid('CA', ++sequence);
      const status = seed.status ?? 'completed';
      const duration = seed.durationSeconds ?? (status === 'completed' ? 60 : 0);
      return {
        sid,
        account_sid: options.accountSid,
        from: seed.from,
        to: seed.to,
        status,
        direction: seed.direction ?? 'inbound',
        start_time: twilioDate(seed.startedAt),
        end_time: twilioDate(new Date(seed.startedAt.getTime() + duration * 1000)),
        date_created: twilioDate(seed.startedAt),
        duration: String(duration),
        caller_name: seed.callerName ?? null,
        parent_call_sid: seed.parentCallSid ?? null,
        uri: `${accountPath}/Calls/${sid}.json`,
      };
    });
    calls.push(...created);
    sortNewestFirst(calls, (call) => isoOf(call.start_time));
    return created;
  }

  /** Wraps a handler with auth, failure injection, the concurrency limit, latency and the request log. */
  function guarded(handler: (request: Request, params: Record<string, string | readonly string[] | undefined>) => Promise<Response> | Response) {
    return async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      const log = (response: Response) => {
        requests.push({ method: request.method, url: request.url, status: response.status });
        return response;
      };
      inFlight++;
      peakConcurrency = Math.max(peakConcurrency, inFlight);
      try {
        if (inFlight > maxConcurrent) {
          // Twilio's concurrency limit: https://www.twilio.com/docs/api/errors/20429
          return log(errorBody(429, 20429, 'Too Many Requests'));
        }
        if (latencyMs > 0) await delay(latencyMs);
        if (!acceptedAuth.has(request.headers.get('authorization') ?? '')) {
          return log(errorBody(401, 20003, 'Authentication Error - invalid username'));
        }
        if (params.accountSid !== options.accountSid) {
          return log(errorBody(404, 20404, `The requested resource ${new URL(request.url).pathname} was not found`));
        }
        if (failures.count > 0) {
          failures = { ...failures, count: failures.count - 1 };
          return log(errorBody(failures.status, failures.status === 503 ? 20503 : 20500, 'Service Unavailable'));
        }
        return log(await handler(request, params));
      } finally {
        inFlight--;
      }
    };
  }

  function listPage<T extends { sid: string }>(request: Request, key: 'messages' | 'calls', filtered: T[]): Response {
    const url = new URL(request.url);
    const pageSize = Math.min(1000, Math.max(1, Number(url.searchParams.get('PageSize') ?? '50') || 50));
    const page = Number(url.searchParams.get('Page') ?? '0') || 0;
    const token = url.searchParams.get('PageToken');
    let start = 0;
    if (token !== null) {
      const after = filtered.findIndex((item) => `PA${item.sid}` === token);
      if (after === -1) return errorBody(400, 20001, 'Invalid PageToken');
      start = after + 1;
    }
    const items = filtered.slice(start, start + pageSize);
    const path = url.pathname;
    const keep = new URLSearchParams(url.searchParams);
    keep.delete('Page');
    keep.delete('PageToken');
    keep.set('PageSize', String(pageSize));
    const last = items.at(-1);
    const hasNext = last !== undefined && start + pageSize < filtered.length;
    const next = new URLSearchParams(keep);
    next.set('Page', String(page + 1));
    if (last) next.set('PageToken', `PA${last.sid}`);
    const first = new URLSearchParams(keep);
    first.set('Page', '0');
    return HttpResponse.json({
      [key]: items,
      end: start + items.length - 1,
      first_page_uri: `${path}?${first}`,
      next_page_uri: hasNext ? `${path}?${next}` : null,
      page,
      page_size: pageSize,
      previous_page_uri: page > 0 ? `${path}?${first}` : null,
      start,
      uri: `${path}?${url.searchParams}`,
    });
  }

  function dateFilter(url: URL, name: string): (time: number) => boolean {
    const after = url.searchParams.get(`${name}>`);
    const before = url.searchParams.get(`${name}<`);
    const on = url.searchParams.get(name);
    const afterTime = after === null ? null : Date.parse(after);
    const beforeTime = before === null ? null : Date.parse(before);
    return (time) =>
      (afterTime === null || time >= afterTime) &&
      (beforeTime === null || time <= beforeTime) &&
      (on === null || new Date(time).toISOString().slice(0, 10) === on);
  }

  function createMessage(form: Map<string, string[]>): Response {
    const first = (name: string) => form.get(name)?.[0];
    const to = first('To');
    const from = first('From');
    const service = first('MessagingServiceSid');
    const body = first('Body');
    const contentSid = first('ContentSid');
    const media = form.get('MediaUrl') ?? [];
    // Error codes: https://www.twilio.com/docs/api/errors
    if (!to) return errorBody(400, 21604, "A 'To' phone number is required.");
    if (!from && !service) return errorBody(400, 21603, "A 'From' phone number is required.");
    if (!body && !contentSid && media.length === 0) return errorBody(400, 21602, 'Message body is required.');
    if (body && body.length > 1600) return errorBody(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (!/^(whatsapp:)?\+[1-9]\d{6,14}$/.test(to)) return errorBody(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    const whatsapp = to.startsWith('whatsapp:');
    const at = now();
    // WhatsApp outside the 24-hour window is accepted, then fails with 63016.
    const lastInbound = messages.find((message) => message.direction === 'inbound' && message.from === to);
    const windowOpen = lastInbound !== undefined && at.getTime() - isoOf(lastInbound.date_sent) < whatsAppWindowMs;
    const fails = whatsapp && !contentSid && !windowOpen;
    const sid = twilioSid('SM', ++sequence);
    const date = twilioDate(at);
    const message: FakeTwilioMessage = {
      sid,
      account_sid: options.accountSid,
      from: from ?? '',
      to,
      body: body ?? '',
      status: fails ? 'failed' : 'queued',
      direction: 'outbound-api',
      date_created: date,
      date_sent: null,
      date_updated: date,
      error_code: fails ? 63016 : null,
      error_message: fails ? 'Failed to send freeform message because you are outside the allowed window.' : null,
      num_segments: whatsapp ? '1' : String(countSmsSegments(body ?? '').segments),
      num_media: String(media.length),
      messaging_service_sid: service ?? null,
      content_sid: contentSid ?? null,
      status_callback: first('StatusCallback') ?? null,
      uri: `${accountPath}/Messages/${sid}.json`,
    };
    messages.unshift(message);
    return HttpResponse.json({ ...message, status: 'queued', error_code: null, error_message: null }, { status: 201 });
  }

  const accountRoot = `${base}/2010-04-01/Accounts/:accountSid`;
  const handlers: HttpHandler[] = [
    http.get(
      `${accountRoot}/Messages.json`,
      guarded((request) => {
        const url = new URL(request.url);
        const inRange = dateFilter(url, 'DateSent');
        const to = url.searchParams.get('To');
        const from = url.searchParams.get('From');
        const filtered = messages.filter(
          (message) =>
            message.date_sent !== null && inRange(isoOf(message.date_sent)) && (to === null || message.to === to) && (from === null || message.from === from),
        );
        return listPage(request, 'messages', filtered);
      }),
    ),
    http.post(
      `${accountRoot}/Messages.json`,
      guarded(async (request) => {
        const form = new Map<string, string[]>();
        for (const [name, value] of parseFormParams(await request.text())) form.set(name, [...(form.get(name) ?? []), value]);
        return createMessage(form);
      }),
    ),
    http.get(
      `${accountRoot}/Messages/:sid.json`,
      guarded((_request, params) => {
        const found = messages.find((message) => message.sid === params.sid);
        return found ? HttpResponse.json(found) : errorBody(404, 20404, `The requested resource /Messages/${String(params.sid)}.json was not found`);
      }),
    ),
    http.get(
      `${accountRoot}/Calls.json`,
      guarded((request) => {
        const url = new URL(request.url);
        const inRange = dateFilter(url, 'StartTime');
        // `ParentCallSid` lists the legs a call spawned (`<Dial>`): https://www.twilio.com/docs/voice/api/call-resource#read-multiple-call-resources
        const parent = url.searchParams.get('ParentCallSid');
        return listPage(request, 'calls', calls.filter((call) => inRange(isoOf(call.start_time)) && (parent === null || call.parent_call_sid === parent)));
      }),
    ),
    http.get(
      `${accountRoot}/Calls/:sid.json`,
      guarded((_request, params) => {
        const found = calls.find((call) => call.sid === params.sid);
        return found ? HttpResponse.json(found) : errorBody(404, 20404, `The requested resource /Calls/${String(params.sid)}.json was not found`);
      }),
    ),
    http.get(
      `${accountRoot}/Messages/:messageSid/Media/:mediaSid`,
      guarded((_request, params) =>
        // Twilio redirects media requests to a short-lived CDN URL.
        new HttpResponse(null, { status: 307, headers: { location: `https://mms.twiliocdn.com/${options.accountSid}/${String(params.mediaSid)}` } }),
      ),
    ),
    http.get('https://mms.twiliocdn.com/:accountSid/:mediaSid', ({ params }) =>
      HttpResponse.arrayBuffer(new TextEncoder().encode(`media ${String(params.mediaSid)}`).buffer as ArrayBuffer, {
        headers: { 'content-type': 'image/jpeg' },
      }),
    ),
  ];

  return {
    handlers,
    get messages() {
      return messages;
    },
    get calls() {
      return calls;
    },
    get requests() {
      return requests;
    },
    get peakConcurrency() {
      return peakConcurrency;
    },
    seedMessages,
    seedCalls,
    failNext(count, status = 500) {
      failures = { count, status };
    },
  };
}
