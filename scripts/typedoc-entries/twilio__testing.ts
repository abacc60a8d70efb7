/**
 * The Twilio testing kit: webhook builders that sign like Twilio and an msw fake of the Messages and Calls APIs.
 * @module @throughline/twilio/testing
 */
export * from '../../packages/twilio/src/testing/index';
