import { type UnreadableRecord, ValidationError } from '@throughline/core/adapter';

/**
 * Describes a record of a backfill page the adapter could not read, for the runner to keep as a dead letter.
 *
 * @param subject - what the record was meant to be, such as `Zendesk ticket event`
 * @param record - the record as Zendesk returned it
 * @param error - why the schema refused it
 * @param url - the API address the record came from
 * @returns the unreadable record
 * @example
 * ```ts
 * const parsed = zendeskTicketSchema.safeParse(value);
 * if (!parsed.success) unreadable.push(unreadableRecord('Zendesk ticket', value, parsed.error, url));
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
