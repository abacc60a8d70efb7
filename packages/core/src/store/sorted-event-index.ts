/**
 * Canonical position of an event on a timeline: `occurredAt|id`. Canonical ISO instants in UTC
 * sort as text, so positions compare with `<` in time order, the event id breaking ties.
 * @param event - the event, or any position with its instant and id (a decoded cursor)
 * @returns the position text
 * @example
 * ```ts
 * eventPosition({ occurredAt: '2025-11-28T09:00:00.000Z', id: 'evt_1' }); // '2025-11-28T09:00:00.000Z|evt_1'
 * ```
 */
export function eventPosition(event: { occurredAt: string; id: string }): string {
  return `${event.occurredAt}|${event.id}`;
}

/** Event ids kept in canonical order, for newest-first pages without sorting on read. */
export class SortedEventIndex {
  private readonly positions: string[] = [];

  /** Number of entries. */
  get size(): number {
    return this.positions.length;
  }

  private search(position: string): number {
    let low = 0;
    let high = this.positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.positions[middle]! < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Adds a position (no-op when present). */
  add(position: string): void {
    const last = this.positions[this.positions.length - 1];
    if (last === undefined || last < position) {
      this.positions.push(position);
      return;
    }
    const at = this.search(position);
    if (this.positions[at] !== position) this.positions.splice(at, 0, position);
  }

  /** Removes a position (no-op when absent). */
  remove(position: string): void {
    const at = this.search(position);
    if (this.positions[at] === position) this.positions.splice(at, 1);
  }

  /** Positions strictly before `before` (or all), newest first. */
  *newestFirst(before?: string): Generator<string> {
    let index = before === undefined ? this.positions.length - 1 : this.search(before) - 1;
    for (; index >= 0; index--) yield this.positions[index]!;
  }

  /** All positions, oldest first. */
  all(): ReadonlyArray<string> {
    return this.positions;
  }
}

/**
 * The event id part of a position made by `eventPosition`.
 * @param position - `occurredAt|id`
 * @returns the id (everything after the first `|`)
 * @example
 * ```ts
 * idOfPosition('2025-11-28T09:00:00.000Z|evt_1'); // 'evt_1'
 * ```
 */
export function idOfPosition(position: string): string {
  return position.slice(position.indexOf('|') + 1);
}
