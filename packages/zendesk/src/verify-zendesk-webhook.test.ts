import { createHmac } from 'node:crypto';
import { readDelivery } from '@throughline/core/testing';
import { describe, expect, it } from 'vitest';
import { signZendeskDelivery } from './testing/index';
import { createZendeskWebhookVerifier, zendeskTestSigningSecret } from './verify-zendesk-webhook';

const secret = 'dGhpc19pc19hX2xpdGVyYWxfc2VjcmV0'; // valid base64 on purpose: it must be used as text
const signedAt = '2026-11-27T09:00:00Z';
const at = Date.parse(signedAt);
const accounts = { '12514403': 'acme', otherco: 'other' };
const body = '{"type":"zen:event-type:ticket.created","account_id":12514403}';

function verifier(now = at, secrets: string[] = [secret], replayWindowMs = 300_000) {
  return createZendeskWebhookVerifier({ secrets, replayWindowMs, accounts, clock: { now: () => now } });
}

async function delivery(overrides: { secret?: string; signedAt?: string; accountId?: string; body?: string } = {}) {
  return readDelivery(
    await signZendeskDelivery(overrides.body ?? body, {
      secret: overrides.secret ?? secret,
      accountId: overrides.accountId ?? '12514403',
      signedAt: overrides.signedAt ?? signedAt,
      invocationId: 'inv-1',
    }),
  );
}

describe('Zendesk webhook verification', () => {
  it('accepts base64 HMAC-SHA256 over timestamp + body and names the tenant and invocation id', async () => {
    expect(await verifier()(await delivery())).toEqual({ ok: true, tenantId: 'acme', deliveryId: 'inv-1' });
  });

  it('matches an independent node:crypto signature keyed with the secret as a literal string', async () => {
    const expected = createHmac('sha256', secret).update(signedAt + body).digest('base64');
    const request = await delivery();
    expect(request.request.headers.get('x-zendesk-webhook-signature')).toBe(expected);
    const decodedKey = createHmac('sha256', Buffer.from(secret, 'base64')).update(signedAt + body).digest('base64');
    const wrong = new Request(request.request.url, {
      method: 'POST',
      headers: { ...Object.fromEntries(request.request.headers), 'x-zendesk-webhook-signature': decodedKey },
      body,
    });
    expect(await verifier()(await readDelivery(wrong))).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('accepts every secret of a rotation and refuses others', async () => {
    const check = verifier(at, ['new-secret', secret]);
    expect((await check(await delivery())).ok).toBe(true);
    expect((await check(await delivery({ secret: 'new-secret' }))).ok).toBe(true);
    expect(await check(await delivery({ secret: 'intruder' }))).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('refuses a tampered body', async () => {
    const signed = await delivery();
    const tampered = { ...signed, rawBody: new TextEncoder().encode(body.replace('created', 'deleted')) };
    expect(await verifier()(tampered)).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('refuses stale and future timestamps outside the window, both directions, and accepts its edges', async () => {
    expect(await verifier(at + 300_001)(await delivery())).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    expect(await verifier(at - 300_001)(await delivery())).toMatchObject({ ok: false, reason: 'future_timestamp' });
    expect((await verifier(at + 300_000)(await delivery())).ok).toBe(true);
    expect((await verifier(at - 300_000)(await delivery())).ok).toBe(true);
    expect(await verifier(at + 61_000, [secret], 60_000)(await delivery())).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });

  it('reads timestamps in other RFC 3339 forms and refuses unreadable ones', async () => {
    const withOffset = await readDelivery(
      new Request('https://hooks.example.com/z', {
        method: 'POST',
        headers: {
          'x-zendesk-account-id': '12514403',
          'x-zendesk-webhook-signature-timestamp': '2026-11-27T10:00:00+01:00',
          'x-zendesk-webhook-signature': createHmac('sha256', secret).update(`2026-11-27T10:00:00+01:00${body}`).digest('base64'),
        },
        body,
      }),
    );
    expect((await verifier()(withOffset)).ok).toBe(true);
    const unreadable = await readDelivery(
      new Request('https://hooks.example.com/z', { method: 'POST', headers: { 'x-zendesk-webhook-signature': 'abc', 'x-zendesk-webhook-signature-timestamp': 'yesterday' }, body }),
    );
    expect(await verifier()(unreadable)).toMatchObject({ ok: false, reason: 'missing_header' });
  });

  it('refuses a delivery from an account no tenant owns', async () => {
    expect(await verifier()(await delivery({ accountId: '999' }))).toMatchObject({ ok: false, reason: 'unknown_tenant' });
  });

  it('maps a trigger delivery by subdomain when the account id in the header is not mapped, and nothing else', async () => {
    const bySubdomain = createZendeskWebhookVerifier({ secrets: [secret], replayWindowMs: 300_000, accounts: { otherco: 'other' }, clock: { now: () => at } });
    // Trigger bodies name the account in `{{ticket.url}}`; Zendesk still sends `X-Zendesk-Account-Id`.
    const triggerBody = '{"throughline":1,"account_url":"otherco.zendesk.com/agent/tickets/5"}';
    const trigger = await delivery({ body: triggerBody, accountId: '777001' });
    expect(trigger.request.headers.get('x-zendesk-account-id')).toBe('777001');
    expect(await bySubdomain(trigger)).toMatchObject({ ok: true, tenantId: 'other' });
    // Event bodies carry only the account id: an unmapped one is refused, never given a tenant it may not be.
    const event = await delivery({ accountId: '777001' });
    expect(await bySubdomain(event)).toMatchObject({ ok: false, reason: 'unknown_tenant' });
  });

  it('finds the tenant from the body when the account header is missing', async () => {
    const triggerBody = '{"throughline":1,"account_url":"otherco.zendesk.com/agent/tickets/5"}';
    const signed = await delivery({ body: triggerBody });
    const headers = new Headers(signed.request.headers);
    headers.delete('x-zendesk-account-id');
    const request = new Request(signed.request.url, { method: 'POST', headers, body: triggerBody });
    expect(await verifier()(await readDelivery(request))).toMatchObject({ ok: true, tenantId: 'other' });
  });

  it('names what is missing instead of throwing', async () => {
    const bare = await readDelivery(new Request('https://hooks.example.com/z', { method: 'POST', body: 'x' }));
    expect(await verifier()(bare)).toMatchObject({ ok: false, reason: 'missing_signature' });
    const noTimestamp = await readDelivery(
      new Request('https://hooks.example.com/z', { method: 'POST', headers: { 'x-zendesk-webhook-signature': 'abc' }, body: 'x' }),
    );
    expect(await verifier()(noTimestamp)).toMatchObject({ ok: false, reason: 'missing_header' });
    const garbage = await readDelivery(
      new Request('https://hooks.example.com/z', {
        method: 'POST',
        headers: { 'x-zendesk-webhook-signature': '%%%not base64', 'x-zendesk-webhook-signature-timestamp': signedAt },
        body: 'x',
      }),
    );
    expect(await verifier()(garbage)).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it("accepts Zendesk's published test secret only when asked to", async () => {
    const test = await delivery({ secret: zendeskTestSigningSecret });
    expect((await verifier()(test)).ok).toBe(false);
    expect((await verifier(at, [secret, zendeskTestSigningSecret])(test)).ok).toBe(true);
  });
});
