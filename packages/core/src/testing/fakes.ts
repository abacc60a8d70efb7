export { createMockAdapter, type MockAdapterSettings, type MockDeliveryBody, signMockDelivery } from './mock-adapter';
export { createTestClock, type TestClock } from './test-clock';
export { readDelivery } from './read-delivery';
export { seededRandom } from '../random/seeded-random';
