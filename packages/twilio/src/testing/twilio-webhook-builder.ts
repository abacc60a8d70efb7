import { sha256Hex } from '@throughline/core/adapter-utils';
import { encodeFormParams, type TwilioParams } from '../signature/form-params';
import { alternatePortUrl, createTwilioSignatureVerifier } from '../signature/twilio-signature';
import { twilioDate, twilioSid } from './twilio-sids';

/** Who signs the deliveries and where Twilio sends them. */
export interface TwilioWebhookBuilderOptions {
  /** The auth token Twilio signs with. */
  authToken: string;
  /** The account the deliveries come from (`AccountSid`). */
  accountSid: string;
  /** The webhook URL configured in Twilio (query allowed). */
  url: string;
}

/** How to sign and send one delivery. */
export interface TwilioDeliveryOptions {
  /** `form` (default) or `json` (body hash in `bodySHA256`, URL signed alone). */
  format?: 'form' | 'json';
  /** `GET` puts the parameters in the query (signed as part of the URL). */
  method?: 'POST' | 'GET';
  /** Sign the URL with the scheme's default port added, as some Twilio products do. */
  signWithDefaultPort?: boolean;
  /** Send the request to another URL than the signed one (an app behind a proxy). */
  deliverTo?: string;
  /** The URL Twilio requests and signs, when not the builder's: an action URL the adapter wrote, with its query. */
  url?: string;
  /** Corrupt the signature (a forged delivery). */
  tamper?: boolean;
  /** Leave the signature header out. */
  unsigned?: boolean;
  /** Sign with another token (a rotated-out token, another account). */
  signWith?: string;
  /** The `I-Twilio-Idempotency-Token` header. */
  idempotencyToken?: string;
  /** Override the account the delivery claims to come from. */
  accountSid?: string;
}

/** A message the builder can deliver. */
export interface InboundMessageInput {
  /** The sender (`+1…`, or `whatsapp:+1…` for WhatsApp). */
  from: string;
  /** The shop's number. */
  to: string;
  /** The text. */
  body?: string;
  /** The message's id; generated when left out. */
  messageSid?: string;
  /** MMS / WhatsApp media. */
  media?: ReadonlyArray<{
    /** Where Twilio serves the file. */
    url: string;
    /** Its MIME type, such as `image/jpeg`. */
    contentType: string;
  }>;
  /** WhatsApp profile name. */
  profileName?: string;
  /** The Messaging Service the number belongs to. */
  messagingServiceSid?: string;
}

/** Builds signed Twilio webhook requests for every callback the adapter reads. */
export interface TwilioWebhookBuilder {
  /**
   * Signs and wraps arbitrary parameters (`AccountSid` is added when absent).
   * @param params - name/value pairs in the order to send them
   * @param options - format, method, port form, tampering
   */
  signedRequest(params: TwilioParams, options?: TwilioDeliveryOptions): Promise<Request>;
  /** An inbound SMS. */
  inboundSms(input: InboundMessageInput, options?: TwilioDeliveryOptions): Promise<Request>;
  /** An inbound MMS with media URLs and content types. */
  inboundMms(input: InboundMessageInput, options?: TwilioDeliveryOptions): Promise<Request>;
  /** An inbound WhatsApp message (`whatsapp:` addresses, `ProfileName`, `WaId`). */
  inboundWhatsApp(input: InboundMessageInput, options?: TwilioDeliveryOptions): Promise<Request>;
  /** A message status callback. */
  messageStatus(
    input: { messageSid: string; status: string; to: string; from: string; errorCode?: string },
    options?: TwilioDeliveryOptions,
  ): Promise<Request>;
  /** The voice-URL request of an incoming call. */
  incomingCall(input: { callSid?: string; from: string; to: string; callerName?: string }, options?: TwilioDeliveryOptions): Promise<Request>;
  /** A call status callback. */
  callStatus(
    input: {
      callSid: string;
      status: string;
      sequenceNumber: number;
      timestamp: Date;
      from: string;
      to: string;
      direction?: 'inbound' | 'outbound-api' | 'outbound-dial';
      callDuration?: number;
      /** A recorded call's status callbacks also carry `RecordingSid`, `RecordingUrl` and `RecordingDuration`. */
      recording?: { recordingSid: string; durationSeconds: number };
      /** The call that `<Dial>`ed this one: the callback is a child leg's (`ParentCallSid`). */
      parentCallSid?: string;
    },
    options?: TwilioDeliveryOptions,
  ): Promise<Request>;
  /** The `<Enqueue>` action callback. */
  enqueueAction(
    input: { callSid: string; from: string; to: string; queueResult: string; queueTime: number; queueSid?: string },
    options?: TwilioDeliveryOptions,
  ): Promise<Request>;
  /**
   * The `<Dial>` action callback, sent when the dialled party hangs up or never answers (`DialCallDuration`
   * and `DialBridged=true` once answered; `callStatus` is the caller's leg, `in-progress` while they are on the line).
   */
  dialAction(
    input: {
      callSid: string;
      from: string;
      to: string;
      dialCallStatus: 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';
      dialCallSid?: string;
      dialCallDuration?: number;
      callStatus?: 'in-progress' | 'completed';
    },
    options?: TwilioDeliveryOptions,
  ): Promise<Request>;
  /**
   * A recording (voicemail) callback; `withCaller: false` mimics a recording status callback, which omits From/To.
   * With a `status` it is a recording status callback, which names its `RecordingSource` (`RecordVerb` unless given).
   */
  recording(
    input: { callSid: string; from: string; to: string; recordingSid?: string; durationSeconds: number; status?: string; withCaller?: boolean; source?: string },
    options?: TwilioDeliveryOptions,
  ): Promise<Request>;
}

function tamperSignature(signature: string): string {
  const first = signature[0] === 'A' ? 'B' : 'A';
  return first + signature.slice(1);
}

/**
 * Creates a webhook builder that signs exactly like Twilio: deterministic SIDs from a counter, no clock
 * reads, fast enough for thousands of deliveries.
 *
 * @param options - auth token, account and webhook URL
 * @returns the builder
 * @example
 * ```ts
 * const webhooks = createTwilioWebhookBuilder({ authToken, accountSid, url: 'https://hooks.acme.com/webhooks/twilio' });
 * const response = await throughline.webhooks.handle(await webhooks.inboundSms({ from: '+15551230000', to: '+15559870000', body: 'Where is my order?' }));
 * ```
 */
export function createTwilioWebhookBuilder(options: TwilioWebhookBuilderOptions): TwilioWebhookBuilder {
  const verifiers = new Map<string, ReturnType<typeof createTwilioSignatureVerifier>>();
  let sequence = 0;
  const nextSid = (prefix: string) => twilioSid(prefix, ++sequence);

  function verifierFor(token: string) {
    let verifier = verifiers.get(token);
    if (!verifier) {
      verifier = createTwilioSignatureVerifier([token]);
      verifiers.set(token, verifier);
    }
    return verifier;
  }

  async function signedRequest(params: TwilioParams, delivery: TwilioDeliveryOptions = {}): Promise<Request> {
    const accountSid = delivery.accountSid ?? options.accountSid;
    const all: TwilioParams = params.some(([name]) => name === 'AccountSid') ? params : [['AccountSid', accountSid], ...params];
    const method = delivery.method ?? 'POST';
    const format = delivery.format ?? 'form';
    let url = delivery.url ?? options.url;
    let body: string | null = null;
    let signedParams: TwilioParams = [];
    let contentType: string | null = null;
    if (method === 'GET') {
      url += (url.includes('?') ? '&' : '?') + encodeFormParams(all);
    } else if (format === 'json') {
      const object: Record<string, string | string[]> = {};
      for (const [name, value] of all) {
        const existing = object[name];
        if (existing === undefined) object[name] = value;
        else object[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
      }
      body = JSON.stringify(object);
      url += `${url.includes('?') ? '&' : '?'}bodySHA256=${await sha256Hex(body)}`;
      contentType = 'application/json';
    } else {
      body = encodeFormParams(all);
      signedParams = all;
      contentType = 'application/x-www-form-urlencoded';
    }
    const signedUrl = delivery.signWithDefaultPort ? (alternatePortUrl(url) ?? url) : url;
    const signature = await verifierFor(delivery.signWith ?? options.authToken).sign(signedUrl, signedParams);
    const headers: Record<string, string> = { 'user-agent': 'TwilioProxy/1.1' };
    if (contentType !== null) headers['content-type'] = contentType;
    if (!delivery.unsigned) headers['x-twilio-signature'] = delivery.tamper ? tamperSignature(signature) : signature;
    if (delivery.idempotencyToken !== undefined) headers['i-twilio-idempotency-token'] = delivery.idempotencyToken;
    let target = url;
    if (delivery.deliverTo !== undefined) {
      const signed = new URL(url);
      target = delivery.deliverTo + signed.pathname + signed.search;
    }
    return new Request(target, { method, headers, ...(body !== null ? { body } : {}) });
  }

  function messageParams(input: InboundMessageInput, media: ReadonlyArray<{ url: string; contentType: string }>): Array<[string, string]> {
    const messageSid = input.messageSid ?? nextSid(media.length > 0 ? 'MM' : 'SM');
    const params: Array<[string, string]> = [
      ['ApiVersion', '2010-04-01'],
      ['SmsMessageSid', messageSid],
      ['NumMedia', String(media.length)],
      ['SmsSid', messageSid],
      ['SmsStatus', 'received'],
      ['Body', input.body ?? ''],
      ['To', input.to],
      ['NumSegments', '1'],
      ['MessageSid', messageSid],
      ['From', input.from],
    ];
    if (input.messagingServiceSid !== undefined) params.push(['MessagingServiceSid', input.messagingServiceSid]);
    media.forEach((item, index) => {
      params.push([`MediaContentType${index}`, item.contentType], [`MediaUrl${index}`, item.url]);
    });
    return params;
  }

  return {
    signedRequest,
    inboundSms(input, delivery) {
      return signedRequest(messageParams(input, []), delivery);
    },
    inboundMms(input, delivery) {
      return signedRequest(messageParams(input, input.media ?? []), delivery);
    },
    inboundWhatsApp(input, delivery) {
      const from = input.from.startsWith('whatsapp:') ? input.from : `whatsapp:${input.from}`;
      const to = input.to.startsWith('whatsapp:') ? input.to : `whatsapp:${input.to}`;
      const params = messageParams({ ...input, from, to }, input.media ?? []);
      params.push(['WaId', from.replace(/^whatsapp:\+?/, '')]);
      if (input.profileName !== undefined) params.push(['ProfileName', input.profileName]);
      return signedRequest(params, delivery);
    },
    messageStatus(input, delivery) {
      const params: Array<[string, string]> = [
        ['ApiVersion', '2010-04-01'],
        ['MessageStatus', input.status],
        ['SmsSid', input.messageSid],
        ['SmsStatus', input.status],
        ['To', input.to],
        ['MessageSid', input.messageSid],
        ['From', input.from],
      ];
      if (input.to.startsWith('whatsapp:')) params.push(['ChannelPrefix', 'whatsapp']);
      if (input.errorCode !== undefined) params.push(['ErrorCode', input.errorCode]);
      return signedRequest(params, delivery);
    },
    incomingCall(input, delivery) {
      const params: Array<[string, string]> = [
        ['ApiVersion', '2010-04-01'],
        ['CallSid', input.callSid ?? nextSid('CA')],
        ['CallStatus', 'ringing'],
        ['Called', input.to],
        ['Caller', input.from],
        ['Direction', 'inbound'],
        ['From', input.from],
        ['To', input.to],
      ];
      if (input.callerName !== undefined) params.push(['CallerName', input.callerName]);
      return signedRequest(params, delivery);
    },
    callStatus(input, delivery) {
      const params: Array<[string, string]> = [
        ['ApiVersion', '2010-04-01'],
        ['CallSid', input.callSid],
        ['CallStatus', input.status],
        ['CallbackSource', 'call-progress-events'],
        ['Direction', input.direction ?? 'inbound'],
        ['From', input.from],
        ['To', input.to],
        ['SequenceNumber', String(input.sequenceNumber)],
        ['Timestamp', twilioDate(input.timestamp)],
      ];
      if (input.callDuration !== undefined) params.push(['CallDuration', String(input.callDuration)], ['Duration', String(Math.ceil(input.callDuration / 60))]);
      if (input.parentCallSid !== undefined) params.push(['ParentCallSid', input.parentCallSid]);
      if (input.recording !== undefined) {
        const { recordingSid, durationSeconds } = input.recording;
        const account = delivery?.accountSid ?? options.accountSid;
        params.push(
          ['RecordingDuration', String(durationSeconds)],
          ['RecordingSid', recordingSid],
          ['RecordingUrl', `https://api.twilio.com/2010-04-01/Accounts/${account}/Recordings/${recordingSid}`],
        );
      }
      return signedRequest(params, delivery);
    },
    enqueueAction(input, delivery) {
      return signedRequest(
        [
          ['ApiVersion', '2010-04-01'],
          ['CallSid', input.callSid],
          ['CallStatus', input.queueResult === 'hangup' ? 'completed' : 'in-progress'],
          ['Direction', 'inbound'],
          ['From', input.from],
          ['To', input.to],
          ['QueueResult', input.queueResult],
          ['QueueSid', input.queueSid ?? twilioSid('QU', 1)],
          ['QueueTime', String(input.queueTime)],
        ],
        delivery,
      );
    },
    dialAction(input, delivery) {
      // Dial action parameters: https://www.twilio.com/docs/voice/twiml/dial#action
      const bridged = input.dialCallStatus === 'completed' || input.dialCallStatus === 'answered';
      const params: Array<[string, string]> = [
        ['ApiVersion', '2010-04-01'],
        ['CallSid', input.callSid],
        ['CallStatus', input.callStatus ?? 'in-progress'],
        ['DialBridged', String(bridged)],
        ['DialCallSid', input.dialCallSid ?? nextSid('CA')],
        ['DialCallStatus', input.dialCallStatus],
        ['Direction', 'inbound'],
        ['From', input.from],
        ['To', input.to],
      ];
      if (bridged) params.push(['DialCallDuration', String(input.dialCallDuration ?? 0)]);
      return signedRequest(params, delivery);
    },
    recording(input, delivery) {
      const recordingSid = input.recordingSid ?? nextSid('RE');
      const params: Array<[string, string]> = [
        ['CallSid', input.callSid],
        ['RecordingSid', recordingSid],
        ['RecordingUrl', `https://api.twilio.com/2010-04-01/Accounts/${delivery?.accountSid ?? options.accountSid}/Recordings/${recordingSid}`],
        ['RecordingDuration', String(input.durationSeconds)],
      ];
      if (input.status !== undefined) params.push(['RecordingSource', input.source ?? 'RecordVerb'], ['RecordingStatus', input.status]);
      if (input.withCaller !== false) params.push(['From', input.from], ['To', input.to], ['Direction', 'inbound'], ['CallStatus', 'completed']);
      return signedRequest(params, delivery);
    },
  };
}
