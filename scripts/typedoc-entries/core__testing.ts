/**
 * The contract suites every adapter and store passes (`describeChannelAdapter`, `describeStore`), for vitest.
 * @module @throughline/core/testing
 */
export * from '../../packages/core/src/testing/index';
