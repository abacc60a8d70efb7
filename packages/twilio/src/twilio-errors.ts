import { ThroughlineError } from '@throughline/core/adapter';

/**
 * A free-form WhatsApp message was refused before calling Twilio: the customer last wrote more than
 * 24 hours ago (or never), so only a pre-approved template may be sent (Twilio would fail it with 63016).
 * https://www.twilio.com/docs/whatsapp/key-concepts#the-24-hour-window-or-24-hour-session
 *
 * @example
 * ```ts
 * if (error instanceof WhatsAppWindowClosedError) await reply({ ...message, template: { id: 'HX…', variables: { 1: name } } });
 * ```
 */
export class WhatsAppWindowClosedError extends ThroughlineError {
  /** When the customer last wrote on WhatsApp, if known. */
  readonly lastInboundAt: Date | null;

  constructor(lastInboundAt: Date | null) {
    super(
      'whatsapp_window_closed',
      lastInboundAt === null
        ? 'The WhatsApp 24-hour window is closed: the customer has not written on WhatsApp; send a template (ContentSid)'
        : `The WhatsApp 24-hour window closed: the customer last wrote at ${lastInboundAt.toISOString()}; send a template (ContentSid)`,
    );
    this.name = 'WhatsAppWindowClosedError';
    this.lastInboundAt = lastInboundAt;
  }
}

/**
 * A media URL was not fetched because its host is not one of Twilio's media hosts in the allow-list.
 *
 * @example
 * ```ts
 * try { await twilio.fetchMedia(url); } catch (error) { if (error instanceof MediaHostNotAllowedError) log(error.host); }
 * ```
 */
export class MediaHostNotAllowedError extends ThroughlineError {
  /** The refused host. */
  readonly host: string;

  constructor(host: string, reason: string) {
    super('media_host_not_allowed', `Media at ${host} was not fetched: ${reason}`);
    this.name = 'MediaHostNotAllowedError';
    this.host = host;
  }
}

/** Why a message could not be sent before Twilio was called. */
export type TwilioSendFailure = 'unsupported_channel' | 'sender_missing' | 'body_too_long' | 'unknown_tenant' | 'unexpected_answer';

/**
 * A message could not be sent through Twilio for a reason found before calling it (no sender configured,
 * a channel Twilio does not carry, a body over 1600 characters, a tenant with no Twilio account).
 *
 * @example
 * ```ts
 * if (error instanceof TwilioSendError && error.code === 'sender_missing') configureSender();
 * ```
 */
export class TwilioSendError extends ThroughlineError {
  constructor(code: TwilioSendFailure, message: string) {
    super(code, message);
    this.name = 'TwilioSendError';
  }
}
