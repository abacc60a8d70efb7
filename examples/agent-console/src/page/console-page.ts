/**
 * The console page: search, customer, timeline, open case with live SLA countdowns, and the queue
 * of what breaches next. Everything from the API is set as text (`textContent`), never as HTML.
 */
import type {
  ApiErrorBody,
  ChangeNotice,
  CustomerResponse,
  DueSoonResponse,
  OpenCaseResponse,
  SearchResponse,
  SlaClockView,
  TimelineEntry,
  TimelineResponse,
} from '../api/console-api-types';
import { channelName, metricName } from '../api/display-names';

/** A clock turns amber when less than this share of its target is left. */
const soonShare = 0.25;
const knownChannels = new Set(['email', 'web', 'chat', 'sms', 'whatsapp', 'social', 'voice', 'other']);

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}`);
  return found as T;
}

const view = {
  liveStatus: byId('live-status'),
  searchForm: byId<HTMLFormElement>('search-form'),
  searchInput: byId<HTMLInputElement>('search-input'),
  searchMessage: byId('search-message'),
  searchResults: byId('search-results'),
  queueWindow: byId('queue-window'),
  dueSoon: byId('due-soon'),
  empty: byId('empty'),
  customer: byId('customer'),
  customerName: byId('customer-name'),
  customerMeta: byId('customer-meta'),
  customerIdentities: byId('customer-identities'),
  openCase: byId('open-case'),
  timeline: byId('timeline'),
  loadOlder: byId<HTMLButtonElement>('load-older'),
};

/** What the page shows now. */
const state = {
  customerId: null as string | null,
  nextCursor: null as string | null,
  /** Server time minus page time, so countdowns follow the server's clock (a replayed day included). */
  serverOffsetMs: 0,
  refreshingCase: false,
};

/** Builds an element whose content is text only. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: { className?: string; text?: string; attributes?: Record<string, string> } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json()) as T | ApiErrorBody;
  if (!response.ok) throw new Error((body as ApiErrorBody).error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

function serverNow(): number {
  return Date.now() + state.serverOffsetMs;
}

function syncClock(asOf: string): void {
  state.serverOffsetMs = Date.parse(asOf) - Date.now();
}

function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1_000);
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  const text = hours > 0 ? `${hours}h ${String(minutes).padStart(2, '0')}m ${String(seconds).padStart(2, '0')}s` : `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return ms < 0 ? `-${text}` : text;
}

function formatTime(instant: string): string {
  return new Date(instant).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function channelClass(channel: string | null): string {
  return channel !== null && knownChannels.has(channel) ? channel : 'store';
}

/** The badge of a timeline line: its channel, or what kind of fact it is when it has none. */
function badgeOf(entry: TimelineEntry): { className: string; text: string } {
  if (entry.channel !== null) return { className: channelClass(entry.channel), text: channelName(entry.channel) };
  if (entry.type.startsWith('sla.')) return { className: 'sla', text: 'SLA' };
  if (/^(order|fulfillment)\./.test(entry.type)) return { className: 'store', text: 'Shop' };
  return { className: 'case', text: 'Case' };
}

/** Updates every live countdown (`data-due-at`) on the page. */
function tick(): void {
  const now = serverNow();
  let expired = false;
  for (const node of document.querySelectorAll<HTMLElement>('[data-due-at]')) {
    const dueAt = Date.parse(node.dataset.dueAt ?? '');
    const target = Number(node.dataset.targetMs ?? '0');
    const remaining = dueAt - now;
    node.textContent = remaining < 0 ? `overdue ${formatDuration(-remaining)}` : formatDuration(remaining);
    node.classList.toggle('breached', remaining < 0);
    node.classList.toggle('soon', remaining >= 0 && target > 0 && remaining < target * soonShare);
    const card = node.closest('.clock');
    if (card) {
      card.classList.toggle('soon', remaining >= 0 && target > 0 && remaining < target * soonShare);
      if (remaining < 0 && card.classList.contains('active')) expired = true;
    }
  }
  // A clock just crossed its target: ask the server (the SLA engine records the breach).
  if (expired && !state.refreshingCase && state.customerId) {
    state.refreshingCase = true;
    setTimeout(() => {
      void refreshCustomer(false).finally(() => {
        state.refreshingCase = false;
      });
    }, 1_500);
  }
}

function renderClock(clock: SlaClockView): HTMLElement {
  const countdown = el('span', { className: 'countdown', attributes: { 'data-testid': 'sla-countdown' } });
  if (clock.status === 'active' && clock.dueAt) {
    countdown.dataset.dueAt = clock.dueAt;
    countdown.dataset.targetMs = String(clock.targetMs);
  } else if (clock.status === 'breached' && clock.dueAt) {
    countdown.dataset.dueAt = clock.dueAt;
  } else {
    countdown.textContent = clock.status === 'fulfilled' ? (clock.breachedAt ? 'fulfilled late' : 'fulfilled') : clock.status;
  }
  const due = clock.dueAt ? `due ${formatTime(clock.dueAt)}` : clock.fulfilledAt ? `stopped ${formatTime(clock.fulfilledAt)}` : '';
  return el(
    'li',
    { className: `clock ${clock.status}`, attributes: { 'data-testid': 'sla-clock', 'data-metric': clock.metric, 'data-status': clock.status } },
    el('span', { className: 'metric', text: `${metricName(clock.metric)}${clock.instance > 1 ? ` #${clock.instance}` : ''} · ${clock.status}` }),
    countdown,
    el('span', { className: 'due', text: `${due}${due ? ' · ' : ''}policy ${clock.policyId}` }),
  );
}

function renderOpenCase(body: OpenCaseResponse): void {
  syncClock(body.asOf);
  view.openCase.replaceChildren();
  const found = body.openCase;
  view.openCase.classList.toggle('none', found === null);
  if (!found) {
    view.openCase.append(el('h3', { text: 'No open case' }), el('p', { className: 'hint', text: 'Every case of this customer is solved.' }));
    return;
  }
  const facts = [
    `${found.status} · ${found.priority} priority`,
    `opened ${formatTime(found.openedAt)} on ${channelName(found.channel)}`,
    `last contact on ${channelName(found.lastInboundChannel)}`,
    `${found.contactCount} contacts (${found.repeatContactCount} repeat)`,
    found.awaitingReplySince ? `waiting for a reply since ${formatTime(found.awaitingReplySince)}` : 'answered',
  ];
  const clocks = el('ul', { className: 'clocks', attributes: { 'data-testid': 'sla-clocks' } }, ...body.clocks.map(renderClock));
  view.openCase.append(
    el('h3', { text: `Open case: ${found.subject ?? '(no subject)'}`, attributes: { 'data-testid': 'open-case-title' } }),
    el('p', { className: 'hint', text: facts.join(' · ') }),
    body.clocks.length > 0 ? clocks : el('p', { className: 'hint', text: 'No SLA policy applies to this case.' }),
  );
  tick();
}

function renderEntry(entry: TimelineEntry): HTMLElement {
  const badge = badgeOf(entry);
  const badges = el('span', { className: `badge ${badge.className}`, text: badge.text });
  const title = el('div', { className: 'title', text: entry.title });
  if (entry.repeatContact) title.append(el('span', { className: 'badge repeat', text: 'repeat contact' }));
  const body = el('div', {}, title);
  if (entry.detail) body.append(el('div', { className: 'detail', text: entry.detail }));
  const meta = [entry.actorName ?? entry.actor, entry.system];
  const metaLine = el('div', { className: 'meta', text: meta.join(' · ') });
  if (entry.link && /^https?:\/\//i.test(entry.link)) {
    metaLine.append(' · ', el('a', { text: 'open', attributes: { href: entry.link, target: '_blank', rel: 'noopener noreferrer' } }));
  }
  body.append(metaLine);
  return el(
    'li',
    { className: entry.type.startsWith('sla.') ? 'sla' : '', attributes: { 'data-testid': 'timeline-entry', 'data-type': entry.type, 'data-channel': entry.channel ?? 'store' } },
    el('time', { text: formatTime(entry.occurredAt), attributes: { datetime: entry.occurredAt } }),
    badges,
    body,
  );
}

function renderTimeline(page: TimelineResponse, append: boolean): void {
  if (!append) view.timeline.replaceChildren();
  view.timeline.append(...page.entries.map(renderEntry));
  state.nextCursor = page.nextCursor;
  view.loadOlder.hidden = page.nextCursor === null;
}

function renderCustomer(customer: CustomerResponse): void {
  view.customerName.textContent = customer.displayName;
  view.customerMeta.textContent = `${customer.tier} customer since ${formatTime(customer.createdAt)} · ${customer.cases.length} case(s)`;
  view.customerIdentities.replaceChildren(...customer.identities.map((identity) => el('li', { text: identity.key })));
}

async function refreshCustomer(withTimeline: boolean): Promise<void> {
  const customerId = state.customerId;
  if (!customerId) return;
  const path = `/api/customers/${encodeURIComponent(customerId)}`;
  const [customer, openCase, timeline] = await Promise.all([
    getJson<CustomerResponse>(path),
    getJson<OpenCaseResponse>(`${path}/open-case`),
    withTimeline ? getJson<TimelineResponse>(`${path}/timeline?limit=30`) : Promise.resolve(null),
  ]);
  if (state.customerId !== customerId) return;
  renderCustomer(customer);
  renderOpenCase(openCase);
  if (timeline) renderTimeline(timeline, false);
}

async function openCustomer(customerId: string): Promise<void> {
  state.customerId = customerId;
  if (location.hash !== `#customer/${encodeURIComponent(customerId)}`) history.replaceState(null, '', `#customer/${encodeURIComponent(customerId)}`);
  view.empty.hidden = true;
  view.customer.hidden = false;
  try {
    await refreshCustomer(true);
  } catch (error) {
    view.customer.hidden = true;
    view.empty.hidden = false;
    showMessage((error as Error).message, true);
  }
}

function showMessage(text: string, isError = false): void {
  view.searchMessage.textContent = text;
  view.searchMessage.classList.toggle('error', isError);
}

async function runSearch(term: string): Promise<void> {
  view.searchResults.replaceChildren();
  showMessage('Searching…');
  try {
    const result = await getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(term)}`);
    showMessage(result.matches.length === 0 ? `No customer for "${result.query}" (read as ${result.readAs.join(' or ')})` : `${result.matches.length} customer(s)`);
    view.searchResults.append(
      ...result.matches.map((match) => {
        const button = el('button', { attributes: { type: 'button', 'data-testid': 'search-result' } }, el('strong', { text: match.displayName }), el('span', { className: 'why', text: `${match.matchedBy} · ${match.matchedBy === 'order' ? match.matchedValue : match.matchedValue.slice(match.matchedValue.indexOf(':') + 1)}` }));
        button.addEventListener('click', () => void openCustomer(match.customerId));
        return el('li', {}, button);
      }),
    );
  } catch (error) {
    showMessage((error as Error).message, true);
  }
}

async function refreshDueSoon(): Promise<void> {
  try {
    const body = await getJson<DueSoonResponse>('/api/due-soon?limit=15');
    syncClock(body.asOf);
    view.queueWindow.textContent = `SLA breaches in the next ${Math.round(body.within / 3_600_000)} hours, soonest first`;
    view.dueSoon.replaceChildren(
      ...body.items.map((item) => {
        const countdown = el('span', { className: 'countdown', attributes: { 'data-due-at': item.dueAt } });
        const why = [metricName(item.metric), item.channel ? channelName(item.channel) : null, item.priority, item.subject].filter(Boolean).join(' · ');
        const button = el('button', { attributes: { type: 'button', 'data-testid': 'due-soon-item', 'data-case-id': item.caseId } }, countdown, el('strong', { text: item.displayName }), el('span', { className: 'why', text: why }));
        button.addEventListener('click', () => void openCustomer(item.customerId));
        return el('li', {}, button);
      }),
    );
    if (body.items.length === 0) view.dueSoon.append(el('li', { className: 'hint', text: 'Nothing breaches in this window.' }));
    tick();
  } catch (error) {
    view.queueWindow.textContent = (error as Error).message;
  }
}

function listenForChanges(): void {
  const source = new EventSource('/api/changes');
  source.addEventListener('open', () => {
    view.liveStatus.textContent = 'live';
    view.liveStatus.classList.add('live');
  });
  source.addEventListener('error', () => {
    view.liveStatus.textContent = 'reconnecting…';
    view.liveStatus.classList.remove('live');
  });
  source.addEventListener('changed', (message) => {
    const notice = JSON.parse((message as MessageEvent<string>).data) as ChangeNotice;
    void refreshDueSoon();
    if (state.customerId && notice.customerIds.includes(state.customerId)) void refreshCustomer(state.nextCursor === null || view.timeline.childElementCount <= 30);
  });
}

view.searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void runSearch(view.searchInput.value);
});
view.loadOlder.addEventListener('click', async () => {
  if (!state.customerId || !state.nextCursor) return;
  const path = `/api/customers/${encodeURIComponent(state.customerId)}/timeline?limit=30&before=${encodeURIComponent(state.nextCursor)}`;
  try {
    renderTimeline(await getJson<TimelineResponse>(path), true);
  } catch (error) {
    showMessage((error as Error).message, true);
  }
});

setInterval(tick, 1_000);
// Another process may write the store (the peak-day demo): poll as well as listen.
setInterval(() => {
  void refreshDueSoon();
  if (state.customerId) void refreshCustomer(false);
}, 30_000);
listenForChanges();
void refreshDueSoon();
const linked = /^#customer\/(.+)$/.exec(location.hash);
if (linked?.[1]) void openCustomer(decodeURIComponent(linked[1]));
