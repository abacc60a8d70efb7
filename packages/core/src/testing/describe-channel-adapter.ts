import { describe, expect, it } from 'vitest';
import type { ChannelAdapterV1 } from '../adapter/channel-adapter';
import { incomingEventSchema } from '../model/timeline-event';
import { readDelivery } from './read-delivery';

/** What the adapter contract suite needs to exercise an adapter. */
export interface ChannelAdapterContractOptions {
  /** Suite name, such as `shopify`. */
  name: string;
  /** Builds a fresh adapter (with test secrets and fakes). */
  createAdapter: () => ChannelAdapterV1;
  /** The tenant the signed deliveries belong to. */
  tenantId: string;
  /** A correctly signed delivery that parses to at least one event. */
  signedDelivery: () => Promise<Request>;
  /** The same delivery with a signature that does not match. */
  tamperedDelivery: () => Promise<Request>;
  /** A correctly signed delivery whose body cannot be parsed. */
  malformedDelivery: () => Promise<Request>;
  /** A correctly signed delivery from an account no tenant owns. */
  unknownTenantDelivery?: () => Promise<Request>;
  /** When given, the suite runs a backfill page loop against the adapter's fakes. */
  backfill?: {
    /** The `since` of the backfill. */
    since: Date;
    /** Prepares the fakes (an msw server, for instance) before the loop; may return a cleanup function. */
    // biome-ignore lint/suspicious/noConfusingVoidType: setup returns nothing or a cleanup function
    setup?: () => void | (() => void);
  };
}

/**
 * The contract suite every `ChannelAdapterV1` must pass: verification accepts what the platform signs
 * and refuses everything else with a reason, parsing yields valid events with stable ids, bad input
 * never throws, and backfill pages terminate.
 *
 * @param options - how to build the adapter and its deliveries
 * @example
 * ```ts
 * describeChannelAdapter({ name: 'shopify', createAdapter, tenantId: 'acme', signedDelivery, tamperedDelivery, malformedDelivery });
 * ```
 */
export function describeChannelAdapter(options: ChannelAdapterContractOptions): void {
  describe(`ChannelAdapterV1 contract: ${options.name}`, () => {
    it('declares the v1 contract, an id and its capabilities', () => {
      const adapter = options.createAdapter();
      expect(adapter.specificationVersion).toBe('v1');
      expect(adapter.id).toMatch(/^[a-z0-9-]+$/);
      expect(adapter.capabilities.channels.length + (adapter.capabilities.webhooks ? 1 : 0)).toBeGreaterThan(0);
      if (adapter.capabilities.backfill) expect(typeof adapter.doListEvents).toBe('function');
      if (adapter.capabilities.send) expect(typeof adapter.doSend).toBe('function');
    });

    it('recognises its own deliveries by their headers', async () => {
      const adapter = options.createAdapter();
      expect(adapter.matchesWebhook(await options.signedDelivery())).toBe(true);
    });

    it('accepts a correctly signed delivery and names its tenant', async () => {
      const adapter = options.createAdapter();
      const verification = await adapter.doVerifyWebhook(await readDelivery(await options.signedDelivery()));
      expect(verification).toMatchObject({ ok: true, tenantId: options.tenantId });
    });

    it('refuses a tampered delivery with a reason, without throwing', async () => {
      const adapter = options.createAdapter();
      const verification = await adapter.doVerifyWebhook(await readDelivery(await options.tamperedDelivery()));
      expect(verification.ok).toBe(false);
      if (!verification.ok) {
        expect(verification.reason).toMatch(/signature|body_hash/);
        expect(verification.message.length).toBeGreaterThan(0);
      }
    });

    it.runIf(options.unknownTenantDelivery !== undefined)('refuses a delivery from an account no tenant owns', async () => {
      const adapter = options.createAdapter();
      const verification = await adapter.doVerifyWebhook(await readDelivery(await options.unknownTenantDelivery!()));
      expect(verification).toMatchObject({ ok: false, reason: 'unknown_tenant' });
    });

    it('parses a signed delivery into valid events with stable ids', async () => {
      const adapter = options.createAdapter();
      const first = await adapter.doParseWebhook(await readDelivery(await options.signedDelivery()), options.tenantId);
      const second = await adapter.doParseWebhook(await readDelivery(await options.signedDelivery()), options.tenantId);
      expect(first.ok && first.kind === 'events').toBe(true);
      if (!(first.ok && first.kind === 'events' && second.ok && second.kind === 'events')) return;
      expect(first.events.length).toBeGreaterThan(0);
      for (const event of first.events) {
        const parsed = incomingEventSchema.safeParse(event);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        expect(event.tenantId).toBe(options.tenantId);
        expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
      }
      expect(second.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
      expect(new Set(first.events.map((event) => event.id)).size).toBe(first.events.length);
    });

    it('answers a malformed body with a reason instead of throwing', async () => {
      const adapter = options.createAdapter();
      const delivery = await readDelivery(await options.malformedDelivery());
      const verification = await adapter.doVerifyWebhook(delivery);
      expect(verification.ok).toBe(true);
      const result = await adapter.doParseWebhook(delivery, options.tenantId);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
    });

    it.runIf(options.backfill !== undefined)('backfills page by page until the cursor runs out', async () => {
      const cleanup = options.backfill?.setup?.();
      try {
        const adapter = options.createAdapter();
        expect(adapter.doListEvents).toBeTypeOf('function');
        let cursor: string | null = null;
        const ids = new Set<string>();
        for (let page = 0; page < 1000; page++) {
          const result = await adapter.doListEvents!({ tenantId: options.tenantId, since: options.backfill!.since, cursor });
          for (const event of result.events) {
            expect(incomingEventSchema.safeParse(event).success).toBe(true);
            ids.add(event.id);
          }
          cursor = result.nextCursor;
          if (cursor === null) break;
        }
        expect(cursor).toBeNull();
        expect(ids.size).toBeGreaterThan(0);
      } finally {
        if (typeof cleanup === 'function') cleanup();
      }
    });
  });
}
