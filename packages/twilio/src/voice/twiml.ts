/**
 * Escapes text for XML content and attribute values.
 * @param text - any text
 * @returns the escaped text
 * @example
 * ```ts
 * escapeXml('Tom & Jerry\'s <order>'); // 'Tom &amp; Jerry&apos;s &lt;order&gt;'
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => {
    switch (character) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

const declaration = '<?xml version="1.0" encoding="UTF-8"?>';

/** The empty TwiML answer: Twilio does nothing more (no reply text, or hang up after a voice callback). */
export const emptyTwiml = `${declaration}<Response/>`;

/** How to place a caller in a queue. */
export interface EnqueueTwimlOptions {
  /** Queue name (64 characters at most). */
  queue: string;
  /** Said before the caller is queued. */
  greeting?: string;
  /** `<Say>` voice, such as `Polly.Joanna`. */
  voice?: string;
  /** `<Say>` language, such as `en-US`. */
  language?: string;
  /** TwiML played while waiting. */
  waitUrl?: string;
  /** Where Twilio reports the queue result (`QueueResult`, `QueueTime`). */
  actionUrl?: string;
}

function attributes(values: Record<string, string | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  return out;
}

/**
 * Renders `<Enqueue>` TwiML, optionally greeting the caller first.
 * https://www.twilio.com/docs/voice/twiml/enqueue
 *
 * @param options - queue, greeting, wait music and action URL
 * @returns the TwiML document
 * @example
 * ```ts
 * enqueueTwiml({ queue: 'priority', greeting: 'Hello Ana, connecting you now.' });
 * ```
 */
export function enqueueTwiml(options: EnqueueTwimlOptions): string {
  const say = options.greeting
    ? `<Say${attributes({ voice: options.voice, language: options.language })}>${escapeXml(options.greeting)}</Say>`
    : '';
  const enqueue = `<Enqueue${attributes({ action: options.actionUrl, method: options.actionUrl ? 'POST' : undefined, waitUrl: options.waitUrl, waitUrlMethod: options.waitUrl ? 'POST' : undefined })}>${escapeXml(options.queue)}</Enqueue>`;
  return `${declaration}<Response>${say}${enqueue}</Response>`;
}

/** How to take a voicemail. */
export interface VoicemailTwimlOptions {
  /** Said before the beep. */
  prompt: string;
  /** Where the `<Record>` action (with `RecordingUrl`) goes: the webhook URL, so it lands as `voicemail.left`. */
  actionUrl: string;
  /** Longest message in seconds (default 120). */
  maxLengthSeconds?: number;
  /** `<Say>` voice. */
  voice?: string;
  /** `<Say>` language. */
  language?: string;
}

/**
 * Renders TwiML that takes a voicemail (`<Say>` then `<Record>`), for after-hours policies.
 * https://www.twilio.com/docs/voice/twiml/record
 *
 * @param options - prompt, action URL and length
 * @returns the TwiML document
 * @example
 * ```ts
 * // After hours: take a message instead of queueing.
 * const voiceResponder: VoiceResponder = (context) =>
 *   isOpen(context.now)
 *     ? { kind: 'enqueue', queue: context.defaultQueue }
 *     : { kind: 'twiml', twiml: voicemailTwiml({ prompt: 'We are closed. Please leave a message.', actionUrl: 'https://support.acme.com/webhooks/twilio' }) };
 * ```
 */
export function voicemailTwiml(options: VoicemailTwimlOptions): string {
  const say = `<Say${attributes({ voice: options.voice, language: options.language })}>${escapeXml(options.prompt)}</Say>`;
  const record = `<Record${attributes({ action: options.actionUrl, method: 'POST', maxLength: String(options.maxLengthSeconds ?? 120), playBeep: 'true' })}/>`;
  return `${declaration}<Response>${say}${record}</Response>`;
}

/**
 * Wraps a TwiML document in an HTTP response with the XML content type Twilio expects.
 * @param twiml - the document
 * @returns the response
 * @example
 * ```ts
 * twimlResponse(voicemailTwiml({ prompt: 'Please leave a message.', actionUrl: 'https://support.acme.com/webhooks/twilio' }));
 * ```
 */
export function twimlResponse(twiml: string): Response {
  return new Response(twiml, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
}
