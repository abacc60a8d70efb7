import type { DeliveryOutcome, IncomingEventOf } from '@throughline/core/adapter';
import type { IncomingCallParams } from '../twilio-api-types';
import type { ResolvedTwilioSettings } from '../twilio-settings';
import { withCallStart } from './enqueue-call-start';
import { enqueueTwiml, twimlResponse } from './twiml';
import { defaultVoiceAnswer, type VoiceAnswer, type VoiceCallContext } from './voice-responder';

/** Everything needed to answer a call once its `call.started` is committed. */
export interface IncomingCallAnswerInput {
  params: IncomingCallParams;
  event: IncomingEventOf<'call.started'>;
  outcome: DeliveryOutcome;
  tenantId: string;
  /** The URL Twilio called: the `<Enqueue>` action reports back to it. */
  callbackUrl: string;
  settings: ResolvedTwilioSettings;
}

/**
 * Builds the TwiML answer for an incoming call: asks the `voiceResponder` hook (with the recognised
 * customer, open case and SLA clocks), falls back to the default queue when there is no hook or it throws,
 * and wires the `<Enqueue>` action callback so queue waits, abandonments and answers reach the timeline (its
 * URL carries the call's start, which places the answer of a bridged caller).
 *
 * @param input - the call, the ingest outcome and the settings
 * @returns the TwiML response
 */
export async function answerIncomingCall(input: IncomingCallAnswerInput): Promise<Response> {
  const { params, event, outcome, settings } = input;
  const context: VoiceCallContext = {
    tenantId: input.tenantId,
    call: {
      callSid: params.CallSid,
      accountSid: params.AccountSid,
      from: params.From ?? null,
      to: params.To ?? null,
      direction: event.data.direction,
      callerName: params.CallerName?.trim() || null,
    },
    customer: outcome.customer,
    openCase: outcome.openCase,
    slaClocks: outcome.slaClocks,
    events: outcome.events,
    defaultQueue: settings.voice.queue,
    now: settings.now(),
  };
  let answer: VoiceAnswer;
  try {
    answer = settings.voiceResponder ? await settings.voiceResponder(context) : defaultVoiceAnswer(context);
  } catch {
    // A caller must never hear an application error: the default queue answers instead.
    answer = defaultVoiceAnswer(context);
  }
  if (answer.kind === 'twiml') return twimlResponse(answer.twiml);
  const waitUrl = answer.waitUrl ?? settings.voice.waitUrl ?? undefined;
  return twimlResponse(
    enqueueTwiml({
      queue: answer.queue,
      actionUrl: withCallStart(settings.voice.actionUrl ?? input.callbackUrl, input.callbackUrl, event.occurredAt),
      ...(answer.greeting !== undefined ? { greeting: answer.greeting } : {}),
      ...(answer.voice !== undefined ? { voice: answer.voice } : {}),
      ...(answer.language !== undefined ? { language: answer.language } : {}),
      ...(waitUrl !== undefined ? { waitUrl } : {}),
    }),
  );
}
