import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { IdentityClaim, IdentityKind } from '../model/identity';

/** A claim turned into its normalised key, or the reason it could not be. */
export type NormalisedIdentity =
  | { ok: true; key: string; kind: IdentityKind }
  | { ok: false; claim: IdentityClaim; reason: string };

const emailPattern = /^[^\s@]+@[^\s@]+$/;

/**
 * Normalises identity claims: emails trimmed and lower-cased; phones (free text, `whatsapp:+…`)
 * to E.164 with a default region; platform ids and social handles namespaced. Results are cached.
 */
export class IdentityNormaliser {
  private readonly cache = new Map<string, NormalisedIdentity>();

  /** @param defaultRegion - region assumed for phones written without a country code */
  constructor(private readonly defaultRegion: CountryCode) {}

  /**
   * Normalises one claim.
   * @param claim - the identifier as the source wrote it
   * @returns its key, such as `phone:+15024592181`, or why it is unusable
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
        return phone?.isPossible()
          ? { ok: true, key: `phone:${phone.number}`, kind: 'phone' }
          : { ok: false, claim, reason: `"${claim.value}" is not a phone number` };
      }
      case 'platform':
        return { ok: true, key: `${claim.namespace}:${claim.value.trim()}`, kind: 'platform' };
      case 'reference':
        return { ok: true, key: `ref:${claim.namespace}:${claim.value.trim()}`, kind: 'reference' };
      case 'social':
        return {
          ok: true,
          key: `social:${claim.network.toLowerCase()}:${claim.value.trim().replace(/^@/, '').toLowerCase()}`,
          kind: 'social',
        };
    }
  }
}

/** The platform namespace of a platform identity key (`shopify:customer` of `shopify:customer:123`). */
export function platformNamespaceOf(key: string): string {
  const second = key.indexOf(':', key.indexOf(':') + 1);
  return key.slice(0, second);
}
