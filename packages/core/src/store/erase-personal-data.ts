import type { CustomerMerge, MergeProposal } from '../model/customer';
import type { TimelineEvent } from '../model/timeline-event';

const personalFields = new Set(['body', 'subject', 'from', 'to', 'comment', 'summary', 'recordingUrl', 'statusUrl', 'media', 'facts']);

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (typeof value === 'string') return '[erased]';
  if (value !== null && typeof value === 'object') return null;
  return value;
}

/**
 * Returns a copy of an event with its personal data erased (message bodies, addresses, identities,
 * profile), keeping id, type, times and ids so idempotency and metrics still hold.
 * @param event - a timeline event
 * @returns the erased copy: personal strings become `'[erased]'`, lists empty, objects null; the
 * event's identity claims and profile are dropped and its actor keeps only its kind
 * @example
 * ```ts
 * const erased = eraseEventPersonalData(event);
 * if (erased.type === 'message.received') erased.data.body; // '[erased]'
 * ```
 */
export function eraseEventPersonalData(event: TimelineEvent): TimelineEvent {
  const data: Record<string, unknown> = { ...(event.data as Record<string, unknown>) };
  for (const key of Object.keys(data)) if (personalFields.has(key)) data[key] = scrub(data[key]);
  const { profile: _profile, ...rest } = event;
  return { ...rest, identities: [], actor: { kind: event.actor.kind }, data } as unknown as TimelineEvent;
}

/**
 * The distinctive personal values behind a customer's identities and event claims (emails and
 * phone numbers, raw and URL-encoded as form bodies carry them), used to find dead letters that
 * name the customer. Platform ids are left out: short numbers would match unrelated deliveries.
 * @param identityKeys - normalised identity keys, such as `email:a@b.com`
 * @param events - the customer's events, whose identity claims hold the values as received
 * @returns the values to look for
 * @example
 * ```ts
 * personalValues(['email:ana@example.com', 'shopify:customer:42'], []); // ['ana@example.com', 'ana%40example.com']
 * ```
 */
export function personalValues(identityKeys: ReadonlyArray<string>, events: ReadonlyArray<TimelineEvent>): string[] {
  const values = new Set<string>();
  for (const key of identityKeys) {
    const separator = key.indexOf(':');
    const kind = key.slice(0, separator);
    if (kind === 'email' || kind === 'phone') values.add(key.slice(separator + 1));
  }
  for (const event of events) {
    for (const claim of event.identities) if (claim.kind === 'email' || claim.kind === 'phone') values.add(claim.value);
  }
  const distinctive = [...values].filter((value) => value.length >= 6);
  return [...new Set(distinctive.flatMap((value) => [value, encodeURIComponent(value)]))];
}

/**
 * A merge record with the identity keys it remembered removed (they name the person).
 * @param merge - the merge
 * @returns the erased copy, with no shared identity key and no absorbed identity keys
 * @example
 * ```ts
 * eraseMergeIdentities(merge).absorbedIdentityKeys; // []
 * ```
 */
export function eraseMergeIdentities(merge: CustomerMerge): CustomerMerge {
  return { ...merge, sharedIdentityKey: null, absorbedIdentityKeys: [] };
}

/**
 * A merge proposal with the identity key it was about removed.
 * @param proposal - the proposal
 * @returns the erased copy, with a null shared identity key
 * @example
 * ```ts
 * eraseProposalIdentity(proposal).sharedIdentityKey; // null
 * ```
 */
export function eraseProposalIdentity(proposal: MergeProposal): MergeProposal {
  return { ...proposal, sharedIdentityKey: null };
}
