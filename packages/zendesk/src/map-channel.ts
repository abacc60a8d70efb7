import type { Channel } from '@throughline/core/adapter';
import type { ZendeskVia } from './zendesk-api-types';

// Zendesk's via channels are open-ended (https://developer.zendesk.com/documentation/ticketing/reference-guides/via-object-reference/):
// codes (`web`, `email`, `native_messaging`, `sunshine_conversations_twitter_dm`, …) from the API,
// and labels (`Web Form`, `Mail`, `Phone call (incoming)`, …) from the `{{ticket.via}}` placeholder.
const rules: ReadonlyArray<readonly [RegExp, Channel]> = [
  [/whatsapp/, 'whatsapp'],
  [/twitter|facebook|instagram|(^|_)x_|social|linkedin|youtube/, 'social'],
  [/sms|text_message|(^|_)text($|_)|twilio/, 'sms'],
  [/voice|phone|voicemail|call/, 'voice'],
  [/chat|messaging|mobile_sdk|sdk|line|wechat|telegram|viber|apple_business|google_rcs|google_business|any_channel/, 'chat'],
  [/e?mail/, 'email'],
  [/web|help_?center|contact_form/, 'web'],
];

// Via ids, for surfaces that send the number (https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types/).
const viaIds: Readonly<Record<string, Channel>> = {
  '0': 'web',
  '4': 'email',
  '17': 'web',
  '23': 'social',
  '26': 'social',
  '29': 'chat',
  '30': 'social',
  '33': 'voice',
  '34': 'voice',
  '35': 'voice',
  '37': 'sms',
  '38': 'social',
  '41': 'social',
};

/**
 * Maps a Zendesk `via.channel` code or `{{ticket.via}}` label to a unified channel; unknown values
 * (API, triggers, system, new channels) become `other`, never an error.
 *
 * @param via - the channel code or label as Zendesk gave it
 * @returns the unified channel
 * @example
 * ```ts
 * channelFromVia('native_messaging'); // 'chat'
 * channelFromVia('Phone call (incoming)'); // 'voice'
 * ```
 */
export function channelFromVia(via: string | number | null | undefined): Channel {
  if (via === null || via === undefined) return 'other';
  const token = String(via)
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
  if (/^\d+$/.test(token)) return viaIds[token] ?? 'other';
  if (token === '' || token === 'web_service' || token === 'api') return 'other';
  for (const [pattern, channel] of rules) if (pattern.test(token)) return channel;
  return 'other';
}

/**
 * Reads a `via` as text for `channelFromVia`: the channel code of a `{ channel, source }` object, or the
 * label itself when Zendesk wrote `via` as a label (`"Web form"` in the ticket-events export).
 *
 * @param via - the `via` as Zendesk gave it
 * @returns the channel code or label, or null when there is none
 * @example
 * ```ts
 * viaCodeOrLabel({ channel: 'email' }); // 'email'
 * viaCodeOrLabel('Web form'); // 'Web form'
 * ```
 */
export function viaCodeOrLabel(via: ZendeskVia | null | undefined): string | null {
  if (via === null || via === undefined) return null;
  if (typeof via === 'string') return via.trim() === '' ? null : via;
  const channel = via.channel;
  return channel === null || channel === undefined ? null : String(channel);
}
