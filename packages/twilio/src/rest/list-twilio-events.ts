import { type EventPage, type IncomingEvent, type ListEventsOptions, type UnreadableRecord, unreadableRecord, ValidationError } from '@throughline/core/adapter';
import { type CallResource, callResourceSchema, listPageSchema, messageResourceSchema } from '../twilio-api-types';
import { listChildCalls } from './list-child-calls';
import { mapCallResource, mapMessageResource, needsChildLegs, restInstant } from './map-rest-resources';
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
  /** The REST API origin, to name where an unreadable record came from. */
  apiBaseUrl: string;
}


/**
 * Reads one page of a backfill: every message since the date, then every call, following Twilio's
 * `next_page_uri`; the cursor says which resource and page come next, so a backfill resumes where it stopped.
 * A completed inbound call's child legs are read too (`ParentCallSid`), to tell a bridged call from an
 * abandoned one. Records that do not read as Message or Call resources, or carry no readable date, come
 * back as `unreadable` (the runner keeps them as dead letters).
 * https://www.twilio.com/docs/usage/twilios-response#pagination
 *
 * @param options - tenant, start date and cursor
 * @param context - REST client, account and page size
 * @returns the page's events, its unreadable records and the next cursor (null when both lists are read)
 * @throws {ApiCallError} when Twilio answers an error after retries
 * @throws {ValidationError} when the cursor is not one this adapter returned
 */
export async function listTwilioEvents(options: ListEventsOptions, context: ListTwilioEventsContext): Promise<EventPage> {
  const pathPrefix = `/2010-04-01/Accounts/${context.accountSid}/`;
  const cursor = readCursor(options.cursor, pathPrefix);
  const since = options.since.getTime();
  const sinceText = options.since.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const isMessages = cursor.resource === 'messages';
  const signal = options.signal ? { signal: options.signal } : {};
  const firstPage = {
    path: `${pathPrefix}${isMessages ? 'Messages' : 'Calls'}.json`,
    // `DateSent>` / `StartTime>` mean "on or after": https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources
    searchParams: { PageSize: context.pageSize, [isMessages ? 'DateSent>' : 'StartTime>']: sinceText },
  };
  const response = await context.client.request({ method: 'GET', ...(cursor.next !== null ? { path: cursor.next } : firstPage), ...signal });
  const pageUrl = context.apiBaseUrl + (cursor.next ?? `${firstPage.path}?${new URLSearchParams(Object.entries(firstPage.searchParams).map(([name, value]) => [name, String(value)]))}`);
  const page = listPageSchema.safeParse(response.body);
  if (!page.success) throw new ValidationError('Twilio answered a list page without its records', [{ path: [cursor.resource], message: 'missing' }]);
  const events: IncomingEvent[] = [];
  const unreadableRecords: UnreadableRecord[] = [];
  const undated = (record: unknown) =>
    unreadableRecords.push({ reason: 'invalid_record', message: `A Twilio ${cursor.resource} record has no readable date`, record, url: pageUrl });
  if (isMessages) {
    for (const record of page.data.messages ?? []) {
      const message = messageResourceSchema.safeParse(record);
      if (!message.success) {
        unreadableRecords.push(unreadableRecord('Twilio message', record, message.error, pageUrl));
        continue;
      }
      const at = restInstant(message.data.date_sent) ?? restInstant(message.data.date_created);
      if (at === null) undated(record);
      else if (Date.parse(at) >= since) events.push(...mapMessageResource(message.data, options.tenantId));
    }
  } else {
    const calls: CallResource[] = [];
    for (const record of page.data.calls ?? []) {
      const call = callResourceSchema.safeParse(record);
      if (!call.success) {
        unreadableRecords.push(unreadableRecord('Twilio call', record, call.error, pageUrl));
        continue;
      }
      const at = restInstant(call.data.start_time) ?? restInstant(call.data.date_created);
      if (at === null) undated(record);
      else if (Date.parse(at) >= since) calls.push(call.data);
    }
    // Read concurrently: the REST client keeps Twilio's concurrency limit.
    const legs = await Promise.all(
      calls.map((call) => (needsChildLegs(call) ? listChildCalls(call.sid, { client: context.client, pathPrefix, ...signal }) : Promise.resolve([]))),
    );
    for (const [index, call] of calls.entries()) events.push(...mapCallResource(call, options.tenantId, legs[index] ?? []));
  }
  const next = page.data.next_page_uri ?? null;
  if (next !== null && !next.startsWith(pathPrefix)) {
    throw new ValidationError('Twilio answered a next_page_uri outside the account', [{ path: ['next_page_uri'], message: 'unexpected location' }]);
  }
  let nextCursor: BackfillCursor | null;
  if (next !== null) nextCursor = { resource: cursor.resource, next };
  else nextCursor = isMessages ? { resource: 'calls', next: null } : null;
  return {
    events,
    nextCursor: nextCursor === null ? null : JSON.stringify(nextCursor),
    ...(unreadableRecords.length > 0 ? { unreadable: unreadableRecords } : {}),
  };
}
