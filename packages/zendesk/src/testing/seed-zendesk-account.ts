import type { FakeZendeskAccount, FakeZendeskUser } from './fake-zendesk-account';

/** How much history to seed. */
export interface SeedOptions {
  /** How many tickets to open. */
  tickets: number;
  /** Distinct requesters (tickets cycle through them). */
  customers?: number;
  /** Agents who reply (default 5). */
  agents?: number;
  /** When the first ticket opens. */
  start?: Date | string | number;
  /** Time between ticket openings in ms; several tickets share a second when below 1000. */
  stepMs?: number;
  /** Seed of the deterministic generator. */
  seed?: number;
}

/** What was seeded. */
export interface SeededZendesk {
  /** The requesters created. */
  customers: FakeZendeskUser[];
  /** The agents created. */
  agents: FakeZendeskUser[];
  /** Instant of the last write. */
  lastUpdateAt: number;
}

const channels = ['web', 'email', 'native_messaging', 'whatsapp', 'sms', 'voice', 'twitter', 'api'];
const priorities = [null, 'low', 'normal', 'high', 'urgent'];

/**
 * Seeds a fake account with a realistic, deterministic history: per ticket a customer message on some
 * channel, then (varying by ticket) an assignment, a public agent reply, a private note, a customer
 * follow-up, pending and solved status changes, a priority change and a satisfaction rating.
 *
 * @param account - the account to fill
 * @param options - how many tickets, customers and agents, from when
 * @returns the seeded users and the time of the last write
 * @example
 * ```ts
 * seedZendeskAccount(account, { tickets: 500, start: '2026-11-20T00:00:00Z' });
 * ```
 */
export function seedZendeskAccount(account: FakeZendeskAccount, options: SeedOptions): SeededZendesk {
  let state = options.seed ?? 1;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 0x1_0000_0000;
  };
  const start = new Date(options.start ?? '2026-11-20T00:00:00Z').getTime();
  const stepMs = options.stepMs ?? 30_000;
  const agents = Array.from({ length: options.agents ?? 5 }, (_, index) =>
    account.addUser({ name: `Agent ${index + 1}`, email: `agent${index + 1}@acme.example`, role: 'agent', at: start - 86_400_000 }),
  );
  const customers = Array.from({ length: options.customers ?? Math.max(1, Math.ceil(options.tickets / 2)) }, (_, index) =>
    account.addUser({
      name: `Customer ${index + 1}`,
      email: `customer${index + 1}@example.com`,
      ...(index % 3 === 0 ? { phone: `+1502555${String(index % 10_000).padStart(4, '0')}` } : {}),
      ...(index % 7 === 0 ? { twitter: `@customer${index + 1}` } : {}),
      at: start - 3_600_000,
    }),
  );
  let lastUpdateAt = start;
  for (let index = 0; index < options.tickets; index++) {
    const openedAt = start + index * stepMs;
    const customer = customers[index % customers.length]!;
    const agent = agents[index % agents.length]!;
    const ticket = account.openTicket({
      requesterId: customer.id,
      subject: `Order question ${index + 1}`,
      body: `Where is order #${1000 + index}?`,
      at: openedAt,
      via: channels[index % channels.length]!,
      priority: priorities[index % priorities.length] ?? null,
      tags: index % 4 === 0 ? ['wismo', 'peak'] : ['wismo'],
    });
    let at = openedAt;
    const step = () => {
      at += 60_000 + Math.floor(random() * 3_600_000);
      lastUpdateAt = Math.max(lastUpdateAt, at);
      return at;
    };
    const roll = random();
    account.updateTicket(ticket.id, { at: step(), authorId: agent.id, status: 'open', assigneeId: agent.id, groupId: 42 });
    if (roll < 0.9) account.updateTicket(ticket.id, { at: step(), authorId: agent.id, comment: { body: 'Let me check that for you.', public: true } });
    if (roll < 0.4) account.updateTicket(ticket.id, { at: step(), authorId: agent.id, comment: { body: 'Carrier says delayed.', public: false } });
    if (roll < 0.6) account.updateTicket(ticket.id, { at: step(), authorId: agent.id, status: 'pending', comment: { body: 'Can you confirm your address?', public: true } });
    if (roll < 0.5) account.updateTicket(ticket.id, { at: step(), authorId: customer.id, status: 'open', comment: { body: 'Yes, same address.', public: true } });
    if (roll > 0.8) account.updateTicket(ticket.id, { at: step(), authorId: agent.id, priority: 'urgent' });
    if (roll < 0.75) account.updateTicket(ticket.id, { at: step(), authorId: agent.id, status: 'solved' });
    if (roll < 0.3) account.updateTicket(ticket.id, { at: step(), authorId: customer.id, satisfaction: { score: roll < 0.25 ? 'good' : 'bad', comment: 'ok' } });
  }
  return { customers, agents, lastUpdateAt };
}
