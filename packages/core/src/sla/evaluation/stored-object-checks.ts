import type { TimelineEvent } from '../../model/timeline-event';
import type { StoreReader } from '../../store/timeline-store';

/** Failed checks in a row, with none ever succeeding, after which the checks stop. */
const giveUpAfter = 64;
/** Once stopped, one evaluation in this many checks again (a store that starts succeeding is noticed). */
const retryEvery = 1024;

/**
 * Whether reading an event back as the very object written is worth a store read. It proves a
 * remembered case current, so the case is not listed, but only on stores that hand back the objects
 * they were given (the memory store; SQLite for its recent writes). On a store that never does
 * (PostgreSQL) every check fails and costs a round trip, so after {@link giveUpAfter} failures with
 * no success the checks stop, and the case is listed straight away; one evaluation in
 * {@link retryEvery} still checks. Skipping a check only ever means listing the case: the clocks
 * come out the same either way.
 */
export class StoredObjectChecks {
  private successes = 0;
  private failuresInRow = 0;
  private skipped = 0;

  /**
   * Whether to check at all this time.
   *
   * @returns `false` while checks are given up (then the caller lists the case).
   */
  worthTrying(): boolean {
    if (this.successes > 0 || this.failuresInRow < giveUpAfter) return true;
    this.skipped += 1;
    if (this.skipped < retryEvery) return false;
    this.skipped = 0;
    return true;
  }

  /**
   * Reads an event back and tells whether the store holds that very object, counting the outcome.
   *
   * @param reader - The store or transaction.
   * @param event - An event object this process wrote or read earlier.
   * @returns `true` when the store handed back the same object.
   */
  async holds(reader: StoreReader, event: TimelineEvent): Promise<boolean> {
    const same = (await reader.getEvent(event.tenantId, event.id)) === event;
    if (same) {
      this.successes += 1;
      this.failuresInRow = 0;
    } else {
      this.failuresInRow += 1;
    }
    return same;
  }
}
