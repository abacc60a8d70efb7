export { type NodeHandlerOptions, toNodeHandler, toWebRequest, writeWebResponse } from './node-handler';
