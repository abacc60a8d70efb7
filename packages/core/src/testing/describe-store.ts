import { afterEach, beforeEach, describe } from 'vitest';
import type { TimelineStore } from '../store/timeline-store';
import { describeErasure } from './store-contract/erasure-contract';
import { describeEventStorage, describeTimelineReads } from './store-contract/events-contract';
import { describeTenantIsolation } from './store-contract/isolation-contract';
import { describeOperationalRecords, describeSlaTimers } from './store-contract/operations-contract';
import { describeCustomerRecords, describeMergeRecords } from './store-contract/records-contract';
import type { StoreContractContext } from './store-contract/store-contract-context';
import { describeTransactions } from './store-contract/transactions-contract';

/** Settings of the store contract suite. */
export interface DescribeStoreOptions {
  /**
   * Runs after each test once its store is closed: delete the file, drop the schema.
   * @param store - the store the test used (already closed)
   */
  teardown?: (store: TimelineStore) => Promise<void> | void;
}

let runCounter = 0;

/**
 * The contract suite every `TimelineStore` must pass: every read and write, tenant isolation,
 * newest-first timelines with cursors and filters, indexes that follow upserts, all-or-nothing
 * transactions that see their own writes, timers claimed once, erasure, dead letters,
 * checkpoints and entity versions. Call it at the top level of a vitest test file.
 *
 * @param name - the store's name in the test report, such as `sqlite`
 * @param factory - builds a fresh, empty store for each test
 * @param options - a teardown run after each test
 * @example
 * ```ts
 * import { describeStore } from '@throughline/core/testing';
 * describeStore('sqlite', () => createSqliteStore({ filename: tempFile() }));
 * ```
 */
export function describeStore(
  name: string,
  factory: () => Promise<TimelineStore> | TimelineStore,
  options: DescribeStoreOptions = {},
): void {
  describe(`TimelineStore contract: ${name}`, () => {
    let current: TimelineStore | undefined;
    let testNumber = 0;
    const run = `${Date.now().toString(36)}${(runCounter++).toString(36)}`;

    beforeEach(async () => {
      testNumber++;
      current = await factory();
    });

    afterEach(async () => {
      const store = current;
      current = undefined;
      if (!store) return;
      await store.close();
      await options.teardown?.(store);
    });

    const context: StoreContractContext = {
      store() {
        if (!current) throw new Error('describeStore: the store is only available inside a test');
        return current;
      },
      tenant(label = 'shop') {
        return `${label}-${run}-${testNumber}.myshopify.com`;
      },
    };

    describeEventStorage(context);
    describeTimelineReads(context);
    describeCustomerRecords(context);
    describeMergeRecords(context);
    describeOperationalRecords(context);
    describeSlaTimers(context);
    describeTransactions(context);
    describeErasure(context);
    describeTenantIsolation(context);
  });
}
