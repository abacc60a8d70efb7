export { createTwilio, type TwilioAdapter } from './create-twilio';
export { fetchTwilioMedia, type FetchTwilioMediaContext } from './messaging/fetch-twilio-media';
export { messageChannel } from './messaging/message-channel';
export { messageStatusRank } from './messaging/message-status-rank';
export { countSmsSegments, type SmsSegmentCount } from './messaging/segment-count';
export { assertWhatsAppWindowOpen, isWhatsAppWindowOpen, whatsAppWindowMs } from './messaging/whatsapp-window';
export { type ConcurrencyLimit, createConcurrencyLimit } from './rest/concurrency-limit';
export { createTwilioRestClient, type TwilioRestClient, type TwilioRestRequest } from './rest/twilio-rest-client';
export { encodeFormParams, parseFormParams, type TwilioParams } from './signature/form-params';
export {
  alternatePortUrl,
  createTwilioSignatureVerifier,
  type TwilioSignatureMatch,
  type TwilioSignatureVerifier,
  type TwilioSignedRequest,
  twilioStringToSign,
} from './signature/twilio-signature';
export { MediaHostNotAllowedError, TwilioSendError, type TwilioSendFailure, WhatsAppWindowClosedError } from './twilio-errors';
export { defaultTwilioMediaHosts, resolveTwilioSettings, type ResolvedTwilioSettings, type TwilioSettings } from './twilio-settings';
export { signedWebhookUrl } from './verify-twilio-webhook';
export { callStartParameter, withCallStart } from './voice/enqueue-call-start';
export { emptyTwiml, type EnqueueTwimlOptions, enqueueTwiml, escapeXml, twimlResponse, type VoicemailTwimlOptions, voicemailTwiml } from './voice/twiml';
export {
  defaultVoiceAnswer,
  type VoiceAnswer,
  type VoiceCall,
  type VoiceCallContext,
  type VoiceResponder,
} from './voice/voice-responder';
