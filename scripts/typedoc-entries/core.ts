/**
 * Throughline core: the unified support model, identity resolution, cases, timeline, SLA engine, ingest pipeline and channel-adapter contract.
 * @module @throughline/core
 */
export * from '../../packages/core/src/index';
