import type { StoreTransaction, TimelineEvent, TimelineStore } from '@throughline/core';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { contractCase, contractCustomer, contractEvent, contractIdentity, contractMerge, contractProposal, minute } from '../../core/src/testing/store-contract/fixtures';
import { createPostgresStore } from './postgres-store';
import { dropSchemas, testDatabaseUrl, testSchemaName, warnWhenSkipped } from './test-database';

warnWhenSkipped('postgres-transaction.test.ts');
const url = testDatabaseUrl ?? '';
const schemas: string[] = [];
const open: TimelineStore[] = [];

async function store(label: string, max = 4): Promise<{ store: TimelineStore; schema: string }> {
  const schema = testSchemaName(label);
  schemas.push(schema);
  const created = await createPostgresStore({ url, schema, max });
  open.push(created);
  return { store: created, schema };
}

afterEach(async () => {
  for (const created of open.splice(0)) await created.close();
});
afterAll(() => dropSchemas(schemas));

describe.skipIf(!testDatabaseUrl)('PostgreSQL transactions', () => {
  it("answers a customer's reads issued together like the reads one by one, before the writes issued after them", async () => {
    const { store: target } = await store('customer_reads');
    const jane = contractCustomer('acme', 'jane');
    await target.transaction(async (transaction) => {
      await transaction.putCustomers([jane, contractCustomer('acme', 'lee', { mergedInto: 'jane' }), contractCustomer('acme', 'ann', { mergedInto: 'jane' })]);
      await transaction.putIdentities([contractIdentity('acme', 'phone:+15025550100', 'jane'), contractIdentity('acme', 'email:jane.roe@example.com', 'jane')]);
      await transaction.putCases([contractCase('acme', 'case-2', 'jane'), contractCase('acme', 'case-1', 'jane')]);
      await transaction.putMerges([contractMerge('acme', 'merge-2', 'jane', 'lee'), contractMerge('acme', 'merge-1', 'omar', 'jane'), contractMerge('acme', 'merge-3', 'jane', 'jane')]);
      await transaction.putProposals([contractProposal('acme', 'p-2', ['jane', 'omar'], minute(1)), contractProposal('acme', 'p-1', ['omar', 'jane'], minute(2))]);
    });
    const parts = (transaction: StoreTransaction) => [
      transaction.getCustomer('acme', 'jane'),
      transaction.customersMergedInto('acme', 'jane'),
      transaction.identitiesOf('acme', 'jane'),
      transaction.casesOf('acme', 'jane'),
      transaction.mergesOf('acme', 'jane'),
      transaction.proposalsOf('acme', 'jane'),
    ];
    // One at a time, each its own statement: the reference.
    const single = await target.transaction(async (transaction) => {
      const answers: unknown[] = [];
      for (const part of [0, 1, 2, 3, 4, 5]) answers.push(await parts(transaction)[part]);
      return answers;
    });
    expect(single[0]).toEqual(jane);
    expect((single[4] as Array<{ id: string }>).map((merge) => merge.id)).toEqual(['merge-1', 'merge-2', 'merge-3']);
    await target.transaction(async (transaction) => {
      const [together, , alone] = await Promise.all([
        Promise.all(parts(transaction)),
        // Issued after the reads, in the same tick: the reads must not see it.
        transaction.putCustomers([{ ...jane, tier: 'vip' }]),
        transaction.getCustomer('acme', 'lee'),
      ]);
      expect(together).toEqual(single);
      expect(alone?.mergedInto).toBe('jane');
      expect((await transaction.getCustomer('acme', 'jane'))?.tier).toBe('vip');
      // A read issued alone, then a write of what it reads, in the same tick.
      const [before] = await Promise.all([transaction.getCustomer('acme', 'jane'), transaction.putCustomers([{ ...jane, tier: 'gold' }])]);
      expect(before?.tier).toBe('vip');
      expect((await transaction.getCustomer('acme', 'jane'))?.tier).toBe('gold');
    });
  });

  it("answers the holder's reads after finding identities by key as the reads alone would, and never from before a write", async () => {
    const { store: target } = await store('holder_reads');
    const jane = contractCustomer('acme', 'jane');
    const omar = contractCustomer('acme', 'omar');
    await target.transaction(async (transaction) => {
      await transaction.putCustomers([jane, omar, contractCustomer('acme', 'lee', { mergedInto: 'jane' })]);
      await transaction.putIdentities([
        contractIdentity('acme', 'email:jane.roe@example.com', 'jane'),
        contractIdentity('acme', 'phone:+15025550100', 'jane'),
        contractIdentity('acme', 'email:omar@example.com', 'omar'),
      ]);
      await transaction.putCases([contractCase('acme', 'case-1', 'jane')]);
      await transaction.putMerges([contractMerge('acme', 'merge-1', 'jane', 'lee')]);
      await transaction.putProposals([contractProposal('acme', 'p-1', ['omar', 'jane'], minute(1))]);
    });
    const load = (transaction: StoreTransaction, id: string) =>
      Promise.all([
        transaction.getCustomer('acme', id),
        transaction.customersMergedInto('acme', id),
        transaction.identitiesOf('acme', id),
        transaction.casesOf('acme', id),
        transaction.mergesOf('acme', id),
        transaction.proposalsOf('acme', id),
      ]);
    const reference = await target.transaction(async (transaction) => ({ jane: await load(transaction, 'jane'), omar: await load(transaction, 'omar') }));
    expect(reference.jane[2].map((identity) => identity.key)).toEqual(['email:jane.roe@example.com', 'phone:+15025550100']);
    await target.transaction(async (transaction) => {
      // One key, then several keys with two holders: the reads of each holder come back as alone.
      expect((await transaction.findIdentities('acme', ['phone:+15025550100'])).map((identity) => identity.customerId)).toEqual(['jane']);
      expect(await load(transaction, 'jane')).toEqual(reference.jane);
      const found = await transaction.findIdentities('acme', ['email:omar@example.com', 'phone:+15025550100', 'email:omar@example.com', 'email:nobody@example.com']);
      expect(found.map((identity) => identity.key)).toEqual(['email:omar@example.com', 'phone:+15025550100']);
      expect(await load(transaction, 'jane')).toEqual(reference.jane);
      expect(await load(transaction, 'omar')).toEqual(reference.omar);
      // A list a caller changes does not change the next answer.
      const [, , identities] = await load(transaction, 'jane');
      identities.length = 0;
      expect((await transaction.identitiesOf('acme', 'jane')).length).toBe(2);
      // A write after the lookup: the reads see it.
      await transaction.findIdentities('acme', ['phone:+15025550100']);
      await transaction.putCustomers([{ ...jane, tier: 'vip' }]);
      expect((await transaction.getCustomer('acme', 'jane'))?.tier).toBe('vip');
      // A write issued while the lookup runs: the reads after both see it too.
      await Promise.all([transaction.findIdentities('acme', ['phone:+15025550100']), transaction.putCases([contractCase('acme', 'case-2', 'jane')])]);
      expect((await transaction.casesOf('acme', 'jane')).map((supportCase) => supportCase.id)).toEqual(['case-1', 'case-2']);
      // Erasure rewrites every table: nothing found before it answers after it.
      await transaction.findIdentities('acme', ['email:omar@example.com']);
      await transaction.eraseCustomer('acme', 'omar');
      expect(await transaction.identitiesOf('acme', 'omar')).toEqual([]);
    });
  });

  it('applies puts and deletes of one transaction in the order they were made', async () => {
    const { store: target } = await store('order');
    await target.transaction(async (transaction) => {
      await transaction.putCustomers([contractCustomer('acme', 'kept', { tier: 'first' }), contractCustomer('acme', 'deleted')]);
      await transaction.deleteCustomers('acme', ['kept', 'deleted']);
      await transaction.putCustomers([contractCustomer('acme', 'kept', { tier: 'second' })]);
      await transaction.putCustomers([contractCustomer('acme', 'kept', { tier: 'third' }), contractCustomer('acme', 'kept', { tier: 'last' })]);
      await transaction.putEntityVersion({ tenantId: 'acme', key: 'shopify:order:1', version: 1.5, eventId: 'e-1' });
    });
    expect((await target.getCustomer('acme', 'kept'))?.tier).toBe('last');
    expect(await target.getCustomer('acme', 'deleted')).toBeUndefined();
    expect(await target.getEntityVersion('acme', 'shopify:order:1')).toEqual({ tenantId: 'acme', key: 'shopify:order:1', version: 1.5, eventId: 'e-1' });
  });

  it('rolls back every call of the transaction when one of those issued together fails, reporting its error', async () => {
    const { store: target } = await store('together_failed');
    const broken = { ...contractEvent({ tenantId: 'acme', id: 'e-1', customerId: 'jane', occurredAt: minute(1) }), customerId: null } as unknown as TimelineEvent;
    const outcome = target.transaction(async (transaction) => {
      await Promise.all([
        transaction.putCustomers([contractCustomer('acme', 'jane')]),
        transaction.putEvents([broken]),
        transaction.putCases([contractCase('acme', 'case-1', 'jane')]),
      ]);
      await Promise.all([transaction.getCustomer('acme', 'jane'), transaction.casesOf('acme', 'jane')]);
    });
    await expect(outcome).rejects.toMatchObject({ code: '23502' });
    expect(await target.getCustomer('acme', 'jane')).toBeUndefined();
    expect(await target.getCase('acme', 'case-1')).toBeUndefined();
  });

  it('refuses a write made after its transaction ended instead of losing it quietly', async () => {
    const { store: target } = await store('late');
    let leaked!: StoreTransaction;
    await target.transaction(async (transaction) => {
      leaked = transaction;
      await transaction.putCustomers([contractCustomer('acme', 'jane')]);
    });
    await expect(async () => leaked.putCustomers([contractCustomer('acme', 'omar')])).rejects.toMatchObject({ code: 'transaction_finished' });
    // Not awaited: it runs a few microtasks after the work returned, while the COMMIT is on its way.
    let late: unknown;
    await target.transaction(async (transaction) => {
      let later = Promise.resolve();
      for (let step = 0; step < 10; step++) later = later.then(() => undefined);
      void later.then(async () => transaction.putCustomers([contractCustomer('acme', 'lee')])).catch((error: unknown) => {
        late = error;
      });
    });
    expect(late).toMatchObject({ code: 'transaction_finished' });
    expect(await target.getCustomer('acme', 'jane')).toEqual(contractCustomer('acme', 'jane'));
    expect(await target.getCustomer('acme', 'omar')).toBeUndefined();
    expect(await target.getCustomer('acme', 'lee')).toBeUndefined();
  });

  it('runs more transactions than it has connections, each issuing its calls together, without mixing them up', async () => {
    const { store: target } = await store('many', 3);
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        target.transaction(async (transaction) => {
          const id = `c-${index}`;
          const [existing, found] = await Promise.all([transaction.existingEventIds('acme', [`e-${index}`]), transaction.getCustomer('acme', id)]);
          expect([existing.size, found]).toEqual([0, undefined]);
          await Promise.all([
            transaction.lockKeys('acme', [`customer:${id}`]),
            transaction.putCustomers([contractCustomer('acme', id, { tier: String(index) })]),
            transaction.putEvents([contractEvent({ tenantId: 'acme', id: `e-${index}`, customerId: id, occurredAt: minute(index) })]),
          ]);
          expect((await transaction.getCustomer('acme', id))?.tier).toBe(String(index));
        }),
      ),
    );
    for (let index = 0; index < 24; index++) {
      expect((await target.getCustomer('acme', `c-${index}`))?.tier).toBe(String(index));
      expect((await target.getEvent('acme', `e-${index}`))?.customerId).toBe(`c-${index}`);
    }
  });

  it('gathers planner statistics for a fresh schema once it holds data, without waiting for autovacuum', async () => {
    const { store: target, schema } = await store('analyze');
    for (let index = 0; index < 1_000; index++) {
      await target.transaction((transaction) =>
        transaction.putEvents([contractEvent({ tenantId: 'acme', id: `e-${index}`, customerId: `c-${index % 10}`, occurredAt: minute(index) })]),
      );
    }
    // Closing waits for the ANALYZE the 1,000th commit started.
    await target.close();
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    const [row] = await sql.unsafe<Array<{ reltuples: number }>>(`SELECT reltuples FROM pg_class WHERE oid = '"${schema}".events'::regclass`);
    await sql.end();
    expect(row?.reltuples).toBe(1_000);
  });
});
