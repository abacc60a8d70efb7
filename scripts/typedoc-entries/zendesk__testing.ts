/**
 * The Zendesk testing kit: a fake account, signed event and trigger webhook builders and msw handlers with Zendesk's rate limits.
 * @module @throughline/zendesk/testing
 */
export * from '../../packages/zendesk/src/testing/index';
