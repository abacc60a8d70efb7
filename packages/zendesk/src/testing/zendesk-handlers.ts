import { HttpResponse, http, type RequestHandler } from 'msw';
import { authorizationHeader } from '../zendesk-rest-client';
import type { ZendeskCredentials } from '../zendesk-settings';
import { FakeRateWindow } from './fake-rate-limit';
import { ticketEventsExportItem } from './fake-ticket-events';
import type { FakeZendeskAccount, FakeZendeskTicket, FakeZendeskUser } from './fake-zendesk-account';

/** How the fake Zendesk behaves. */
export interface ZendeskHandlersOptions {
  /** Credentials requests must carry; any credentials are accepted when omitted (the header is still required). */
  credentials?: ZendeskCredentials;
  /** The fake's clock (epoch ms); `Date.now` by default. */
  now?: () => number;
  /** Account requests per window (Enterprise: 700). */
  accountLimit?: number;
  /** Incremental export requests per window (10). */
  exportLimit?: number;
  /** Window length in ms (60 000); shrink it to run a sync quickly, reset headers then carry fractions. */
  windowMs?: number;
  /** Default page size of incremental exports (1000). */
  exportPageSize?: number;
}

/** What the fake saw, for assertions and benchmarks. */
export interface ZendeskFakeStats {
  /** Requests received. */
  requests: number;
  /** Incremental export requests accepted. */
  exportRequests: number;
  /** 429 answers given. */
  throttled: number;
  /** Epoch ms of each accepted export request. */
  exportTimes: number[];
  /** Request counts by `METHOD path`. */
  byRoute: Map<string, number>;
}

/** The handlers and what they observed. */
export interface ZendeskHandlers {
  /** msw request handlers: pass them to `setupServer`. */
  handlers: RequestHandler[];
  /** What the fake saw so far. */
  stats: ZendeskFakeStats;
}

type Json = Record<string, unknown>;

function encodeCursor(value: string): string {
  return btoa(value).replace(/=+$/, '');
}

function decodeCursor(value: string): string | null {
  try {
    return atob(value);
  } catch {
    return null;
  }
}

function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

function userJson(user: FakeZendeskUser): Json {
  const { identities: _identities, ...rest } = user;
  return rest;
}

/**
 * Builds msw handlers that behave like a Zendesk account: Basic/Bearer authentication, the per-minute
 * account limit with `X-Rate-Limit`/`ratelimit-*` headers, the incremental-export limit with a
 * `zendesk-ratelimit-incremental-exports` header, 429 with `Retry-After` and Zendesk's error body,
 * cursor-based user and ticket exports, the time-based ticket-events export (`via` labels, `Create` and
 * `Change` events keyed by field, `comment_events`, pages capped at `per_page`), metric events, audits with cursor pagination, ticket create/update, SLA policies and schedules.
 *
 * @param account - the seeded account
 * @param options - credentials, clock and limits
 * @returns the handlers and their stats
 * @example
 * ```ts
 * const account = new FakeZendeskAccount('acme', 12514403);
 * const server = setupServer(...createZendeskHandlers(account).handlers);
 * ```
 */
export function createZendeskHandlers(account: FakeZendeskAccount, options: ZendeskHandlersOptions = {}): ZendeskHandlers {
  const now = options.now ?? (() => Date.now());
  const windowMs = options.windowMs ?? 60_000;
  const accountWindow = new FakeRateWindow(options.accountLimit ?? 700, windowMs);
  const exportWindow = new FakeRateWindow(options.exportLimit ?? 10, windowMs);
  const expected = options.credentials ? authorizationHeader(options.credentials) : null;
  const pageSizeDefault = options.exportPageSize ?? 1000;
  const base = `https://${account.subdomain}.zendesk.com/api/v2`;
  const stats: ZendeskFakeStats = { requests: 0, exportRequests: 0, throttled: 0, exportTimes: [], byRoute: new Map() };

  function rateHeaders(at: number, isExport: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      'x-rate-limit': String(accountWindow.limit),
      'x-rate-limit-remaining': String(accountWindow.remaining(at)),
    };
    if (isExport) {
      headers['zendesk-ratelimit-incremental-exports'] =
        `total=${exportWindow.limit}; remaining=${exportWindow.remaining(at)}; resets=${exportWindow.resetSeconds(at)}`;
    } else {
      headers['ratelimit-limit'] = String(accountWindow.limit);
      headers['ratelimit-remaining'] = String(accountWindow.remaining(at));
      headers['ratelimit-reset'] = String(accountWindow.resetSeconds(at));
    }
    return headers;
  }

  function json(body: unknown, at: number, isExport: boolean, status = 200): Response {
    return HttpResponse.json(body as Json, { status, headers: rateHeaders(at, isExport) });
  }

  function exportPage<T>(list: T[], startIndex: number, size: number) {
    return { page: list.slice(startIndex, startIndex + size), nextIndex: Math.min(list.length, startIndex + size) };
  }

  function cursorExport<T extends { id: number; updated_at: string }>(
    url: URL,
    list: T[],
    key: string,
    at: number,
    path: string,
    extra: (page: T[]) => Json = () => ({}),
  ): Response {
    const size = Math.min(1000, Number(url.searchParams.get('per_page') ?? pageSizeDefault));
    const cursor = url.searchParams.get('cursor');
    let start: number;
    if (cursor) {
      const decoded = decodeCursor(cursor);
      const [updated, id] = (decoded ?? '').split(':').map(Number);
      if (decoded === null || updated === undefined || id === undefined || Number.isNaN(updated) || Number.isNaN(id)) {
        return json({ error: 'InvalidPaginationParameter', description: 'cursor is invalid' }, at, true, 400);
      }
      start = list.findIndex((item) => seconds(item.updated_at) > updated || (seconds(item.updated_at) === updated && item.id > id));
    } else {
      const startTime = Number(url.searchParams.get('start_time'));
      if (!url.searchParams.has('start_time') || Number.isNaN(startTime)) {
        return json({ error: 'InvalidValue', description: 'start_time is required' }, at, true, 400);
      }
      if (startTime > Math.floor(at / 1000) - 60) {
        return json({ error: 'InvalidValue', description: 'Too recent start_time. Use a start_time that is at least one minute in the past' }, at, true, 400);
      }
      start = list.findIndex((item) => seconds(item.updated_at) >= startTime);
    }
    if (start === -1) start = list.length;
    const { page, nextIndex } = exportPage(list, start, size);
    const last = page[page.length - 1] ?? list[start - 1];
    const afterCursor = last ? encodeCursor(`${seconds(last.updated_at)}:${last.id}`) : (cursor ?? encodeCursor('0:0'));
    return json(
      {
        [key]: page,
        ...extra(page),
        after_cursor: afterCursor,
        after_url: `${base}/${path}?cursor=${afterCursor}&per_page=${size}`,
        before_cursor: null,
        before_url: null,
        end_of_stream: nextIndex >= list.length,
      },
      at,
      true,
    );
  }

  function ticketEvents(url: URL, at: number): Response {
    const startTime = Number(url.searchParams.get('start_time'));
    if (!url.searchParams.has('start_time') || Number.isNaN(startTime)) {
      return json({ error: 'InvalidValue', description: 'start_time is required' }, at, true, 400);
    }
    const includeComments = (url.searchParams.get('include') ?? '').split(',').includes('comment_events');
    const size = Math.min(1000, Number(url.searchParams.get('per_page') ?? pageSizeDefault));
    const audits = account.allAudits();
    let start = lowerBound(audits, (audit) => seconds(audit.created_at) >= startTime);
    if (start === -1) start = audits.length;
    const end = Math.min(audits.length, start + size);
    // A page holds at most `per_page` items, even when that cuts a second in two: the next page starts
    // again at the last item's second, so its items that were already sent come back.
    const page = audits.slice(start, end).map((audit) => ticketEventsExportItem(audit, includeComments));
    const lastSecond = end > start ? seconds(audits[end - 1]!.created_at) : startTime;
    return json(
      {
        ticket_events: page,
        count: page.length,
        end_time: lastSecond,
        next_page: `${base}/incremental/ticket_events.json?start_time=${lastSecond}`,
        end_of_stream: end >= audits.length,
      },
      at,
      true,
    );
  }

  function cursorList<T>(url: URL, list: T[], key: string, at: number): Response {
    const size = Math.min(100, Number(url.searchParams.get('page[size]') ?? 100));
    const after = Number(url.searchParams.get('page[after]') ?? 0);
    const page = list.slice(after, after + size);
    const hasMore = after + size < list.length;
    const next = `${url.origin}${url.pathname}?page%5Bsize%5D=${size}&page%5Bafter%5D=${after + size}`;
    return json(
      { [key]: page, meta: { has_more: hasMore, after_cursor: hasMore ? String(after + size) : null, before_cursor: null }, links: { next: hasMore ? next : null, prev: null } },
      at,
      false,
    );
  }

  async function updateTicket(ticket: FakeZendeskTicket, request: Request, at: number): Promise<Response> {
    const body = (await request.json()) as { ticket?: { comment?: { body?: string; public?: boolean }; status?: string; custom_status_id?: number; priority?: string } };
    const update = body.ticket ?? {};
    const audit = account.updateTicket(ticket.id, {
      at,
      authorId: account.apiUserId ?? ticket.assignee_id ?? ticket.submitter_id,
      via: 'api',
      ...(update.status ? { status: update.status } : {}),
      ...(update.custom_status_id ? { customStatusId: update.custom_status_id } : {}),
      ...(update.priority ? { priority: update.priority } : {}),
      ...(update.comment?.body ? { comment: { body: update.comment.body, public: update.comment.public !== false } } : {}),
    });
    return json({ ticket, audit }, at, false);
  }

  async function route(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v2\//, '');
    const at = now();
    const isExport = path.startsWith('incremental/');
    const routeKey = `${request.method} ${path.replace(/\d+/g, ':id')}`;
    stats.byRoute.set(routeKey, (stats.byRoute.get(routeKey) ?? 0) + 1);
    stats.requests += 1;
    const authorization = request.headers.get('authorization');
    if (!authorization || (expected !== null && authorization !== expected)) {
      return HttpResponse.json({ error: "Couldn't authenticate you" }, { status: 401 });
    }
    const withinExport = isExport ? exportWindow.take(at) : true;
    const withinAccount = withinExport ? accountWindow.take(at) : true;
    if (!withinExport || !withinAccount) {
      stats.throttled += 1;
      const window = withinExport ? accountWindow : exportWindow;
      return HttpResponse.json(
        {
          error: 'APIRateLimitExceeded',
          description: isExport ? 'Number of allowed incremental export API requests per minute exceeded' : 'Number of allowed API requests per minute exceeded',
        },
        { status: 429, headers: { ...rateHeaders(at, isExport), 'retry-after': String(window.resetSeconds(at)) } },
      );
    }
    if (isExport) {
      stats.exportRequests += 1;
      stats.exportTimes.push(at);
    }
    if (request.method === 'GET') {
      if (path === 'incremental/users/cursor.json') {
        const include = (url.searchParams.get('include') ?? '').split(',').includes('identities');
        const users = account.usersByUpdate();
        const response = cursorExport(url, users, 'users', at, path, (page) => (include ? { identities: page.flatMap((user) => user.identities) } : {}));
        return stripIdentities(response);
      }
      if (path === 'incremental/tickets/cursor.json') return cursorExport(url, account.ticketsByUpdate(), 'tickets', at, path);
      if (path === 'incremental/ticket_events.json') return ticketEvents(url, at);
      if (path === 'incremental/ticket_metric_events.json') {
        const startTime = Number(url.searchParams.get('start_time') ?? 0);
        const events = account.metricEvents.filter((event) => seconds(event.time) >= startTime);
        return json({ ticket_metric_events: events, count: events.length, end_time: Math.floor(at / 1000), next_page: null, end_of_stream: true }, at, true);
      }
      const audits = /^tickets\/(\d+)\/audits\.json$/.exec(path);
      if (audits) {
        const list = account.audits.get(Number(audits[1]));
        return list ? cursorList(url, list, 'audits', at) : json({ error: 'RecordNotFound', description: 'Not found' }, at, false, 404);
      }
      if (path === 'tickets/show_many.json') {
        const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
        return json({ tickets: ids.map((id) => account.tickets.get(id)).filter(Boolean) }, at, false);
      }
      if (path === 'users/show_many.json') {
        const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
        const users = ids.map((id) => account.users.get(id)).filter((user): user is FakeZendeskUser => user !== undefined);
        const include = (url.searchParams.get('include') ?? '').split(',').includes('identities');
        return json({ users: users.map(userJson), ...(include ? { identities: users.flatMap((user) => user.identities) } : {}) }, at, false);
      }
      if (path === 'tickets.json') {
        const externalId = url.searchParams.get('external_id');
        const list = [...account.tickets.values()].filter((ticket) => externalId === null || ticket.external_id === externalId);
        return cursorList(url, list, 'tickets', at);
      }
      const ticket = /^tickets\/(\d+)\.json$/.exec(path);
      if (ticket) {
        const found = account.tickets.get(Number(ticket[1]));
        return found ? json({ ticket: found }, at, false) : json({ error: 'RecordNotFound', description: 'Not found' }, at, false, 404);
      }
      if (path === 'custom_statuses.json') return json({ custom_statuses: account.customStatuses }, at, false);
      if (path === 'slas/policies.json') return json({ sla_policies: account.slaPolicies, count: account.slaPolicies.length, next_page: null, previous_page: null }, at, false);
      if (path === 'business_hours/schedules.json') return json({ schedules: account.schedules }, at, false);
      const holidays = /^business_hours\/schedules\/(\d+)\/holidays\.json$/.exec(path);
      if (holidays) return json({ holidays: account.holidays.get(Number(holidays[1])) ?? [] }, at, false);
    }
    if (request.method === 'PUT') {
      const ticket = /^tickets\/(\d+)\.json$/.exec(path);
      const found = ticket ? account.tickets.get(Number(ticket[1])) : undefined;
      if (found) return updateTicket(found, request, at);
      if (ticket) return json({ error: 'RecordNotFound', description: 'Not found' }, at, false, 404);
    }
    if (request.method === 'POST' && path === 'tickets.json') {
      const body = (await request.json()) as {
        ticket?: { subject?: string; external_id?: string; requester?: { name?: string; email?: string }; comment?: { body?: string; public?: boolean }; priority?: string; tags?: string[] };
      };
      const input = body.ticket ?? {};
      if (!input.comment?.body) return json({ error: 'RecordInvalid', description: 'Record validation errors', details: { base: [{ description: 'Comment: cannot be blank' }] } }, at, false, 422);
      const email = input.requester?.email;
      const requester =
        [...account.users.values()].find((user) => email !== undefined && user.email === email) ??
        account.addUser({ name: input.requester?.name ?? 'Customer', ...(email ? { email } : {}), at });
      const created = account.openTicket({
        requesterId: requester.id,
        submitterId: account.apiUserId ?? requester.id,
        subject: input.subject ?? '',
        body: input.comment.body,
        publicComment: input.comment.public !== false,
        at,
        via: 'api',
        priority: input.priority ?? null,
        tags: input.tags ?? [],
        externalId: input.external_id ?? null,
      });
      return json({ ticket: created, audit: account.audits.get(created.id)![0] }, at, false, 201);
    }
    return json({ error: 'InvalidEndpoint', description: 'Not found' }, at, false, 404);
  }

  return { handlers: [http.all(`${base}/*`, ({ request }) => route(request))], stats };
}

async function stripIdentities(response: Response): Promise<Response> {
  if (response.status !== 200) return response;
  const body = (await response.json()) as { users: FakeZendeskUser[] };
  return HttpResponse.json({ ...body, users: body.users.map(userJson) } as Json, { status: 200, headers: response.headers });
}

function lowerBound<T>(list: T[], isAtOrAfter: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isAtOrAfter(list[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low < list.length ? low : -1;
}
