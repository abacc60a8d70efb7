import { ValidationError } from '@throughline/core/adapter';
import { describe, expect, it } from 'vitest';
import { createTwilio } from './create-twilio';
import { accountSid, authToken, tenantId, testAdapter } from './test-fixtures';

describe('createTwilio', () => {
  it('implements the v1 contract for SMS, WhatsApp and voice', () => {
    const adapter = testAdapter();
    expect(adapter).toMatchObject({ specificationVersion: 'v1', id: 'twilio', capabilities: { channels: ['sms', 'whatsapp', 'voice'], webhooks: true, backfill: true, send: true } });
    expect(adapter.tenantOf(accountSid)).toBe(tenantId);
    expect(adapter.tenantOf('constructor')).toBeNull();
    expect(adapter.countSegments('hello').segments).toBe(1);
  });

  it('refuses invalid settings with a ValidationError that never contains a secret', () => {
    const attempts = [
      { accountSid: 'nope', authTokens: [authToken], accounts: { [accountSid]: tenantId } },
      { accountSid, authTokens: [], accounts: { [accountSid]: tenantId } },
      { accountSid, authTokens: [authToken], accounts: {} },
      { accountSid, authTokens: [authToken], accounts: { ACnot: tenantId } },
      { accountSid, authTokens: [authToken], accounts: { [accountSid]: tenantId }, publicBaseUrl: 'ftp://x' },
      { accountSid, authTokens: [authToken], accounts: { [accountSid]: tenantId }, maxConcurrentRequests: 0 },
      { accountSid, authTokens: [authToken], accounts: { [accountSid]: tenantId }, apiKey: { sid: 'SKbad', secret: 'topsecretvalue' } },
    ];
    for (const settings of attempts) {
      let caught: unknown;
      try {
        createTwilio(settings);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect(JSON.stringify({ message: (caught as Error).message, issues: (caught as ValidationError).issues })).not.toMatch(/0123456789abcdef0123|topsecretvalue/);
    }
  });
});
