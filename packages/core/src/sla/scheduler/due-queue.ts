/** A min-heap of items ordered by instant (then insertion order): the scheduler's timer queue. */
export interface DueQueue<T> {
  /** Number of queued items (stale ones included until popped). */
  readonly size: number;
  /** Adds an item due at an instant. */
  push(at: number, item: T): void;
  /** The earliest item without removing it. */
  peek(): { at: number; item: T } | undefined;
  /** Removes and returns the earliest item. */
  pop(): { at: number; item: T } | undefined;
}

interface Entry<T> {
  readonly at: number;
  readonly sequence: number;
  readonly item: T;
}

/**
 * Creates an empty due queue.
 *
 * @returns The queue.
 */
export function createDueQueue<T>(): DueQueue<T> {
  const heap: Entry<T>[] = [];
  let sequence = 0;
  const before = (left: Entry<T>, right: Entry<T>) =>
    left.at < right.at || (left.at === right.at && left.sequence < right.sequence);
  const swap = (i: number, j: number) => {
    const held = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = held;
  };
  return {
    get size() {
      return heap.length;
    },
    push(at, item) {
      heap.push({ at, sequence: sequence++, item });
      let index = heap.length - 1;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        if (!before(heap[index]!, heap[parent]!)) break;
        swap(index, parent);
        index = parent;
      }
    },
    peek() {
      const top = heap[0];
      return top ? { at: top.at, item: top.item } : undefined;
    },
    pop() {
      const top = heap[0];
      if (!top) return undefined;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let index = 0;
        for (;;) {
          const left = index * 2 + 1;
          const right = left + 1;
          let smallest = index;
          if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
          if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
          if (smallest === index) break;
          swap(index, smallest);
          index = smallest;
        }
      }
      return { at: top.at, item: top.item };
    },
  };
}
