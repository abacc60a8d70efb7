import type { BodyReadResult } from './read-body';

/** An answer of the webhook entry point with a JSON body: every answer but an adapter's own reply. */
export interface JsonWebhookAnswer {
  /** The HTTP status. */
  readonly status: number;
  /** The JSON body: `{ ok, accepted, duplicates }` on success, `{ error, message }` otherwise. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** What the webhook entry point answers: a status with a JSON body, or a reply an adapter built itself (Twilio's TwiML). */
export type WebhookAnswer = JsonWebhookAnswer | Response;

/**
 * The `Response` for an answer.
 * @param answer - the entry point's answer
 * @returns the answer itself when it is a `Response`, otherwise a JSON `Response`
 * @example
 * ```ts
 * webhookResponse({ status: 200, body: { ok: true, accepted: 1, duplicates: 0 } }).headers.get('content-type'); // 'application/json'
 * ```
 */
export function webhookResponse(answer: WebhookAnswer): Response {
  if (answer instanceof Response) return answer;
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
}

/**
 * The key under which `throughline.webhooks.handle` carries its {@link BufferedDeliveryEntry}, so a
 * server that reads request bodies itself (`toNodeHandler`) can skip the Web streams of a `Request`
 * body and of a `Response`.
 */
export const bufferedDeliveryEntry: unique symbol = Symbol.for('throughline.webhooks.bufferedDeliveryEntry');

/** The webhook entry point for a body the server has already read. */
export interface BufferedDeliveryEntry {
  /** Largest body accepted, in bytes: a server reads at most this much, and answers 413 beyond. */
  readonly maxBodyBytes: number;
  /**
   * Handles a delivery (a POST, or a GET where the adapter takes GETs) whose body was read (up to the cap) by the caller.
   * @param request - method, URL and headers of the delivery (its body is not read)
   * @param read - the body, or the refusal of one over the cap
   * @returns the answer, as `webhooks.handle` gives it before it becomes a `Response`
   */
  answer(request: Request, read: BodyReadResult): Promise<WebhookAnswer>;
}
