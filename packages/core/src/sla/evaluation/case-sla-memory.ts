import type { TimelineEvent } from '../../model/timeline-event';
import { type CaseSlaInput, compareCaseSlaInputs, sameCaseSlaInput, sortCaseSlaInputs } from '../clock/case-sla-input';
import { CaseSlaFolder } from '../clock/case-sla-folder';
import type { PendingSlaEvent } from '../clock/sla-clock-state';
import type { SlaFoldContext } from '../clock/sla-fold-context';
import { CaseTimelineMirror } from './case-timeline-mirror';
import { SlaWriteReceipt } from './sla-write-receipt';

/** Tells whether inputs in fold order all come after the last folded one, each id once, naming the fold's customer. */
function continuesFold(folded: readonly CaseSlaInput[], customerId: string, next: readonly CaseSlaInput[]): boolean {
  const last = folded[folded.length - 1];
  if (last !== undefined && compareCaseSlaInputs(last, next[0]!) >= 0) return false;
  for (let index = 1; index < next.length; index++) if (next[index - 1]!.id === next[index]!.id) return false;
  return next[next.length - 1]!.customerId === customerId;
}

/** Tells whether sorted inputs begin with the folded ones (equal in all the fold reads) and keep the fold's customer. */
function extendsFold(folded: readonly CaseSlaInput[], customerId: string, sorted: readonly CaseSlaInput[]): boolean {
  if (folded.length > sorted.length || sorted[sorted.length - 1]!.customerId !== customerId) return false;
  for (let index = folded.length - 1; index >= 0; index--) if (!sameCaseSlaInput(folded[index]!, sorted[index]!)) return false;
  return true;
}

/**
 * What the SLA evaluation remembers of one case between two evaluations: the mirror of its stored
 * timeline, the fold over its clock inputs (resumed when new inputs come after everything folded),
 * the SLA events and timers stored for it, and the receipt of the evaluation that wrote them.
 */
export class CaseSlaMemory {
  /** The case's stored events as last seen, the evaluation's own writes included. */
  readonly mirror = new CaseTimelineMirror();
  /** SLA events stored for the case after the last evaluation's writes (valid only after a fast reading; a full reading takes them from the list). */
  stored: readonly TimelineEvent[] = [];
  /** Pending warnings and breaches whose timers the last evaluation left in the store, when known. */
  timers: readonly PendingSlaEvent[] | undefined;
  /** The last evaluation's transaction: proves it committed before state derived in it is trusted without reading. */
  receipt: SlaWriteReceipt = SlaWriteReceipt.unknown;
  /** Whether that transaction wrote anything to this case (otherwise nothing here depends on its commit). */
  wroteInLast = true;
  /** An event object that transaction wrote to this case: listed again as that very object, it proves the commit. */
  witness: TimelineEvent | undefined;
  private folder: CaseSlaFolder | undefined;
  private folded: CaseSlaInput[] = [];
  private tier: string | null = null;

  /** How the fold was brought up to date so far (for benchmarks and tests). */
  readonly stats = { resumed: 0, refolded: 0 };

  /**
   * Brings the fold up to date with the mirror.
   *
   * @param context - Policies, calendars and warning share.
   * @param newInputs - Clock inputs mirrored since the last fold, when the mirror was only extended; `undefined` after it was rebuilt.
   * @param customerTier - The tier of the customer SLA events name.
   * @returns The fold after the case's last input, or `undefined` when the case has none.
   * @throws SlaError (`unknown_calendar`) when an applied policy names a calendar that is not given (the fold is then dropped).
   */
  fold(context: SlaFoldContext, newInputs: CaseSlaInput[] | undefined, customerTier: string | null): CaseSlaFolder | undefined {
    const folder = this.folder;
    // Taken out while folding: a fold that throws half-way leaves no half-folded state behind.
    this.folder = undefined;
    if (folder !== undefined && newInputs !== undefined && customerTier === this.tier) {
      if (newInputs.length > 1) newInputs.sort(compareCaseSlaInputs);
      if (newInputs.length === 0 || continuesFold(this.folded, folder.customerId, newInputs)) {
        for (let index = 0; index < newInputs.length; index++) folder.add(newInputs[index]!);
        for (let index = 0; index < newInputs.length; index++) this.folded.push(newInputs[index]!);
        this.stats.resumed += 1;
        this.folder = folder;
        return folder;
      }
    }
    const sorted = sortCaseSlaInputs(this.mirror.clockInputs());
    if (sorted.length === 0) {
      this.folded = [];
      return undefined;
    }
    let next: CaseSlaFolder;
    let from = 0;
    if (folder !== undefined && customerTier === this.tier && extendsFold(this.folded, folder.customerId, sorted)) {
      next = folder;
      from = this.folded.length;
      this.stats.resumed += 1;
    } else {
      next = new CaseSlaFolder(context, sorted[0]!, sorted[sorted.length - 1]!.customerId, customerTier);
      this.stats.refolded += 1;
    }
    for (let index = from; index < sorted.length; index++) next.add(sorted[index]!);
    this.folded = sorted;
    this.tier = customerTier;
    this.folder = next;
    return next;
  }
}
