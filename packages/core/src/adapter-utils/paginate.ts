/** Fetches one page given the cursor of the previous one (null first). */
export type PageFetcher<T> = (cursor: string | null) => Promise<{
  /** The records of the page. */
  items: T[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}>;

/**
 * Walks a cursor-paginated collection page by page until the platform says there is no next page.
 * @param fetchPage - fetches one page
 * @param startCursor - where to resume (a checkpoint), null for the beginning
 * @returns an async iterator of pages with the cursor that follows each
 * @throws Error when the platform hands back a cursor it already gave (the walk would never end)
 * @example
 * ```ts
 * for await (const page of paginate((cursor) => listTickets(cursor))) handle(page.items);
 * ```
 */
export async function* paginate<T>(
  fetchPage: PageFetcher<T>,
  startCursor: string | null = null,
): AsyncGenerator<{
  /** The records of the page. */
  items: T[];
  /** The cursor that follows the page (checkpoint it to resume); null on the last page. */
  nextCursor: string | null;
}> {
  let cursor = startCursor;
  const seen = new Set<string>();
  while (true) {
    const page = await fetchPage(cursor);
    yield page;
    if (page.nextCursor === null) return;
    // A platform repeating a cursor would loop forever: stop instead.
    if (seen.has(page.nextCursor)) throw new Error(`Pagination repeated cursor ${page.nextCursor}`);
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
