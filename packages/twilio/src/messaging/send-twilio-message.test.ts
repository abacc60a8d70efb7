import { ApiCallError, type OutboundMessage, ThroughlineError } from '@throughline/core/adapter';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountSid, authToken, customerNumber, shopNumber, tenantId, testAdapter } from '../test-fixtures';
import { createTwilioFake } from '../testing/twilio-fake';
import { TwilioSendError, WhatsAppWindowClosedError } from '../twilio-errors';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const now = new Date('2026-01-01T12:00:00Z');

function fake() {
  const twilio = createTwilioFake({ accountSid, authToken, now: () => now });
  server.use(...twilio.handlers);
  return twilio;
}

const sms: OutboundMessage = { tenantId, caseId: 'case_1', channel: 'sms', to: customerNumber, body: 'Your parcel ships today.' };

describe('sending', () => {
  it('sends an SMS with the status callback wired and returns the SID, segments and message.sent', async () => {
    const twilio = fake();
    const adapter = testAdapter({ publicBaseUrl: 'https://hooks.acme.test', now: () => now });
    const result = await adapter.doSend({ ...sms, body: 'a'.repeat(200) });
    const stored = twilio.messages[0]!;
    expect(stored).toMatchObject({ to: customerNumber, from: shopNumber, status_callback: 'https://hooks.acme.test/webhooks/twilio' });
    expect(result).toMatchObject({
      externalId: stored.sid,
      segments: 2,
      event: { type: 'message.sent', id: `twilio:${stored.sid}:message.sent`, channel: 'sms', tenantId, identities: [{ kind: 'phone', value: customerNumber }] },
    });
    expect(result.event.occurredAt).toBe(now.toISOString());
  });

  it('refuses free-form WhatsApp outside the 24-hour window with a typed error, before calling Twilio', async () => {
    const twilio = fake();
    const adapter = testAdapter({ now: () => now });
    const stale = { ...sms, channel: 'whatsapp' as const, lastInboundAt: new Date(now.getTime() - 25 * 3600_000) };
    const error = await adapter.doSend(stale).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WhatsAppWindowClosedError);
    expect(ThroughlineError.isInstance(error) && error.code).toBe('whatsapp_window_closed');
    await expect(adapter.doSend({ ...stale, lastInboundAt: null })).rejects.toBeInstanceOf(WhatsAppWindowClosedError);
    expect(twilio.requests).toHaveLength(0);
  });

  it('sends free-form WhatsApp inside the window, with whatsapp: addresses', async () => {
    const twilio = fake();
    const adapter = testAdapter({ now: () => now });
    const result = await adapter.doSend({ ...sms, channel: 'whatsapp', lastInboundAt: new Date(now.getTime() - 23 * 3600_000) });
    expect(twilio.messages[0]).toMatchObject({ to: `whatsapp:${customerNumber}`, from: `whatsapp:${shopNumber}`, body: sms.body });
    expect(result.segments).toBeUndefined();
    expect(result.event).toMatchObject({ channel: 'whatsapp', data: { to: `whatsapp:${customerNumber}`, templateId: null } });
  });

  it('sends a template (ContentSid + ContentVariables) outside the window', async () => {
    const twilio = fake();
    const adapter = testAdapter({ now: () => now });
    const result = await adapter.doSend({
      ...sms,
      channel: 'whatsapp',
      lastInboundAt: null,
      template: { id: 'HX0123456789abcdef0123456789abcdef', variables: { '1': 'Ana', '2': '#1001' } },
    });
    expect(twilio.messages[0]).toMatchObject({ content_sid: 'HX0123456789abcdef0123456789abcdef', body: '', error_code: null });
    expect(result.event).toMatchObject({ data: { templateId: 'HX0123456789abcdef0123456789abcdef' } });
  });

  it('shows what Twilio does with free-form WhatsApp outside the window when the check is bypassed: 63016', async () => {
    const twilio = fake();
    const response = await fetch(`https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ To: `whatsapp:${customerNumber}`, From: `whatsapp:${shopNumber}`, Body: 'hi' }),
    });
    expect(response.status).toBe(201);
    expect(twilio.messages[0]).toMatchObject({ status: 'failed', error_code: 63016 });
  });

  it('uses the Messaging Service when no sender number is configured, and refuses when neither is', async () => {
    const twilio = fake();
    const service = `MG${'0'.repeat(31)}1`;
    await testAdapter({ messaging: { messagingServiceSid: service } }).doSend(sms);
    expect(twilio.messages[0]).toMatchObject({ messaging_service_sid: service });
    await expect(testAdapter({ messaging: {} }).doSend(sms)).rejects.toMatchObject({ code: 'sender_missing' });
  });

  it('refuses channels Twilio does not carry and bodies over 1600 characters', async () => {
    fake();
    await expect(testAdapter().doSend({ ...sms, channel: 'email' })).rejects.toBeInstanceOf(TwilioSendError);
    await expect(testAdapter().doSend({ ...sms, body: 'x'.repeat(1601) })).rejects.toMatchObject({ code: 'body_too_long' });
    await expect(testAdapter().doSend({ ...sms, tenantId: 'other' })).rejects.toMatchObject({ code: 'unknown_tenant' });
  });

  it("surfaces Twilio's error code when it refuses a message, without retrying the POST", async () => {
    const twilio = fake();
    const error = await testAdapter().doSend({ ...sms, to: '12345' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ status: 400, platformCode: '21211', isRetryable: false });
    expect(String((error as Error).message)).not.toContain(authToken);
    twilio.failNext(1, 500);
    await expect(testAdapter().doSend(sms)).rejects.toMatchObject({ status: 500 });
    expect(twilio.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
  });
});
