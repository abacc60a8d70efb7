import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSyncCursor, encodeSyncCursor, type SyncCursor, zendeskSyncStreams } from './sync-cursor';

describe('sync cursor', () => {
  it('round-trips any position as a URL-safe string', () => {
    fc.assert(
      fc.property(
        fc.record({
          v: fc.constant(1 as const),
          stream: fc.constantFrom(...zendeskSyncStreams),
          after: fc.option(fc.string(), { nil: null }),
          startTime: fc.nat(),
          seen: fc.array(fc.string()),
        }),
        (cursor: SyncCursor) => {
          const text = encodeSyncCursor(cursor);
          expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
          expect(decodeSyncCursor(text)).toEqual(cursor);
        },
      ),
    );
  });

  it('refuses text that is not one of its cursors', () => {
    for (const text of ['', 'abc', encodeSyncCursor({ v: 1, stream: 'users', after: null, startTime: 0, seen: [] }).slice(0, -3), btoa('{"v":2}')]) {
      expect(() => decodeSyncCursor(text)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    }
  });
});
