import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { IdentityClaim, IdentityKind } from '../model/identity';
import { isPlaceholderPhone } from './placeholder-phone';

/** A claim turned into its normalised key, or the reason it could not be. */
export type NormalisedIdentity =
  | {
      /** The claim was usable. */
      ok: true;
      /** The normalised key, such as `email:ana@example.com` or `phone:+15024592181`. */
      key: string;
      /** What kind of identifier it is. */
      kind: IdentityKind;
    }
  | {
      /** The claim was not usable. */
      ok: false;
      /** The claim as it was given. */
      claim: IdentityClaim;
      /** Why it could not be normalised. */
      reason: string;
    };

const emailPattern = /^[^\s@]+@[^\s@]+$/;

/**
 * Normalises identity claims: emails trimmed and lower-cased; phones (free text, `whatsapp:+…`)
 * to E.164 with a default region; platform ids and social handles namespaced. Results are cached.
 */
export class IdentityNormaliser {
  private readonly cache = new Map<string, NormalisedIdentity>();

  /**
   * Builds a normaliser with an empty cache.
   * @param defaultRegion - region assumed for phones written without a country code
   * @example
   * ```ts
   * const normaliser = new IdentityNormaliser('GB');
   * ```
   */
  constructor(private readonly defaultRegion: CountryCode) {}

  /**
   * Normalises one claim.
   * @param claim - the identifier as the source wrote it
   * @returns its key, such as `phone:+15024592181`, or why it is unusable
   * @example
   * ```ts
   * new IdentityNormaliser('US').normalise({ kind: 'email', value: ' Ana@Example.COM ' }); // { ok: true, key: 'email:ana@example.com', kind: 'email' }
   * new IdentityNormaliser('US').normalise({ kind: 'phone', value: 'whatsapp:+1 502-459-2181' }); // { ok: true, key: 'phone:+15024592181', kind: 'phone' }
   * ```
   */
  normalise(claim: IdentityClaim): NormalisedIdentity {
    const cacheKey = `${claim.kind}\u0000${claim.kind === 'platform' || claim.kind === 'reference' ? claim.namespace : claim.kind === 'social' ? claim.network : ''}\u0000${claim.value}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const result = this.compute(claim);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(cacheKey, result);
    return result;
  }

  private compute(claim: IdentityClaim): NormalisedIdentity {
    switch (claim.kind) {
      case 'email': {
        const value = claim.value.trim().toLowerCase();
        return emailPattern.test(value)
          ? { ok: true, key: `email:${value}`, kind: 'email' }
          : { ok: false, claim, reason: `"${claim.value}" is not an email address` };
      }
      case 'phone': {
        const raw = claim.value.trim().replace(/^(whatsapp|sms|tel):/i, '');
        const phone = parsePhoneNumberFromString(raw, this.defaultRegion);
        if (!phone?.isPossible()) return { ok: false, claim, reason: `"${claim.value}" is not a phone number` };
        if (isPlaceholderPhone(phone)) return { ok: false, claim, reason: `"${claim.value}" is a placeholder, not a customer's phone number` };
        return { ok: true, key: `phone:${phone.number}`, kind: 'phone' };
      }
      case 'platform':
      case 'reference': {
        const value = claim.value.trim();
        if (value === '') return { ok: false, claim, reason: `A ${claim.namespace} id is empty` };
        const prefix = claim.kind === 'reference' ? 'ref:' : '';
        return { ok: true, key: `${prefix}${claim.namespace}:${value}`, kind: claim.kind };
      }
      case 'social': {
        const handle = claim.value.trim().replace(/^@/, '').toLowerCase();
        if (handle === '') return { ok: false, claim, reason: `A ${claim.network} handle is empty` };
        return { ok: true, key: `social:${claim.network.toLowerCase()}:${handle}`, kind: 'social' };
      }
    }
  }
}

/**
 * The platform namespace of a platform identity key (`shopify:customer` of `shopify:customer:123`).
 * @param key - a normalised platform identity key
 * @returns everything before the second `:`
 * @example
 * ```ts
 * platformNamespaceOf('shopify:customer:123'); // 'shopify:customer'
 * ```
 */
export function platformNamespaceOf(key: string): string {
  const second = key.indexOf(':', key.indexOf(':') + 1);
  return key.slice(0, second);
}
