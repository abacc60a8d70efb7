import { createMemoryStore, createThroughline } from '@throughline/core';
import { readDelivery } from '@throughline/core/testing';
import { describe, expect, it } from 'vitest';
import { createTwilioWebhookBuilder } from './testing/twilio-webhook-builder';
import { accountSid, authToken, customerNumber, previousAuthToken, shopNumber, strangerAccountSid, tenantId, testAdapter, webhooks } from './test-fixtures';

const sms = { from: customerNumber, to: shopNumber, body: 'Where is my order #1001?' };

async function verify(request: Request, adapter = testAdapter()) {
  return adapter.doVerifyWebhook(await readDelivery(request));
}

describe('X-Twilio-Signature verification', () => {
  it('accepts a form delivery and names the tenant of its account, with the idempotency token as delivery id', async () => {
    expect(await verify(await webhooks.inboundSms(sms, { idempotencyToken: 'idem-1' }))).toEqual({ ok: true, tenantId, deliveryId: 'idem-1' });
  });

  it('recognises Twilio deliveries by their signature header', async () => {
    const adapter = testAdapter();
    expect(adapter.matchesWebhook(await webhooks.inboundSms(sms))).toBe(true);
    expect(adapter.matchesWebhook(new Request(sms.to.replace('+', 'https://x.test/'), { method: 'POST' }))).toBe(false);
  });

  it('answers missing_signature without the header, invalid_signature for a forged one', async () => {
    expect(await verify(await webhooks.inboundSms(sms, { unsigned: true }))).toMatchObject({ ok: false, reason: 'missing_signature' });
    expect(await verify(await webhooks.inboundSms(sms, { tamper: true }))).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('refuses a body changed after signing', async () => {
    const request = await webhooks.inboundSms(sms);
    const body = (await request.text()).replace('1001', '9999');
    const changed = new Request(request.url, { method: 'POST', headers: request.headers, body });
    expect(await verify(changed)).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('accepts the previous auth token during a rotation and refuses an unknown one', async () => {
    expect(await verify(await webhooks.inboundSms(sms, { signWith: previousAuthToken }))).toMatchObject({ ok: true });
    expect(await verify(await webhooks.inboundSms(sms, { signWith: 'ffffffffffffffffffffffffffffffff' }))).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('refuses a correctly signed delivery from an account no tenant owns', async () => {
    const request = await webhooks.inboundSms(sms, { accountSid: strangerAccountSid });
    expect(await verify(request)).toMatchObject({ ok: false, reason: 'unknown_tenant' });
    const prototypeKey = await webhooks.signedRequest([['AccountSid', 'constructor'], ['MessageSid', 'SM1']]);
    expect(await verify(prototypeKey)).toMatchObject({ ok: false, reason: 'unknown_tenant' });
  });

  it('accepts the URL signed with the default port added', async () => {
    expect(await verify(await webhooks.inboundSms(sms, { signWithDefaultPort: true }))).toMatchObject({ ok: true });
  });

  it('verifies against the public base URL when a proxy rewrote the request URL', async () => {
    const request = await webhooks.inboundSms(sms, { deliverTo: 'http://10.0.0.7:3000' });
    expect(await verify(request)).toMatchObject({ ok: false, reason: 'invalid_signature' });
    const again = await webhooks.inboundSms(sms, { deliverTo: 'http://10.0.0.7:3000' });
    expect(await verify(again, testAdapter({ publicBaseUrl: 'https://hooks.acme.test/' }))).toMatchObject({ ok: true, tenantId });
  });

  it('verifies a public base URL with a path prefix the proxy strips', async () => {
    const builder = createTwilioWebhookBuilder({ authToken, accountSid, url: 'https://acme.test/api/webhooks/twilio?source=sms' });
    const signed = await builder.inboundSms(sms);
    const proxied = new Request('http://internal:8080/webhooks/twilio?source=sms', { method: 'POST', headers: signed.headers, body: await signed.text() });
    expect(await verify(proxied, testAdapter({ publicBaseUrl: 'https://acme.test/api' }))).toMatchObject({ ok: true });
  });

  it('rewrites the URL once when both the core publicUrl and publicBaseUrl name the same public URL', async () => {
    const publicBase = 'https://acme.test/twilio';
    const builder = createTwilioWebhookBuilder({ authToken, accountSid, url: `${publicBase}/webhooks/twilio` });
    const throughline = createThroughline({ store: createMemoryStore(), publicUrl: publicBase, adapters: [testAdapter({ publicBaseUrl: publicBase })] });
    // The proxy forwards https://acme.test/twilio/… to http://10.0.0.7:3000/…
    const proxied = async () => {
      const signed = await builder.inboundSms(sms);
      return new Request('http://10.0.0.7:3000/webhooks/twilio', { method: 'POST', headers: signed.headers, body: await signed.text() });
    };
    const answer = await throughline.webhooks.handle(await proxied());
    expect(answer.status).toBe(200);
    await throughline.close();
    // Without the core's rewrite, publicBaseUrl alone still rebuilds the public URL.
    expect(await verify(await proxied(), testAdapter({ publicBaseUrl: publicBase }))).toMatchObject({ ok: true });
  });

  it('keeps a percent-encoded query verbatim', async () => {
    const builder = createTwilioWebhookBuilder({ authToken, accountSid, url: `${'https://hooks.acme.test/voice'}?caller=client%3AAnonymous&x=a%2Bb` });
    expect(await verify(await builder.incomingCall({ from: 'client:Anonymous', to: shopNumber }))).toMatchObject({ ok: true });
  });

  it('verifies GET deliveries, whose parameters are in the signed URL', async () => {
    expect(await verify(await webhooks.inboundSms(sms, { method: 'GET' }))).toMatchObject({ ok: true, tenantId });
  });

  it('verifies JSON deliveries by the URL signature and the body hash', async () => {
    const request = await webhooks.inboundSms(sms, { format: 'json' });
    expect(request.url).toMatch(/bodySHA256=[0-9a-f]{64}$/);
    expect(await verify(request)).toMatchObject({ ok: true, tenantId });

    const original = await webhooks.inboundSms(sms, { format: 'json' });
    const body = (await original.text()).replace('1001', '1002');
    const changed = new Request(original.url, { method: 'POST', headers: original.headers, body });
    expect(await verify(changed)).toMatchObject({ ok: false, reason: 'body_hash_mismatch' });
  });

  it('never throws on garbage', async () => {
    const garbage = new Request('https://hooks.acme.test/webhooks/twilio?bodySHA256=zz', {
      method: 'POST',
      headers: { 'x-twilio-signature': '%%%' },
      body: new Uint8Array([0xff, 0xfe, 0x00]),
    });
    expect(await verify(garbage)).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });
});
