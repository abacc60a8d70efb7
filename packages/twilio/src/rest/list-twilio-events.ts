import { type EventPage, type IncomingEvent, type ListEventsOptions, ValidationError } from '@throughline/core/adapter';
import { callResourceSchema, listPageSchema, messageResourceSchema } from '../twilio-api-types';
import { mapCallResource, mapMessageResource, restInstant } from './map-rest-resources';
import type { TwilioRestClient } from './twilio-rest-client';

/** Where a backfill stands: which resource, and the `next_page_uri` to read next (null: its first page). */
interface BackfillCursor {
  resource: 'messages' | 'calls';
  next: string | null;
}

function readCursor(cursor: string | null, pathPrefix: string): BackfillCursor {
  if (cursor === null) return { resource: 'messages', next: null };
  try {
    const parsed = JSON.parse(cursor) as Partial<BackfillCursor>;
    const resource = parsed.resource;
    const next = parsed.next ?? null;
    // The cursor comes back from storage: it must point at this account's list, never at another host.
    if ((resource === 'messages' || resource === 'calls') && (next === null || (typeof next === 'string' && next.startsWith(pathPrefix)))) {
      return { resource, next };
    }
  } catch {
    // fall through
  }
  throw new ValidationError('Twilio backfill cursor is invalid', [{ path: ['cursor'], message: 'not a cursor this adapter returned' }]);
}

/** What a backfill page needs from the adapter. */
export interface ListTwilioEventsContext {
  client: TwilioRestClient;
  accountSid: string;
  pageSize: number;
}

/**
 * Reads one page of a backfill: every message since the date, then every call, following Twilio's
 * `next_page_uri`; the cursor says which resource and page come next, so a backfill resumes where it stopped.
 * https://www.twilio.com/docs/usage/twilios-response#pagination
 *
 * @param options - tenant, start date and cursor
 * @param context - REST client, account and page size
 * @returns the page's events and the next cursor (null when both lists are read)
 * @throws {ApiCallError} when Twilio answers an error after retries
 * @throws {ValidationError} when the cursor is not one this adapter returned
 */
export async function listTwilioEvents(options: ListEventsOptions, context: ListTwilioEventsContext): Promise<EventPage> {
  const pathPrefix = `/2010-04-01/Accounts/${context.accountSid}/`;
  const cursor = readCursor(options.cursor, pathPrefix);
  const since = options.since.getTime();
  const sinceText = options.since.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const isMessages = cursor.resource === 'messages';
  const response = await context.client.request({
    method: 'GET',
    ...(cursor.next !== null
      ? { path: cursor.next }
      : {
          path: `${pathPrefix}${isMessages ? 'Messages' : 'Calls'}.json`,
          // `DateSent>` / `StartTime>` mean "on or after": https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources
          searchParams: { PageSize: context.pageSize, [isMessages ? 'DateSent>' : 'StartTime>']: sinceText },
        }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const page = listPageSchema.safeParse(response.body);
  if (!page.success) throw new ValidationError('Twilio answered a list page without its records', [{ path: [cursor.resource], message: 'missing' }]);
  const events: IncomingEvent[] = [];
  for (const record of (isMessages ? page.data.messages : page.data.calls) ?? []) {
    if (isMessages) {
      const message = messageResourceSchema.safeParse(record);
      if (!message.success) continue;
      const at = restInstant(message.data.date_sent) ?? restInstant(message.data.date_created);
      if (at !== null && Date.parse(at) >= since) events.push(...mapMessageResource(message.data, options.tenantId));
    } else {
      const call = callResourceSchema.safeParse(record);
      if (!call.success) continue;
      const at = restInstant(call.data.start_time) ?? restInstant(call.data.date_created);
      if (at !== null && Date.parse(at) >= since) events.push(...mapCallResource(call.data, options.tenantId));
    }
  }
  const next = page.data.next_page_uri ?? null;
  if (next !== null && !next.startsWith(pathPrefix)) {
    throw new ValidationError('Twilio answered a next_page_uri outside the account', [{ path: ['next_page_uri'], message: 'unexpected location' }]);
  }
  let nextCursor: BackfillCursor | null;
  if (next !== null) nextCursor = { resource: cursor.resource, next };
  else nextCursor = isMessages ? { resource: 'calls', next: null } : null;
  return { events, nextCursor: nextCursor === null ? null : JSON.stringify(nextCursor) };
}
