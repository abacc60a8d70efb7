/**
 * Throughline adapter for Twilio: SMS, MMS, WhatsApp and voice on the customer timeline, signed-webhook verification, channel-aware sends and backfill.
 * @module @throughline/twilio
 */
export * from '../../packages/twilio/src/index';
