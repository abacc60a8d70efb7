import type { TimelineEvent } from '../../model/timeline-event';

/**
 * What one SLA evaluation (one store transaction) wrote, kept so a later evaluation can tell
 * whether that transaction committed before it trusts state derived in it without reading the
 * store again. A rolled-back transaction leaves none of its writes behind, so one event object it
 * wrote (its witness) still stored as that very object proves the commit; a transaction that
 * wrote no event and removed nothing needs no proof. Stores that hand out new objects on every
 * read never prove anything this way, and their evaluations always read (the SQLite store hands
 * back the event objects it wrote while its file holds them; PostgreSQL stores never do).
 */
export class SlaWriteReceipt {
  /** A receipt for reads and evaluations whose writes are not all known: it never confirms. */
  static readonly unknown: SlaWriteReceipt = SlaWriteReceipt.never();

  private static never(): SlaWriteReceipt {
    const receipt = new SlaWriteReceipt(false);
    receipt.committed = false;
    return receipt;
  }

  private readonly complete: boolean;
  private witness: TimelineEvent | undefined;
  private unwitnessedWrite = false;
  private committed: boolean | undefined;

  /**
   * Starts a receipt for one evaluation.
   *
   * @param complete - Whether every write of the transaction to the cases evaluated is known (told by the ingest pipeline, or the evaluation's own).
   */
  constructor(complete: boolean) {
    this.complete = complete;
  }

  /**
   * Notes an event object the transaction wrote.
   *
   * @param event - The event, as given to the store.
   */
  wrote(event: TimelineEvent): void {
    if (this.complete) this.witness ??= event;
  }

  /** Notes a write that leaves no event object to look up (a removal, a move, a timer). */
  unwitnessed(): void {
    if (this.complete) this.unwitnessedWrite = true;
  }

  /** Whether the transaction is known to have committed (`true`), known not to (`false`), or not asked yet (`undefined`). */
  get known(): boolean | undefined {
    return this.committed;
  }

  /** Records that the transaction is proven committed (one of its event objects was read back). */
  confirm(): void {
    if (this.complete) {
      this.committed = true;
      this.witness = undefined;
    }
  }

  /**
   * Tells whether the transaction committed, asking the store at most once.
   *
   * @param holds - Whether the store (or a later transaction) holds that very event object.
   * @returns `true` when it is proven committed.
   */
  async isCommitted(holds: (event: TimelineEvent) => Promise<boolean>): Promise<boolean> {
    if (this.committed !== undefined) return this.committed;
    let committed: boolean;
    if (!this.complete) committed = false;
    else if (this.witness !== undefined) committed = await holds(this.witness);
    else committed = !this.unwitnessedWrite;
    this.committed = committed;
    // Proven once: the witness need not be held any longer.
    this.witness = undefined;
    return committed;
  }
}
