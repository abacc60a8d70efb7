import { describeChannelAdapter } from '@throughline/core/testing';
import { setupServer } from 'msw/node';
import { accountSid, authToken, customerNumber, shopNumber, strangerAccountSid, tenantId, testAdapter, webhooks } from './test-fixtures';
import { createTwilioFake } from './testing/twilio-fake';
import { twilioSid } from './testing/twilio-sids';

const sms = { from: customerNumber, to: shopNumber, body: 'Where is my order?', messageSid: twilioSid('SM', 100) };

describeChannelAdapter({
  name: 'twilio',
  createAdapter: () => testAdapter(),
  tenantId,
  signedDelivery: () => webhooks.inboundSms(sms),
  tamperedDelivery: () => webhooks.inboundSms(sms, { tamper: true }),
  malformedDelivery: () => webhooks.signedRequest([['MessageSid', twilioSid('SM', 101)], ['Body', 'no sender']]),
  unknownTenantDelivery: () => webhooks.inboundSms(sms, { accountSid: strangerAccountSid }),
  backfill: {
    since: new Date('2026-01-01T00:00:00Z'),
    setup: () => {
      const twilio = createTwilioFake({ accountSid, authToken });
      twilio.seedMessages(Array.from({ length: 5 }, (_, index) => ({ from: customerNumber, to: shopNumber, body: `m${index}`, sentAt: new Date(Date.UTC(2026, 0, 2, index)) })));
      twilio.seedCalls([{ from: customerNumber, to: shopNumber, startedAt: new Date('2026-01-03T10:00:00Z'), durationSeconds: 120 }]);
      const server = setupServer(...twilio.handlers);
      server.listen({ onUnhandledRequest: 'error' });
      return () => server.close();
    },
  },
});

describeChannelAdapter({
  name: 'twilio (JSON deliveries)',
  createAdapter: () => testAdapter(),
  tenantId,
  signedDelivery: () => webhooks.inboundWhatsApp({ ...sms, profileName: 'Ana' }, { format: 'json' }),
  tamperedDelivery: () => webhooks.inboundWhatsApp({ ...sms, profileName: 'Ana' }, { format: 'json', tamper: true }),
  malformedDelivery: () => webhooks.signedRequest([['CallSid', twilioSid('CA', 1)], ['SequenceNumber', 'x'], ['CallStatus', 'completed']], { format: 'json' }),
  unknownTenantDelivery: () => webhooks.inboundSms(sms, { format: 'json', accountSid: strangerAccountSid }),
});
