import type { Channel } from '@throughline/core/adapter';

/**
 * The channel of a Twilio address: `whatsapp:+1555…` is WhatsApp, anything else SMS (MMS included).
 * @param addresses - the `From`/`To` of a message
 * @returns `whatsapp` or `sms`
 */
export function messageChannel(...addresses: ReadonlyArray<string | null | undefined>): Extract<Channel, 'sms' | 'whatsapp'> {
  return addresses.some((address) => address?.startsWith('whatsapp:')) ? 'whatsapp' : 'sms';
}
