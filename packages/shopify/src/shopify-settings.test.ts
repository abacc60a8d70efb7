import { ValidationError } from '@throughline/core/adapter';
import { describe, expect, it } from 'vitest';
import { createShopify } from './create-shopify';

describe('createShopify settings', () => {
  it('refuses settings without secrets or shops, and never echoes a secret', () => {
    const secret = 'shpss_super_secret_value';
    const attempts = [
      () => createShopify({ clientSecrets: [], shops: { 'acme.myshopify.com': 'acme' } }),
      () => createShopify({ clientSecrets: [secret], shops: {} }),
      () => createShopify({ clientSecrets: [secret], shops: { 'acme.example.com': 'acme' } }),
      () => createShopify({ clientSecrets: [secret], shops: { 'acme.myshopify.com': 'acme' }, apiVersion: 'latest' }),
      () => createShopify({ clientSecrets: [secret], shops: { 'a.myshopify.com': 'acme', 'b.myshopify.com': 'acme' } }),
    ];
    for (const attempt of attempts) {
      const error = (() => {
        try {
          attempt();
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect(String((error as Error).message)).not.toContain(secret);
    }
  });

  it('declares what it can do', () => {
    const shopify = createShopify({ clientSecrets: ['shpss_x'], shops: { 'ACME.myshopify.com': 'acme' } });
    expect(shopify).toMatchObject({ specificationVersion: 'v1', id: 'shopify', capabilities: { webhooks: true, backfill: true, send: false } });
  });
});
