import { describe, expect, it } from 'vitest';
import type { SlaTimer } from '../../store/timeline-store';
import { contractDeadLetter, contractTimer, minute } from './fixtures';
import { type StoreContractContext, write } from './store-contract-context';

const timerIds = (timers: ReadonlyArray<SlaTimer>) => timers.map((timer) => timer.id);

/**
 * Contract: entity versions, sync checkpoints and dead letters.
 * @param context - the store under test
 */
export function describeOperationalRecords(context: StoreContractContext): void {
  describe('entity versions, checkpoints and dead letters', () => {
    it('keeps the latest entity version written', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await write(store, (transaction) => transaction.putEntityVersion({ tenantId, key: 'shopify:order:1001', version: 1_764_234_000_123, eventId: 'e-1' }));
      expect(await store.getEntityVersion(tenantId, 'shopify:order:1001')).toEqual({ tenantId, key: 'shopify:order:1001', version: 1_764_234_000_123, eventId: 'e-1' });
      await write(store, (transaction) => transaction.putEntityVersion({ tenantId, key: 'shopify:order:1001', version: 1_764_234_999_000, eventId: 'e-2' }));
      expect(await store.getEntityVersion(tenantId, 'shopify:order:1001')).toEqual({ tenantId, key: 'shopify:order:1001', version: 1_764_234_999_000, eventId: 'e-2' });
      await write(store, (transaction) => transaction.putEntityVersion({ tenantId, key: 'twilio:message:SM1', version: 2.5, eventId: 'e-3' }));
      expect((await store.getEntityVersion(tenantId, 'twilio:message:SM1'))?.version).toBe(2.5);
      expect(await store.getEntityVersion(tenantId, 'missing')).toBeUndefined();
    });

    it('keeps one checkpoint per adapter and stream', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const orders = { tenantId, adapterId: 'shopify', stream: 'orders', cursor: 'eyJsYXN0X2lkIjo0Mn0=', updatedAt: minute(1) };
      const customers = { tenantId, adapterId: 'shopify', stream: 'customers', cursor: null, updatedAt: minute(2) };
      const tickets = { tenantId, adapterId: 'zendesk', stream: 'orders', cursor: '1764234000', updatedAt: minute(3) };
      await write(store, async (transaction) => {
        await transaction.putCheckpoint(orders);
        await transaction.putCheckpoint(customers);
        await transaction.putCheckpoint(tickets);
      });
      expect(await store.getCheckpoint(tenantId, 'shopify', 'orders')).toEqual(orders);
      expect(await store.getCheckpoint(tenantId, 'shopify', 'customers')).toEqual(customers);
      expect(await store.getCheckpoint(tenantId, 'zendesk', 'orders')).toEqual(tickets);
      const moved = { ...orders, cursor: 'next', updatedAt: minute(9) };
      await write(store, (transaction) => transaction.putCheckpoint(moved));
      expect(await store.getCheckpoint(tenantId, 'shopify', 'orders')).toEqual(moved);
      expect(await store.getCheckpoint(tenantId, 'twilio', 'orders')).toBeUndefined();
    });

    it('keeps dead letters byte for byte, lists them oldest first, per tenant or across tenants', async () => {
      const store = context.store();
      const tenantA = context.tenant('a');
      const tenantB = context.tenant('b');
      const letters = [
        contractDeadLetter(tenantA, `${tenantA}-dl-2`, minute(2)),
        contractDeadLetter(null, `${tenantA}-dl-1`, minute(1)),
        contractDeadLetter(tenantB, `${tenantB}-dl-3`, minute(3)),
        contractDeadLetter(tenantA, `${tenantA}-dl-4`, minute(4)),
      ];
      await write(store, async (transaction) => {
        for (const letter of letters) await transaction.putDeadLetter(letter);
      });
      expect(await store.listDeadLetters(tenantA, 10)).toEqual([letters[0], letters[3]]);
      expect(await store.listDeadLetters(tenantB, 10)).toEqual([letters[2]]);
      expect(await store.listDeadLetters(null, 10)).toEqual([letters[1], letters[0], letters[2], letters[3]]);
      expect(await store.listDeadLetters(null, 2)).toEqual([letters[1], letters[0]]);
      expect(await store.listDeadLetters(context.tenant('c'), 10)).toEqual([]);
    });
  });
}

/**
 * Contract: SLA timers, listed by due instant and claimed exactly once.
 * @param context - the store under test
 */
export function describeSlaTimers(context: StoreContractContext): void {
  describe('SLA timers', () => {
    it('lists due timers soonest first, per tenant or across tenants, without removing them', async () => {
      const store = context.store();
      const tenantA = context.tenant('a');
      const tenantB = context.tenant('b');
      const timers = [
        contractTimer(tenantA, 'breach-b', minute(5)),
        contractTimer(tenantA, 'breach-a', minute(5)),
        contractTimer(tenantB, 'breach-c', minute(3)),
        contractTimer(tenantA, 'breach-later', minute(60)),
      ];
      await write(store, (transaction) => transaction.putTimers(timers));
      expect(await store.dueTimers(tenantA, minute(5), 10)).toEqual([timers[1], timers[0]]);
      expect(timerIds(await store.dueTimers(null, minute(10), 10))).toEqual(['breach-c', 'breach-a', 'breach-b']);
      expect(timerIds(await store.dueTimers(null, minute(10), 2))).toEqual(['breach-c', 'breach-a']);
      expect(await store.dueTimers(tenantA, minute(4), 10)).toEqual([]);
      expect(timerIds(await store.dueTimers(tenantA, minute(60), 10))).toEqual(['breach-a', 'breach-b', 'breach-later']);
    });

    it('replaces a timer stored again and deletes timers', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await write(store, (transaction) => transaction.putTimers([contractTimer(tenantId, 'warn', minute(5)), contractTimer(tenantId, 'breach', minute(9))]));
      const rescheduled = contractTimer(tenantId, 'warn', minute(30));
      await write(store, (transaction) => transaction.putTimers([rescheduled]));
      expect(timerIds(await store.dueTimers(tenantId, minute(10), 10))).toEqual(['breach']);
      expect(await store.dueTimers(tenantId, minute(30), 10)).toEqual([contractTimer(tenantId, 'breach', minute(9)), rescheduled]);
      await write(store, (transaction) => transaction.deleteTimers(tenantId, ['breach', 'never-stored']));
      expect(timerIds(await store.dueTimers(tenantId, minute(60), 10))).toEqual(['warn']);
    });

    it('claims due timers once: a claimed timer is gone, later claims get the rest', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const timers = Array.from({ length: 5 }, (_, index) => contractTimer(tenantId, `t-${index}`, minute(index)));
      await write(store, (transaction) => transaction.putTimers([...timers, contractTimer(tenantId, 'future', minute(100))]));
      const first = await write(store, (transaction) => transaction.claimDueTimers(tenantId, minute(10), 3));
      expect(first).toEqual(timers.slice(0, 3));
      const second = await write(store, (transaction) => transaction.claimDueTimers(null, minute(10), 3));
      expect(second).toEqual(timers.slice(3));
      expect(await write(store, (transaction) => transaction.claimDueTimers(tenantId, minute(10), 3))).toEqual([]);
      expect(timerIds(await store.dueTimers(tenantId, minute(1000), 10))).toEqual(['future']);
    });

    it('gives every due timer to exactly one of several concurrent claimers', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const timers = Array.from({ length: 20 }, (_, index) => contractTimer(tenantId, `t-${String(index).padStart(2, '0')}`, minute(index)));
      await write(store, (transaction) => transaction.putTimers(timers));
      const claims = await Promise.all(Array.from({ length: 6 }, () => write(store, (transaction) => transaction.claimDueTimers(tenantId, minute(100), 4))));
      const claimed = claims.flat().map((timer) => timer.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect([...claimed].sort()).toEqual(timerIds(timers));
      expect(await store.dueTimers(tenantId, minute(100), 100)).toEqual([]);
    });

    it('puts a claimed timer back when the claiming transaction fails', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const timer = contractTimer(tenantId, 'breach', minute(1));
      await write(store, (transaction) => transaction.putTimers([timer]));
      await expect(
        write(store, async (transaction) => {
          expect(await transaction.claimDueTimers(tenantId, minute(5), 10)).toEqual([timer]);
          throw new Error('firing failed');
        }),
      ).rejects.toThrow('firing failed');
      expect(await store.dueTimers(tenantId, minute(5), 10)).toEqual([timer]);
    });
  });
}
