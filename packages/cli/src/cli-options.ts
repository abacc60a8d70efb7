import { CliUsageError } from './cli-usage-error';

/**
 * Parses a command-line instant: a full ISO-8601 instant, or a `YYYY-MM-DD` date meaning local
 * midnight at the given UTC offset.
 * @param name - option name for the error message
 * @param text - the value given
 * @param utcOffsetMinutes - the tenant's offset from UTC
 * @returns the instant as an ISO-8601 string (UTC)
 * @throws CliUsageError when the text is not a date or instant
 * @example
 * parseInstantOption('--from', '2025-11-28', -300); // '2025-11-28T05:00:00.000Z'
 */
export function parseInstantOption(name: string, text: string | undefined, utcOffsetMinutes: number): string {
  if (text === undefined) throw new CliUsageError(`${name} is required`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(Date.parse(`${text}T00:00:00Z`) - utcOffsetMinutes * 60_000).toISOString();
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/\d{4}-\d{2}-\d{2}T/.test(text)) throw new CliUsageError(`${name} must be YYYY-MM-DD or an ISO-8601 instant, got "${text}"`);
  return new Date(ms).toISOString();
}

/**
 * Parses a numeric option.
 * @param name - option name for the error message
 * @param text - the value given, or undefined
 * @param fallback - value when the option is absent
 * @param min - smallest allowed value
 * @param max - largest allowed value
 * @returns the number
 * @throws CliUsageError when the text is not a number within range
 * @example
 * parseNumberOption('--shrinkage', '0.3', 0, 0, 0.99); // 0.3
 */
export function parseNumberOption(name: string, text: string | undefined, fallback: number, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new CliUsageError(`${name} must be a number in [${min}, ${max}], got "${text}"`);
  }
  return value;
}

/**
 * Requires a string option.
 * @param name - option name for the error message
 * @param text - the value given
 * @returns the value
 * @throws CliUsageError when absent
 * @example
 * requireOption('--tenant', values.tenant);
 */
export function requireOption(name: string, text: string | undefined): string {
  if (text === undefined || text === '') throw new CliUsageError(`${name} is required`);
  return text;
}

/** Options every reading command shares, in node:util parseArgs form. */
export const sourceOptions = {
  tenant: { type: 'string' },
  input: { type: 'string' },
  store: { type: 'string' },
  'no-validate': { type: 'boolean' },
  'utc-offset': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
