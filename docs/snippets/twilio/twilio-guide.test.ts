import { createTestClock } from '@throughline/core/testing/fakes';
import { createTwilioWebhookBuilder } from '@throughline/twilio/testing';
import { describe, expect, it } from 'vitest';
import { acmeWithTwilio } from './voice-policy';

describe('Twilio guide', () => {
  it('recognises a WhatsApp customer when they call, greets them by name and queues them by SLA urgency', async () => {
    const clock = createTestClock('2026-11-27T09:00:00Z');
    const throughline = acmeWithTwilio(clock);
    const webhooks = createTwilioWebhookBuilder({
      authToken: 'test-auth-token',
      accountSid: 'AC00000000000000000000000000000001',
      url: 'https://support.acme.com/webhooks/twilio',
    });
    const whatsapp = await webhooks.inboundWhatsApp({ from: '+14155550100', to: '+15005550006', body: 'Onde está meu pedido?', profileName: 'Ana Souza' });
    expect((await throughline.webhooks.handle(whatsapp)).status).toBe(200);

    clock.advance(10 * 60_000); // first reply due at 09:30: 20 minutes left, not yet urgent
    const early = await throughline.webhooks.handle(await webhooks.incomingCall({ from: '+14155550100', to: '+15005550006' }));
    const earlyTwiml = await early.text();
    expect(early.headers.get('content-type')).toContain('text/xml');
    expect(earlyTwiml).toContain('<Say>Hello Ana, thanks for calling Acme.</Say>');
    expect(earlyTwiml).toContain('>support</Enqueue>');

    clock.advance(10 * 60_000); // 10 minutes left: the caller goes to the priority queue
    const late = await throughline.webhooks.handle(await webhooks.incomingCall({ from: '+1 415 555 0100', to: '+15005550006' }));
    const lateTwiml = await late.text();
    expect(lateTwiml).toContain('>priority</Enqueue>');
    // The action callback comes back to the webhook, with the call's start (which places a bridged caller's answer).
    expect(lateTwiml).toContain(`action="https://support.acme.com/webhooks/twilio?throughlineCallStartedAt=${clock.now()}"`);

    const stranger = await throughline.webhooks.handle(await webhooks.incomingCall({ from: '+14155559999', to: '+15005550006' }));
    expect(await stranger.text()).toMatch(/<Response><Enqueue[^>]*>support<\/Enqueue><\/Response>$/);
    await throughline.close();
  });
});
