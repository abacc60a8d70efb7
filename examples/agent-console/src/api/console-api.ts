import type { CustomerView, SupportCase, TenantApi } from '@throughline/core';
import type { CustomerSearch } from '../search/customer-search';
import { customerDisplayName } from '../search/customer-display-name';
import { BadRequestError, ConsoleApiError, CustomerNotFoundError, errorAnswerOf } from './console-api-error';
import type {
  CaseSummary,
  CustomerResponse,
  DueSoonItem,
  DueSoonResponse,
  OpenCaseResponse,
  SlaClockView,
  TimelineResponse,
} from './console-api-types';
import { describeTimelineEvent } from './describe-timeline-event';
import { plainText } from './plain-text';
import { readChannels, readEventTypes, readInteger } from './read-query';

/** One SLA clock as the tenant API returns it. */
type SlaClock = Awaited<ReturnType<TenantApi['sla']['forCase']>>[number];

/** What the console's JSON API reads from. */
export interface ConsoleApiOptions {
  tenant: TenantApi;
  search: CustomerSearch;
  /** The instance's time source in epoch ms (the same clock the SLA engine uses). */
  now: () => number;
  /** Log of unexpected errors (default `console.error`). */
  logError?: (error: unknown) => void;
}

const hour = 3_600_000;
const customerIdPattern = /^[\w:.@+-]{1,200}$/;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}

function caseSummary(supportCase: SupportCase): CaseSummary {
  return {
    id: supportCase.id,
    status: supportCase.status,
    priority: supportCase.priority,
    channel: supportCase.channel,
    lastInboundChannel: supportCase.lastInboundChannel,
    subject: supportCase.subject === null ? null : plainText(supportCase.subject, 300),
    openedAt: supportCase.openedAt,
    solvedAt: supportCase.solvedAt,
    contactCount: supportCase.contactCount,
    repeatContactCount: supportCase.repeatContactCount,
    awaitingReplySince: supportCase.awaitingReplySince,
  };
}

function iso(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}

function clockView(clock: SlaClock): SlaClockView {
  return {
    id: clock.id,
    metric: clock.metric,
    instance: clock.instance,
    status: clock.status,
    policyId: clock.policyId,
    targetMs: clock.targetMs,
    businessHours: clock.businessHours,
    dueAt: iso(clock.dueAt),
    remainingMs: clock.remainingMs,
    breachedAt: iso(clock.breachedAt),
    fulfilledAt: iso(clock.fulfilledAt),
  };
}

/**
 * Creates the console's JSON API as a Web handler: search, customer, timeline (cursor paging),
 * open case with SLA clocks, and the queue of what breaches next. Errors answer
 * `{ error: { code, message } }`: 400 for bad input, 404 for an unknown customer or route.
 *
 * @param options - tenant API, search and clock
 * @returns a handler for `GET /api/…` requests
 * @example
 * ```ts
 * const api = createConsoleApi({ tenant: throughline.tenant('acme'), search, now: Date.now });
 * const response = await api(new Request('http://console/api/search?q=%231042'));
 * ```
 */
export function createConsoleApi(options: ConsoleApiOptions): (request: Request) => Promise<Response> {
  const { tenant, search, now } = options;
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  async function requireCustomer(rawId: string): Promise<CustomerView> {
    let customerId: string;
    try {
      customerId = decodeURIComponent(rawId);
    } catch {
      throw new BadRequestError('The customer id is not valid');
    }
    if (!customerIdPattern.test(customerId)) throw new BadRequestError('The customer id is not valid');
    const view = await tenant.customers.get(customerId);
    if (!view) throw new CustomerNotFoundError(customerId);
    return view;
  }

  async function customer(view: CustomerView): Promise<CustomerResponse> {
    const cases = await tenant.cases.forCustomer(view.customer.id);
    return {
      customerId: view.customer.id,
      displayName: plainText(customerDisplayName(view), 200),
      tier: view.customer.tier,
      createdAt: view.customer.createdAt,
      identities: view.identities.map((identity) => ({ key: plainText(identity.key, 300), kind: identity.kind, observedAt: identity.observedAt })),
      cases: cases.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt)).map(caseSummary),
    };
  }

  async function timeline(view: CustomerView, params: URLSearchParams): Promise<TimelineResponse> {
    const before = params.get('before');
    const types = readEventTypes(params);
    const channels = readChannels(params);
    const page = await tenant.timeline.forCustomer(view.customer.id, {
      limit: readInteger(params, 'limit', { min: 1, max: 200, fallback: 30 }),
      ...(before ? { before } : {}),
      ...(types ? { types } : {}),
      ...(channels ? { channels } : {}),
    });
    return { entries: page.events.map(describeTimelineEvent), nextCursor: page.nextCursor };
  }

  async function openCase(view: CustomerView): Promise<OpenCaseResponse> {
    const asOf = new Date(now()).toISOString();
    const found = await tenant.cases.openCaseOf(view.customer.id);
    if (!found) return { asOf, openCase: null, clocks: [] };
    const clocks = await tenant.sla.forCase(found.id);
    return { asOf, openCase: caseSummary(found), clocks: clocks.map(clockView) };
  }

  async function dueSoon(params: URLSearchParams): Promise<DueSoonResponse> {
    const within = readInteger(params, 'within', { min: 1, max: 30 * 24 * hour, fallback: 8 * hour });
    const limit = readInteger(params, 'limit', { min: 1, max: 100, fallback: 20 });
    const asOf = new Date(now()).toISOString();
    const entries = await tenant.sla.dueSoon({ within, limit });
    const items = await Promise.all(
      entries.map(async (entry): Promise<DueSoonItem> => {
        const [view, supportCase] = await Promise.all([tenant.customers.get(entry.customerId), tenant.cases.get(entry.caseId)]);
        return {
          caseId: entry.caseId,
          customerId: view?.customer.id ?? entry.customerId,
          displayName: view ? plainText(customerDisplayName(view), 200) : entry.customerId,
          subject: supportCase?.subject ? plainText(supportCase.subject, 300) : null,
          channel: supportCase?.lastInboundChannel ?? null,
          priority: supportCase?.priority ?? null,
          metric: entry.metric,
          policyId: entry.policyId,
          dueAt: entry.dueAt,
          remainingMs: entry.remainingMs,
        };
      }),
    );
    return { asOf, within, items };
  }

  async function route(request: Request): Promise<unknown> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/search') return search.search(url.searchParams.get('q') ?? '');
    if (path === '/api/due-soon') return dueSoon(url.searchParams);
    const match = /^\/api\/customers\/([^/]+)(\/timeline|\/open-case)?$/.exec(path);
    if (match) {
      const view = await requireCustomer(match[1] ?? '');
      if (match[2] === '/timeline') return timeline(view, url.searchParams);
      if (match[2] === '/open-case') return openCase(view);
      return customer(view);
    }
    throw new ConsoleApiError(404, 'not_found', `No API route ${path}`);
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(405, { error: { code: 'method_not_allowed', message: 'The console API is read-only: use GET' } });
    }
    try {
      return json(200, await route(request));
    } catch (error) {
      const answer = errorAnswerOf(error);
      if (answer.status >= 500) logError(error);
      return json(answer.status, answer.body);
    }
  };
}
