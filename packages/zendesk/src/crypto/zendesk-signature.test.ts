import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createZendeskSignatureCheck as nodeCheck } from './signature-node';
import { createZendeskSignatureCheck as webCheck } from './signature-web';

const timestamp = '2026-11-27T09:00:05Z';
const body = new TextEncoder().encode('{"type":"zen:event-type:ticket.created","detail":{"subject":"Café ☕"}}');
const sign = (secret: string) => createHmac('sha256', secret).update(timestamp).update(body).digest('base64');

describe.each([
  ['node:crypto', nodeCheck],
  ['WebCrypto / core HMAC', webCheck],
])('Zendesk signature check on %s', (_name, create) => {
  it('accepts any secret of the list and refuses others, a changed body or timestamp', async () => {
    const check = create(['old-secret', 'new-secret']);
    expect(await check(timestamp, body, sign('new-secret'))).toBe(true);
    expect(await check(timestamp, body, sign('old-secret'))).toBe(true);
    expect(await check(timestamp, body, sign('other'))).toBe(false);
    expect(await check('2026-11-27T09:00:06Z', body, sign('new-secret'))).toBe(false);
    expect(await check(timestamp, body.slice(1), sign('new-secret'))).toBe(false);
    expect(await check(timestamp, body, 'not base64 at all')).toBe(false);
    expect(await check(timestamp, body, '')).toBe(false);
  });
});
