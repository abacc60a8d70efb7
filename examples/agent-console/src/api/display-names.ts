/** Names an agent reads for channels and SLA metrics; shared by the API and the page (no imports). */

const channelNames: Record<string, string> = {
  email: 'Email',
  web: 'Web form',
  chat: 'Chat',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  social: 'Social',
  voice: 'Phone',
  other: 'Other channel',
};

const metricNames: Record<string, string> = {
  first_reply: 'First reply',
  next_reply: 'Next reply',
  periodic_update: 'Periodic update',
  pausable_update: 'Pausable update',
  requester_wait: 'Requester wait',
  agent_work: 'Agent work',
  total_resolution: 'Total resolution',
};

/**
 * The name an agent reads for a channel.
 * @param channel - a channel value, or null
 * @returns `WhatsApp`, `Web form`, …
 */
export function channelName(channel: string | null): string {
  return channel === null ? 'Store' : (channelNames[channel] ?? channel);
}

/**
 * The name an agent reads for an SLA metric.
 * @param metric - `first_reply`, …
 * @returns `First reply`, …
 */
export function metricName(metric: string): string {
  return metricNames[metric] ?? metric;
}
