import { createMemoryStore, createThroughline, type SlaSettings, type Throughline, type ThroughlineClock } from '@throughline/core';
// #region setup
import { createTwilio, type TwilioSettings, type VoiceResponder } from '@throughline/twilio';

// #endregion setup
// #region policy
/** Callers whose open case breaches within 15 minutes jump the queue; everyone known is greeted by name. */
export const priorityWhenBreachingSoon: VoiceResponder = (context) => {
  const firstName = context.customer?.profile.firstName ?? context.customer?.profile.name?.split(' ')[0];
  const greeting = firstName ? `Hello ${firstName}, thanks for calling Acme.` : undefined;
  const breachingSoon = context.slaClocks.some(
    (clock) => clock.state === 'active' && clock.dueAt !== null && clock.dueAt.getTime() - context.now.getTime() <= 15 * 60_000,
  );
  const queue = breachingSoon ? 'priority' : context.defaultQueue;
  return { kind: 'enqueue', queue, ...(greeting ? { greeting } : {}) };
};
// #endregion policy

/**
 * The Twilio adapter as the guide configures it, inside an instance with a first-reply SLA.
 * @param clock - the clock of the instance (a test clock in the guide's test)
 * @returns the instance
 */
export function acmeWithTwilio(clock: ThroughlineClock): Throughline {
  const sla: SlaSettings = { policies: [{ id: 'standard', targets: [{ metric: 'first_reply', priority: 'normal', targetMinutes: 30 }] }], calendars: [] };
  // #region setup
  const settings: TwilioSettings = {
    accountSid: process.env.TWILIO_ACCOUNT_SID ?? 'AC00000000000000000000000000000001',
    authTokens: [process.env.TWILIO_AUTH_TOKEN ?? 'test-auth-token'], // add the secondary token during a rotation
    accounts: { [process.env.TWILIO_ACCOUNT_SID ?? 'AC00000000000000000000000000000001']: 'acme' },
    publicBaseUrl: 'https://support.acme.com', // what Twilio calls, when a proxy rewrites the URL
    messaging: { from: '+15005550006', whatsappFrom: 'whatsapp:+15005550006' },
    voice: { queue: 'support', waitUrl: 'https://support.acme.com/hold-music.xml' },
    voiceResponder: priorityWhenBreachingSoon,
  };
  // #endregion setup
  // The responder's `now` follows the instance's (test) clock.
  const twilio = createTwilio({ ...settings, now: () => new Date(clock.now()) });
  return createThroughline({ store: createMemoryStore(), adapters: [twilio], sla, clock });
}
