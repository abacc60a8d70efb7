import { ValidationError } from '@throughline/core/adapter';
import { fromBase64, toBase64 } from '@throughline/core/adapter-utils';

/** The streams a Shopify backfill walks, in order. */
export type BackfillStream = 'customers' | 'orders';

/** Where a backfill stands: which stream, and the GraphQL cursor inside it. */
export interface BackfillPosition {
  /** The stream being read. */
  stream: BackfillStream;
  /** The `endCursor` of the last page read in that stream; null for its first page. */
  after: string | null;
}

/**
 * Encodes a backfill position as the opaque cursor the core checkpoints.
 * @param position - stream and GraphQL cursor
 * @returns a URL-safe string such as `v1.orders.ZXlK…`
 * @example
 * ```ts
 * encodeBackfillCursor({ stream: 'orders', after: null }); // 'v1.orders.'
 * ```
 */
export function encodeBackfillCursor(position: BackfillPosition): string {
  const after =
    position.after === null
      ? ''
      : toBase64(new TextEncoder().encode(position.after))
          .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `v1.${position.stream}.${after}`;
}

/**
 * Reads a cursor written by `encodeBackfillCursor`.
 * @param cursor - the checkpointed cursor
 * @returns the position
 * @throws {ValidationError} when the cursor was not written by this adapter
 * @example
 * ```ts
 * decodeBackfillCursor(encodeBackfillCursor({ stream: 'customers', after: 'eyJsYXN0X2lkIjo0Mn0=' }));
 * // { stream: 'customers', after: 'eyJsYXN0X2lkIjo0Mn0=' }
 * ```
 */
export function decodeBackfillCursor(cursor: string): BackfillPosition {
  const match = /^v1\.(customers|orders)\.([A-Za-z0-9_-]*)$/.exec(cursor);
  if (!match) {
    throw new ValidationError('Shopify backfill cursor is invalid', [{ path: ['cursor'], message: 'not a Shopify backfill cursor' }]);
  }
  const encoded = match[2]!;
  let after: string | null = null;
  if (encoded !== '') {
    const bytes = fromBase64(encoded.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(encoded.length / 4) * 4, '='));
    if (bytes === null) {
      throw new ValidationError('Shopify backfill cursor is invalid', [{ path: ['cursor'], message: 'cursor is not base64url' }]);
    }
    after = new TextDecoder().decode(bytes);
  }
  return { stream: match[1] as BackfillStream, after };
}
