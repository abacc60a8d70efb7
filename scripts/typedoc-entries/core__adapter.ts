/**
 * The channel-adapter contract (`ChannelAdapterV1`), the unified event schemas and the error classes: what an adapter imports from the core. It imports nothing from the engine.
 * @module @throughline/core/adapter
 */
export * from '../../packages/core/src/adapter/index';
