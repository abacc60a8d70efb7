export { type ConnectAutomationOptions, type ConnectedAutomation, connectAutomation } from './connect-automation';
export { createStoreOrderLookup } from './store-order-lookup';
