// #region kit
import { createSignatureVerifier } from '@throughline/core/adapter-utils';
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { ChatwaveMessage } from './chatwave-api-types';

/**
 * Builds a delivery signed exactly like Chatwave signs its webhooks.
 * @param options - secret, workspace, body and signing time
 * @returns a request for `webhooks.handle` or the contract suite
 */
export async function signChatwaveDelivery(options: { secret: string; workspace: string; body: unknown; at?: Date; url?: string }): Promise<Request> {
  const body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const timestamp = Math.floor((options.at ?? new Date()).getTime() / 1000);
  const signer = createSignatureVerifier({ algorithm: 'SHA-256', secrets: [options.secret], encoding: 'hex' });
  return new Request(options.url ?? 'https://support.acme.com/webhooks/chatwave', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-chatwave-signature': `sha256=${await signer.sign(`${timestamp}.${body}`)}`,
      'x-chatwave-timestamp': String(timestamp),
      'x-chatwave-workspace': options.workspace,
    },
    body,
  });
}

/**
 * A fake of Chatwave's message list: cursor paging like the real API, 401 without the token.
 * @param messages - the messages the workspace holds, oldest first
 * @param options - the token it accepts and the page size it serves
 * @returns msw handlers
 */
export function chatwaveHandlers(messages: ReadonlyArray<ChatwaveMessage>, options: { token: string; pageSize?: number }): HttpHandler[] {
  return [
    http.get('https://api.chatwave.example/v1/messages', ({ request }) => {
      if (request.headers.get('authorization') !== `Bearer ${options.token}`) return HttpResponse.json({ error: 'unauthorized' }, { status: 401 });
      const url = new URL(request.url);
      const since = Date.parse(url.searchParams.get('since') ?? '1970-01-01T00:00:00Z');
      const limit = Math.min(options.pageSize ?? 100, Number(url.searchParams.get('limit') ?? 100));
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const matching = messages.filter((message) => Date.parse(message.created_at) >= since);
      const data = matching.slice(offset, offset + limit);
      const next = offset + data.length;
      return HttpResponse.json({ data, next_cursor: next < matching.length ? String(next) : null });
    }),
  ];
}
// #endregion kit
