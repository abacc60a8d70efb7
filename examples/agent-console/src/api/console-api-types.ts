/**
 * The JSON the console's API answers with: shared by the server and the page (types only).
 * Every string in these shapes is plain text; the page renders it as text, never as HTML.
 */

/** How a search term matched a customer. */
export type SearchMatchKind = 'email' | 'phone' | 'order';

/** One customer a search found. */
export interface SearchMatch {
  customerId: string;
  /** The customer's name, or their first identity when no name is known. */
  displayName: string;
  matchedBy: SearchMatchKind;
  /** The normalised identity or the order name that matched (`email:ana@example.com`, `#1042`). */
  matchedValue: string;
}

/** `GET /api/search?q=…` */
export interface SearchResponse {
  query: string;
  /** What the term was read as (a term can be read several ways: `1042` is an order number, never a phone). */
  readAs: SearchMatchKind[];
  matches: SearchMatch[];
}

/** A customer's identity as shown. */
export interface IdentityView {
  key: string;
  kind: 'email' | 'phone' | 'platform' | 'social' | 'reference';
  observedAt: string;
}

/** A case as listed on the customer page. */
export interface CaseSummary {
  id: string;
  status: string;
  priority: string;
  channel: string;
  lastInboundChannel: string;
  subject: string | null;
  openedAt: string;
  solvedAt: string | null;
  contactCount: number;
  repeatContactCount: number;
  awaitingReplySince: string | null;
}

/** `GET /api/customers/:id` */
export interface CustomerResponse {
  customerId: string;
  displayName: string;
  tier: string;
  createdAt: string;
  identities: IdentityView[];
  cases: CaseSummary[];
}

/** One line of the timeline, described for a person. */
export interface TimelineEntry {
  id: string;
  type: string;
  occurredAt: string;
  /** The contact channel, or null for facts (orders, shipments, SLA). */
  channel: string | null;
  /** Where it came from: `shopify`, `zendesk`, `twilio`, `throughline`. */
  system: string;
  actor: 'customer' | 'agent' | 'bot' | 'system';
  actorName: string | null;
  /** One line: "Order #1042 placed", "WhatsApp message received". */
  title: string;
  /** Message bodies, tracking numbers, amounts: plain text, possibly empty. */
  detail: string;
  /** A link to the source or the carrier, only ever http(s). */
  link: string | null;
  caseId: string | null;
  repeatContact: boolean;
}

/** `GET /api/customers/:id/timeline` */
export interface TimelineResponse {
  entries: TimelineEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

/** One SLA clock of a case. */
export interface SlaClockView {
  id: string;
  metric: string;
  instance: number;
  status: 'active' | 'paused' | 'breached' | 'fulfilled';
  policyId: string;
  targetMs: number;
  businessHours: boolean;
  /** When it breaches (or breached); null while paused or fulfilled on time. */
  dueAt: string | null;
  /** Milliseconds left as of `asOf` (negative once breached). */
  remainingMs: number;
  breachedAt: string | null;
  fulfilledAt: string | null;
}

/** `GET /api/customers/:id/open-case` */
export interface OpenCaseResponse {
  /** The server's now: the page counts down from `dueAt` against its own clock, corrected by this. */
  asOf: string;
  openCase: CaseSummary | null;
  clocks: SlaClockView[];
}

/** One case in the queue of what breaches next. */
export interface DueSoonItem {
  caseId: string;
  customerId: string;
  displayName: string;
  subject: string | null;
  channel: string | null;
  priority: string | null;
  metric: string;
  policyId: string;
  dueAt: string;
  remainingMs: number;
}

/** `GET /api/due-soon` */
export interface DueSoonResponse {
  asOf: string;
  /** The look-ahead window in ms. */
  within: number;
  items: DueSoonItem[];
}

/** The body of every error answer. */
export interface ApiErrorBody {
  error: {
    /** Stable code: `bad_request`, `customer_not_found`, `not_found`, `internal`. */
    code: string;
    message: string;
  };
}

/** What the change stream (`GET /api/changes`, server-sent events) says when something changed. */
export interface ChangeNotice {
  customerIds: string[];
  caseIds: string[];
}
