/**
 * Throughline adapter for Zendesk: tickets into cases, replies and notes out, paced incremental sync, SLA policy and schedule import.
 * @module @throughline/zendesk
 */
export * from '../../packages/zendesk/src/index';
