import { afterAll, describe } from 'vitest';
import { describeStore } from '@throughline/core/testing';
import { createPostgresStore } from './postgres-store';
import { dropSchemas, testDatabaseUrl, testSchemaName, truncateSchema, warnWhenSkipped } from './test-database';

warnWhenSkipped('postgres-store.contract.test.ts');
// One schema for the file, emptied after every test: the contract wants a fresh, empty store each time.
const schema = testSchemaName('contract');
afterAll(() => dropSchemas([schema]));

describe.skipIf(!testDatabaseUrl)('PostgreSQL', () => {
  describeStore('postgres', () => createPostgresStore({ url: testDatabaseUrl ?? '', schema, max: 4 }), { teardown: () => truncateSchema(schema) });
});
