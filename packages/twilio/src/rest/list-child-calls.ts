import { ValidationError } from '@throughline/core/adapter';
import { type CallResource, callResourceSchema, listPageSchema } from '../twilio-api-types';
import type { TwilioRestClient } from './twilio-rest-client';

/** What listing a call's legs needs. */
export interface ListChildCallsContext {
  client: TwilioRestClient;
  /** `/2010-04-01/Accounts/{AccountSid}/`: every page must stay under it. */
  pathPrefix: string;
  signal?: AbortSignal;
}

/**
 * Lists the legs a call spawned (the parties a `<Dial>` reached), every page of them; legs that do not
 * read as Call resources are left out.
 * https://www.twilio.com/docs/voice/api/call-resource#read-multiple-call-resources
 *
 * @param parentCallSid - the parent call (`CA…`)
 * @param context - REST client and account path
 * @returns the child legs
 * @throws {ApiCallError} when Twilio answers an error after retries
 * @throws {ValidationError} when a page holds no list of calls
 */
export async function listChildCalls(parentCallSid: string, context: ListChildCallsContext): Promise<CallResource[]> {
  const legs: CallResource[] = [];
  let next: string | null = null;
  do {
    const response = await context.client.request({
      method: 'GET',
      ...(next !== null ? { path: next } : { path: `${context.pathPrefix}Calls.json`, searchParams: { ParentCallSid: parentCallSid, PageSize: 50 } }),
      ...(context.signal ? { signal: context.signal } : {}),
    });
    const page = listPageSchema.safeParse(response.body);
    // As for the main list: a page without its records fails the backfill page rather than pass for "no legs".
    if (!page.success || !page.data.calls) throw new ValidationError('Twilio answered a list page without its records', [{ path: ['calls'], message: 'missing' }]);
    for (const record of page.data.calls) {
      const leg = callResourceSchema.safeParse(record);
      if (leg.success && leg.data.parent_call_sid === parentCallSid) legs.push(leg.data);
    }
    const link = page.data.next_page_uri;
    next = link?.startsWith(context.pathPrefix) ? link : null;
  } while (next !== null);
  return legs;
}
