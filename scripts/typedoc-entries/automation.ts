/**
 * Throughline automation: multilingual order-status recognition and answers, knowledge-base suggestions, bot-to-human handoff and proactive shipment-delay notices.
 * @module @throughline/automation
 */
export * from '../../packages/automation/src/index';
