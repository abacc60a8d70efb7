import type { IdentityClaim } from '@throughline/core/adapter';
import { idToString } from '@throughline/core/adapter-utils';
import type { ZendeskUserIdentity } from './zendesk-api-types';

/** What the adapter knows about a Zendesk user: enough to name them and prove their identities. */
export interface ZendeskUserFacts {
  id: string;
  name: string | null;
  /** `end-user`, `agent` or `admin`; null when unknown. */
  role: string | null;
  email: string | null;
  phone: string | null;
  identities: ReadonlyArray<ZendeskUserIdentity>;
}

const socialTypes: Readonly<Record<string, string>> = { twitter: 'twitter', facebook: 'facebook', instagram: 'instagram' };

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Lists the identities a Zendesk user proves: the user id (`zendesk:user`), emails, phones and
 * social handles; `google` identities are emails; other identity types are skipped.
 *
 * @param user - the user's id and whatever contact facts are known
 * @returns identity claims, duplicates removed
 * @example
 * ```ts
 * identitiesOfUser({ id: '42', email: 'ana@example.com', phone: null, identities: [] });
 * ```
 */
export function identitiesOfUser(user: {
  id: string | null;
  email?: string | null;
  phone?: string | null;
  identities?: ReadonlyArray<ZendeskUserIdentity>;
}): IdentityClaim[] {
  const claims: IdentityClaim[] = [];
  const seen = new Set<string>();
  const add = (claim: IdentityClaim) => {
    const key = `${claim.kind}|${claim.kind === 'platform' ? claim.namespace : claim.kind === 'social' ? claim.network : ''}|${claim.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    claims.push(claim);
  };
  if (user.id !== null && user.id !== '' && user.id !== '-1') add({ kind: 'platform', namespace: 'zendesk:user', value: user.id });
  const email = text(user.email);
  if (email?.includes('@')) add({ kind: 'email', value: email });
  const phone = text(user.phone);
  if (phone) add({ kind: 'phone', value: phone });
  for (const identity of user.identities ?? []) {
    const value = text(identity.value);
    if (!value) continue;
    const type = identity.type.toLowerCase();
    if ((type === 'email' || type === 'google') && value.includes('@')) add({ kind: 'email', value });
    else if (type === 'phone_number' || type === 'phone') add({ kind: 'phone', value });
    else if (socialTypes[type]) add({ kind: 'social', network: socialTypes[type]!, value });
  }
  return claims;
}

/**
 * Reads a Zendesk id (number, string or 64-bit string) as a string, treating empty and `-` as absent.
 * @param value - the id as parsed
 * @returns the id, or null
 */
export function zendeskId(value: unknown): string | null {
  const id = idToString(value);
  return id === null || id === '-' ? null : id;
}
