import { expect } from 'vitest';
import type { TimelineStore } from '../../store/timeline-store';
import {
  contractCase,
  contractCustomer,
  contractDeadLetter,
  contractEvent,
  contractIdentity,
  contractMerge,
  contractProposal,
  fixturePerson,
  minute,
} from './fixtures';

/**
 * The privacy-erasure scenario every durable store's erasure test runs: a tenant whose customer
 * Jane (with Lee merged into her) is redacted, and Omar, who must be left alone. The stores' own
 * tests scan their tables and files for the values afterwards.
 */

/** The shop whose customer, or whole data, is erased. */
export const erasureTenant = 'erasure-shop-4821.myshopify.com';
/** A shop seeded alike that must keep everything. */
export const keptTenant = 'kept-shop-1193.myshopify.com';

const janeSubject = `Parcel for ${fixturePerson.name} is late`;
// Long bodies are stored out of line (SQLite overflow pages, PostgreSQL TOAST), which must be wiped too.
const longBody = `${fixturePerson.body}. ${'Tracking says delivered but nothing at the door. '.repeat(120)}`;
const omar = { email: 'omar.haddad@example.net', name: 'Omar Haddad', body: 'Please change my delivery slot to Friday' };

/** The values erasing Jane must leave nowhere. */
export const erasedValues: readonly string[] = [
  fixturePerson.email,
  fixturePerson.phone,
  encodeURIComponent(fixturePerson.phone),
  fixturePerson.name,
  fixturePerson.body,
  janeSubject,
  'zendesk:user:77',
];
/** Omar's values, which erasing Jane must keep (so a scan that finds nothing could have found something). */
export const keptValues: readonly string[] = [omar.email, omar.name, omar.body, 'Delivery slot'];

/**
 * Seeds the scenario for a tenant: 300 events with long bodies, customers, identities, cases, a
 * merge, a proposal, a pending SLA timer and dead letters naming Jane, and Omar's own records.
 * @param store - the store
 * @param tenant - the tenant to seed
 * @returns when the transaction committed
 */
export async function seedErasureScenario(store: TimelineStore, tenant: string): Promise<void> {
  await store.transaction(async (transaction) => {
    const events = Array.from({ length: 300 }, (_, index) =>
      contractEvent({ tenantId: tenant, id: `jane-${index}`, customerId: index % 3 === 0 ? 'lee' : 'jane', caseId: 'case-jane', occurredAt: minute(index), body: longBody }),
    );
    await transaction.putEvents([
      ...events,
      contractEvent({ tenantId: tenant, id: 'omar-1', customerId: 'omar', caseId: 'case-omar', occurredAt: minute(1), email: omar.email, name: omar.name, body: omar.body }),
    ]);
    await transaction.putCustomers([
      contractCustomer(tenant, 'jane'),
      contractCustomer(tenant, 'lee', { mergedInto: 'jane' }),
      contractCustomer(tenant, 'omar', { profile: { name: omar.name } }),
    ]);
    await transaction.putIdentities([
      contractIdentity(tenant, `email:${fixturePerson.email}`, 'jane'),
      contractIdentity(tenant, `phone:${fixturePerson.phone}`, 'jane'),
      contractIdentity(tenant, 'zendesk:user:77', 'lee'),
      contractIdentity(tenant, `email:${omar.email}`, 'omar'),
    ]);
    await transaction.putCases([contractCase(tenant, 'case-jane', 'jane'), contractCase(tenant, 'case-omar', 'omar', { subject: 'Delivery slot' })]);
    await transaction.putMerges([{ ...contractMerge(tenant, 'merge-1', 'jane', 'lee'), sharedIdentityKey: `email:${fixturePerson.email}` }]);
    await transaction.putProposals([{ ...contractProposal(tenant, 'p-1', ['omar', 'jane'], minute(5)), sharedIdentityKey: `phone:${fixturePerson.phone}` }]);
    const pending = contractEvent({ tenantId: tenant, id: 'breach-next', customerId: 'jane', caseId: 'case-jane', occurredAt: minute(900) });
    await transaction.putTimers([{ tenantId: tenant, id: 'breach-next', caseId: 'case-jane', dueAt: minute(900), event: pending }]);
    await transaction.putDeadLetter({ ...contractDeadLetter(tenant, `${tenant}-json`, minute(2)), body: JSON.stringify({ customer: { email: fixturePerson.email } }) });
    await transaction.putDeadLetter({
      ...contractDeadLetter(tenant, `${tenant}-form`, minute(3)),
      body: `From=${encodeURIComponent(fixturePerson.phone)}&Body=${encodeURIComponent('where is it')}`,
    });
    await transaction.putDeadLetter({ ...contractDeadLetter(tenant, `${tenant}-unrelated`, minute(4)), body: `{"note":"${omar.body}"}` });
  });
}

/**
 * Checks, through the store's own reads, what erasing Jane keeps and rewrites: event ids stay
 * (idempotency), dead letters naming her go, merges, proposals and pending SLA events lose her identifiers.
 * @param store - the store, after `eraseCustomer(erasureTenant, 'jane')`
 * @returns when every check passed
 */
export async function expectJaneErasedThroughReads(store: TimelineStore): Promise<void> {
  expect(await store.existingEventIds(erasureTenant, ['jane-0', 'jane-299'])).toEqual(new Set(['jane-0', 'jane-299']));
  expect((await store.listDeadLetters(erasureTenant, 10)).map((letter) => letter.id)).toEqual([`${erasureTenant}-unrelated`]);
  expect((await store.getMerge(erasureTenant, 'merge-1'))?.absorbedIdentityKeys).toEqual([]);
  expect((await store.getProposal(erasureTenant, 'p-1'))?.sharedIdentityKey).toBeNull();
  expect((await store.dueTimers(erasureTenant, minute(1000), 10))[0]?.event.identities).toEqual([]);
}

/**
 * Counts where a value occurs in a text (a table dump, or file bytes read as latin1).
 * @param text - the text scanned
 * @param value - the value looked for
 * @param bytes - whether `text` is bytes read as latin1: the value is then looked for as its UTF-8 bytes
 * @returns how many times it occurs
 */
export function occurrences(text: string, value: string, bytes = false): number {
  const needle = bytes ? Buffer.from(value, 'utf8').toString('latin1') : value;
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
  return count;
}
