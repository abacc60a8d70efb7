import type { CaseStatus, Priority } from '@throughline/core/adapter';

const statuses: Readonly<Record<string, CaseStatus>> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  hold: 'hold',
  on_hold: 'hold',
  onhold: 'hold',
  solved: 'solved',
  closed: 'closed',
};

function token(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase().replace(/[^a-z]+/g, '_') : '';
}

/**
 * Reads a Zendesk status or custom-status category (`open`, `OPEN`, `On-hold`, `hold`) as a case status.
 * @param value - the status as the API, an event webhook (upper case) or a placeholder (title case) gave it
 * @returns the case status, or null when the value is not a status
 * @example
 * ```ts
 * caseStatusFromZendesk('On-hold'); // 'hold'
 * ```
 */
export function caseStatusFromZendesk(value: unknown): CaseStatus | null {
  return statuses[token(value)] ?? null;
}

const priorities: ReadonlySet<string> = new Set(['low', 'normal', 'high', 'urgent']);

/**
 * Reads a Zendesk priority (`urgent`, `HIGH`, `Normal`) as a case priority.
 * @param value - the priority as given; `-` or empty when the ticket has none
 * @returns the priority, or null when there is none
 * @example
 * ```ts
 * priorityFromZendesk('HIGH'); // 'high'
 * priorityFromZendesk('-'); // null
 * ```
 */
export function priorityFromZendesk(value: unknown): Priority | null {
  const normalised = token(value);
  return priorities.has(normalised) ? (normalised as Priority) : null;
}

/**
 * Reads a satisfaction rating as a 1–5 CSAT score: Zendesk's binary `good`/`bad` become 5 and 1;
 * a numeric rating (1–5 scales) passes through; `offered`, `unoffered` and anything else are not answers.
 * @param value - `good`, `bad`, a placeholder label such as `Good, I'm satisfied`, or a number
 * @returns the score, or null when the value is not an answer
 * @example
 * ```ts
 * csatScoreFromZendesk("Good, I'm satisfied"); // 5
 * csatScoreFromZendesk('bad'); // 1
 * csatScoreFromZendesk('offered'); // null
 * ```
 */
export function csatScoreFromZendesk(value: unknown): number | null {
  if (typeof value === 'number') return value >= 1 && value <= 5 ? value : null;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (/^[1-5]$/.test(text)) return Number(text);
  if (text.startsWith('good')) return 5;
  if (text.startsWith('bad')) return 1;
  return null;
}
