/**
 * In-memory fakes of the automation runtime's ports, for tests.
 * @module @throughline/automation/testing
 */
export * from '../../packages/automation/src/testing/index';
