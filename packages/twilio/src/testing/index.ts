export {
  createTwilioFake,
  type FakeTwilioCall,
  type FakeTwilioMessage,
  type FakeTwilioRequest,
  type SeedCall,
  type SeedMessage,
  type TwilioFake,
  type TwilioFakeOptions,
} from './twilio-fake';
export { twilioDate, twilioSid } from './twilio-sids';
export {
  createTwilioWebhookBuilder,
  type InboundMessageInput,
  type TwilioDeliveryOptions,
  type TwilioWebhookBuilder,
  type TwilioWebhookBuilderOptions,
} from './twilio-webhook-builder';
