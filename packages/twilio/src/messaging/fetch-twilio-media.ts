import { MediaHostNotAllowedError } from '../twilio-errors';

/** What a media download needs from the adapter. */
export interface FetchTwilioMediaContext {
  /** Allowed hosts; an entry with a `/` also pins a path prefix. */
  mediaHosts: ReadonlyArray<string>;
  /** The `Authorization` header, sent to the API host only. */
  authorization: string;
  /** The API host (`api.twilio.com`). */
  apiHost: string;
  /** The fetch to download with. */
  fetch: typeof fetch;
  /** Aborts the download. */
  signal?: AbortSignal;
}

const maxRedirects = 5;

function isAllowed(url: URL, mediaHosts: ReadonlyArray<string>): boolean {
  const host = url.host.toLowerCase();
  const hostAndPath = host + url.pathname;
  return mediaHosts.some((entry) => (entry.includes('/') ? hostAndPath.startsWith(entry) : host === entry));
}

function check(url: URL, mediaHosts: ReadonlyArray<string>): void {
  if (url.protocol !== 'https:') throw new MediaHostNotAllowedError(url.host, 'only https media URLs are fetched');
  if (!isAllowed(url, mediaHosts)) throw new MediaHostNotAllowedError(url.host, 'the host is not in the media allow-list');
}

/**
 * Downloads message media (an MMS image, a WhatsApp voice note) only from Twilio's media hosts: every
 * redirect hop is checked against the allow-list, and credentials go to Twilio's API host only.
 * Twilio answers a media URL with a redirect to a short-lived CDN URL: https://www.twilio.com/docs/messaging/api/media-resource
 *
 * @param mediaUrl - a `MediaUrl{N}` the webhook carried
 * @param context - allow-list, credentials and fetch
 * @returns the media response (body unread)
 * @throws {MediaHostNotAllowedError} when the URL or a redirect leaves the allow-list
 * @example
 * ```ts
 * const response = await twilio.fetchMedia(event.data.media[0].url);
 * ```
 */
export async function fetchTwilioMedia(mediaUrl: string, context: FetchTwilioMediaContext): Promise<Response> {
  let url: URL;
  try {
    url = new URL(mediaUrl);
  } catch {
    throw new MediaHostNotAllowedError('(unparseable)', 'the media URL is not a URL');
  }
  for (let hop = 0; hop <= maxRedirects; hop++) {
    check(url, context.mediaHosts);
    const headers: Record<string, string> = url.host.toLowerCase() === context.apiHost ? { authorization: context.authorization } : {};
    const response = await context.fetch(url.toString(), {
      headers,
      redirect: 'manual',
      ...(context.signal ? { signal: context.signal } : {}),
    });
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel();
    url = new URL(location, url);
  }
  throw new MediaHostNotAllowedError(url.host, `more than ${maxRedirects} redirects`);
}
