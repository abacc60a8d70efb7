import { ApiCallError } from '@throughline/core/adapter';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountSid, authToken, customerNumber, shopNumber, tenantId, testAdapter } from '../test-fixtures';
import { createTwilioFake } from '../testing/twilio-fake';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const path = `2010-04-01/Accounts/${accountSid}/Messages.json`;

describe('REST client', () => {
  it('keeps requests in flight under maxConcurrentRequests, so Twilio never answers 20429', async () => {
    const twilio = createTwilioFake({ accountSid, authToken, maxConcurrent: 4, latencyMs: 5 });
    server.use(...twilio.handlers);
    const adapter = testAdapter({ maxConcurrentRequests: 4 });
    await Promise.all(Array.from({ length: 24 }, () => adapter.restClient.request({ method: 'GET', path })));
    expect(twilio.peakConcurrency).toBe(4);
    expect(twilio.requests.every((request) => request.status === 200)).toBe(true);
  });

  it('retries 429 / 20429 with backoff when the limit is set above what Twilio allows', async () => {
    const twilio = createTwilioFake({ accountSid, authToken, maxConcurrent: 2, latencyMs: 5 });
    server.use(...twilio.handlers);
    const adapter = testAdapter({ maxConcurrentRequests: 6, retry: { limit: 20, baseDelayMs: 2, maxDelayMs: 10 } });
    const results = await Promise.all(Array.from({ length: 12 }, () => adapter.restClient.request({ method: 'GET', path })));
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(twilio.requests.some((request) => request.status === 429)).toBe(true);
  });

  it('retries POSTs refused with 429 (Twilio did nothing) but gives up with the 20429 code when retries run out', async () => {
    const twilio = createTwilioFake({ accountSid, authToken, maxConcurrent: 0 });
    server.use(...twilio.handlers);
    const adapter = testAdapter({ retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const error = await adapter
      .doSend({ tenantId, caseId: null, channel: 'sms', to: customerNumber, body: 'hi' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ status: 429, platformCode: '20429', isRetryable: true });
    expect(twilio.requests).toHaveLength(3);
    expect(twilio.messages).toHaveLength(0);
  });

  it('retries 5xx for GETs only', async () => {
    const twilio = createTwilioFake({ accountSid, authToken });
    server.use(...twilio.handlers);
    const adapter = testAdapter();
    twilio.failNext(2, 503);
    expect((await adapter.restClient.request({ method: 'GET', path })).status).toBe(200);
    expect(twilio.requests.map((request) => request.status)).toEqual([503, 503, 200]);
    twilio.failNext(1, 503);
    await expect(adapter.restClient.request({ method: 'POST', path, form: { To: customerNumber, From: shopNumber, Body: 'x' } })).rejects.toMatchObject({
      status: 503,
    });
  });

  it('answers 401 / 20003 for wrong credentials and keeps the token out of the error', async () => {
    const twilio = createTwilioFake({ accountSid, authToken: 'another-token-entirely-000000000' });
    server.use(...twilio.handlers);
    const error = await testAdapter().restClient.request({ method: 'GET', path }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, platformCode: '20003' });
    expect(JSON.stringify(error)).not.toContain(authToken);
    expect(String((error as Error).message)).not.toContain(authToken);
  });

  it('authenticates with an API key when one is configured', async () => {
    const keySid = `SK${'1'.repeat(32)}`;
    const twilio = createTwilioFake({ accountSid, authToken: 'rotated-away-00000000000000000000', apiKeys: [{ sid: keySid, secret: 'key-secret' }] });
    server.use(...twilio.handlers);
    expect((await testAdapter({ apiKey: { sid: keySid, secret: 'key-secret' } }).restClient.request({ method: 'GET', path })).status).toBe(200);
    await expect(testAdapter().restClient.request({ method: 'GET', path })).rejects.toMatchObject({ status: 401 });
  });
});
