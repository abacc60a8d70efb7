/**
 * Node `http` to Web `Request`/`Response` translation: `toNodeHandler(throughline.webhooks.handle)`.
 * @module @throughline/core/node
 */
export * from '../../packages/core/src/node/index';
