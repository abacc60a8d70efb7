export { type ChannelAdapterContractOptions, describeChannelAdapter } from './describe-channel-adapter';
export { readDelivery } from './read-delivery';
export { createMockAdapter, type MockAdapterSettings, type MockDeliveryBody, signMockDelivery } from './mock-adapter';
export { createTestClock, type TestClock } from './test-clock';
export { type DescribeStoreOptions, describeStore } from './describe-store';
export { seededRandom } from '../random/seeded-random';
