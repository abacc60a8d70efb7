import type { Channel } from '@throughline/core/adapter';

/**
 * The channel of a Twilio address: `whatsapp:+1555…` is WhatsApp, anything else SMS (MMS included).
 * @param addresses - the `From`/`To` of a message
 * @returns `whatsapp` or `sms`
 * @example
 * ```ts
 * messageChannel('whatsapp:+14155550100', 'whatsapp:+15005550006'); // 'whatsapp'
 * messageChannel('+14155550100', '+15005550006'); // 'sms'
 * ```
 */
export function messageChannel(...addresses: ReadonlyArray<string | null | undefined>): Extract<Channel, 'sms' | 'whatsapp'> {
  return addresses.some((address) => address?.startsWith('whatsapp:')) ? 'whatsapp' : 'sms';
}
