import type { Customer, SlaClockSummary, SupportCase, TimelineEvent } from '@throughline/core/adapter';

/** The call a voice decision is about. */
export interface VoiceCall {
  /** Twilio's id of the call (`CA…`). */
  callSid: string;
  /** The Twilio account the call came to (`AC…`). */
  accountSid: string;
  /** The caller's number as Twilio gave it. */
  from: string | null;
  /** The number called. */
  to: string | null;
  /** Whether the customer called in or was called. */
  direction: 'inbound' | 'outbound';
  /** Caller ID name, when the number has one. */
  callerName: string | null;
}

/** What the `voiceResponder` hook knows when a call comes in: the caller as Throughline recognised them. */
export interface VoiceCallContext {
  /** The tenant the Twilio account maps to. */
  tenantId: string;
  /** The call being answered. */
  call: VoiceCall;
  /** The recognised customer, or null for a caller never seen before. */
  customer: Customer | null;
  /** Their open case after this call joined it. */
  openCase: SupportCase | null;
  /** The open case's SLA clocks, soonest due first. */
  slaClocks: ReadonlyArray<SlaClockSummary>;
  /** Events this delivery placed on the timeline. */
  events: ReadonlyArray<TimelineEvent>;
  /** The queue configured in the settings. */
  defaultQueue: string;
  /** The current time. */
  now: Date;
}

/** How to answer a call: a queue (the adapter wires the action and wait URLs), or TwiML of your own. */
export type VoiceAnswer =
  | {
      /** Put the caller in a queue. */
      kind: 'enqueue';
      /** Queue name. */
      queue: string;
      /** Said before queueing, such as a greeting by name. */
      greeting?: string;
      /** `<Say>` voice. */
      voice?: string;
      /** `<Say>` language. */
      language?: string;
      /** TwiML played while waiting; the configured one when absent. */
      waitUrl?: string;
    }
  | {
      /** Answer with your own TwiML. */
      kind: 'twiml';
      /** A complete TwiML document. */
      twiml: string;
    };

/**
 * Decides how an incoming call is answered; runs after the call is on the timeline, so it sees the
 * customer, their open case and its SLA clocks. When it throws, the default (enqueue) answers instead.
 */
export type VoiceResponder = (context: VoiceCallContext) => VoiceAnswer | Promise<VoiceAnswer>;

/**
 * The default answer: every inbound caller waits in the configured queue.
 * @param context - the call context
 * @returns an enqueue answer
 * @example
 * ```ts
 * // A responder that only changes the answer for VIPs, and otherwise does what the adapter does by default.
 * const voiceResponder: VoiceResponder = (context) =>
 *   context.customer?.tier === 'vip' ? { kind: 'enqueue', queue: 'vip' } : defaultVoiceAnswer(context);
 * ```
 */
export function defaultVoiceAnswer(context: VoiceCallContext): VoiceAnswer {
  return { kind: 'enqueue', queue: context.defaultQueue };
}
