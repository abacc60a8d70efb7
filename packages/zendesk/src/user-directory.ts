import { type ZendeskUserFacts, zendeskId } from './map-identities';
import type { ZendeskUser, ZendeskUserIdentity } from './zendesk-api-types';

/** What the adapter remembers about a ticket so later events can name its requester and channel. */
export interface ZendeskTicketFacts {
  id: string;
  requesterId: string | null;
  subject: string | null;
  via: string | null;
}

/**
 * The users and tickets an adapter has seen, per tenant, bounded: user events and exports fill it,
 * ticket events read it to name requesters and tell agents from end users.
 */
export class ZendeskDirectory {
  private readonly users = new Map<string, ZendeskUserFacts>();
  private readonly tickets = new Map<string, ZendeskTicketFacts>();

  constructor(private readonly capacity = 200_000) {}

  /**
   * Remembers a user (from an export, a webhook or the API). A record that lists identities lists them
   * all (exports and lookups side-load them): the list replaces what was known, so an identity the
   * user lost is no longer claimed for them. A record without a list keeps the known one.
   */
  rememberUser(tenantId: string, user: ZendeskUser | ZendeskUserFacts): ZendeskUserFacts {
    const id = zendeskId(user.id)!;
    const previous = this.users.get(`${tenantId}|${id}`);
    const identities = user.identities ? mergeIdentities([], user.identities) : (previous?.identities ?? []);
    const facts: ZendeskUserFacts = {
      id,
      name: user.name ?? previous?.name ?? null,
      role: user.role ?? previous?.role ?? null,
      email: user.email ?? previous?.email ?? null,
      phone: user.phone ?? previous?.phone ?? null,
      identities,
    };
    this.put(this.users, `${tenantId}|${id}`, facts);
    return facts;
  }

  /** Adds one identity to a known or new user. */
  rememberIdentity(tenantId: string, userId: string, identity: ZendeskUserIdentity): void {
    const previous = this.users.get(`${tenantId}|${userId}`);
    this.rememberUser(tenantId, {
      id: userId,
      name: previous?.name ?? null,
      role: previous?.role ?? null,
      email: previous?.email ?? null,
      phone: previous?.phone ?? null,
      identities: mergeIdentities(previous?.identities ?? [], [identity]),
    });
  }

  /** Forgets an identity a user lost (`user.identity_deleted`): later tickets of theirs no longer claim it. */
  forgetIdentity(tenantId: string, userId: string, identity: ZendeskUserIdentity): void {
    const previous = this.users.get(`${tenantId}|${userId}`);
    if (!previous) return;
    const lost = identityKey(identity);
    const value = String(identity.value).trim().toLowerCase();
    this.put(this.users, `${tenantId}|${userId}`, {
      ...previous,
      // The primary email or phone goes too when it is the identity lost.
      email: previous.email?.trim().toLowerCase() === value ? null : previous.email,
      phone: previous.phone?.trim().toLowerCase() === value ? null : previous.phone,
      identities: previous.identities.filter((known) => identityKey(known) !== lost),
    });
  }

  /** The user, when known. */
  user(tenantId: string, id: string | null): ZendeskUserFacts | undefined {
    return id === null ? undefined : this.users.get(`${tenantId}|${id}`);
  }

  /** Remembers a ticket's requester, subject and channel. */
  rememberTicket(tenantId: string, facts: ZendeskTicketFacts): void {
    this.put(this.tickets, `${tenantId}|${facts.id}`, facts);
  }

  /** The ticket, when known. */
  ticket(tenantId: string, id: string): ZendeskTicketFacts | undefined {
    return this.tickets.get(`${tenantId}|${id}`);
  }

  private put<T>(map: Map<string, T>, key: string, value: T): void {
    map.delete(key);
    map.set(key, value);
    // Oldest entries go first once the directory is full (insertion order is recency).
    if (map.size > this.capacity) map.delete(map.keys().next().value as string);
  }
}

function mergeIdentities(
  previous: ReadonlyArray<ZendeskUserIdentity>,
  next: ReadonlyArray<ZendeskUserIdentity>,
): ZendeskUserIdentity[] {
  const byKey = new Map<string, ZendeskUserIdentity>();
  for (const identity of [...previous, ...next]) byKey.set(identityKey(identity), identity);
  return [...byKey.values()];
}

function identityKey(identity: ZendeskUserIdentity): string {
  return `${identity.type.toLowerCase()}|${String(identity.value).trim().toLowerCase()}`;
}
