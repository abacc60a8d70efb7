import { ValidationError } from '../errors/validation-error';
import type { UnreadableRecord } from './channel-adapter';

/**
 * Describes a record of a backfill page the adapter could not read, for the runner to keep as a dead letter.
 *
 * @param subject - what the record was meant to be, such as `Zendesk ticket event`
 * @param record - the record as the platform returned it
 * @param error - why the schema refused it
 * @param url - the API address the record came from
 * @returns the unreadable record
 * @example
 * ```ts
 * const parsed = ticketSchema.safeParse(value);
 * if (!parsed.success) page.unreadable.push(unreadableRecord('Zendesk ticket', value, parsed.error, url)); // reason 'invalid_record'
 * ```
 */
export function unreadableRecord(
  subject: string,
  record: unknown,
  error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> },
  url: string,
): UnreadableRecord {
  return { reason: 'invalid_record', message: ValidationError.fromZod(subject, error).message, record, url };
}
