/**
 * Fakes usable outside a test runner: a mock platform adapter, signed mock deliveries and a controllable clock.
 * @module @throughline/core/testing/fakes
 */
export * from '../../packages/core/src/testing/fakes';
