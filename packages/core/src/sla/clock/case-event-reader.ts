import type { TimelineEvent } from '../../model/timeline-event';
import { type CaseSlaInput, readCaseSlaInput } from './case-sla-input';
import { slaInputOf } from './sla-fold-cache';

/** A case's events as the SLA evaluation needs them. */
export interface CaseEventReading {
  /** Clock inputs, in the order the events were listed. */
  readonly inputs: CaseSlaInput[];
  /** The SLA events among them. */
  readonly stored: TimelineEvent[];
  /** Customer of the first listed (newest) event that is not an SLA event; undefined when there is none. */
  readonly customerId: string | undefined;
}

const OTHER = 0;
const CLOCK = 1;
const SLA = 2;

/** A case's list as last read: the event objects and what each meant. */
interface KnownList {
  readonly events: readonly TimelineEvent[];
  readonly kinds: Uint8Array;
  readonly inputs: readonly (CaseSlaInput | undefined)[];
}

/** Known events skipped while aligning a new list with the last one (SLA events taken back since). */
const LOOKAHEAD = 4;
/** Reads without a single same object before the store is taken to hand out new objects every time. */
const FRESH_AFTER = 32;

function isSlaEvent(event: TimelineEvent): boolean {
  return event.type === 'sla.applied' || event.type === 'sla.warning' || event.type === 'sla.breached' || event.type === 'sla.fulfilled';
}

/**
 * Reads a case's listed events into clock inputs and stored SLA events, reusing what it learned
 * about the very same event objects the last time the case was read, so a store that hands out
 * the objects it holds (the memory store) costs one pointer comparison per old event instead of
 * reading it again. Lists are aligned oldest first; any event not matched is read afresh, so the
 * reading is always exactly that of the list. Stores that hand out new objects on every read are
 * noticed, and then no lists are kept (they would hold the events' bodies in memory).
 */
export class CaseEventReader {
  private readonly lists = new Map<string, KnownList>();
  private readonly capacity: number;
  private objects: 'unknown' | 'stable' | 'fresh' = 'unknown';
  private readsWithoutMatch = 0;

  /**
   * Creates a reader that remembers no case yet.
   *
   * @param capacity - Most cases remembered (least recently read go first; default 10,000).
   */
  constructor(capacity = 10_000) {
    this.capacity = capacity;
  }

  /**
   * Reads a case's events.
   *
   * @param key - The case (tenant and case id).
   * @param events - Every event of the case, as the store lists them (newest first is cheapest).
   * @returns The clock inputs, SLA events and the newest event's customer.
   */
  read(key: string, events: readonly TimelineEvent[]): CaseEventReading {
    const known = this.objects === 'fresh' ? undefined : this.lists.get(key);
    if (known !== undefined) this.lists.delete(key);
    const count = events.length;
    const kinds = new Uint8Array(count);
    const inputsAt = new Array<CaseSlaInput | undefined>(count);
    let matches = 0;
    let next = known === undefined ? -1 : known.events.length - 1;
    for (let index = count - 1; index >= 0; index--) {
      const event = events[index]!;
      let found = -1;
      for (let probe = next; probe >= 0 && probe > next - LOOKAHEAD; probe--) {
        if (known!.events[probe] === event) {
          found = probe;
          break;
        }
      }
      if (found >= 0) {
        kinds[index] = known!.kinds[found]!;
        inputsAt[index] = known!.inputs[found];
        next = found - 1;
        matches += 1;
      } else if (isSlaEvent(event)) {
        kinds[index] = SLA;
      } else {
        const input = this.objects === 'fresh' ? readCaseSlaInput(event) : slaInputOf(event);
        kinds[index] = input === undefined ? OTHER : CLOCK;
        inputsAt[index] = input;
      }
    }
    this.learn(known, matches);
    const inputs: CaseSlaInput[] = [];
    const stored: TimelineEvent[] = [];
    let customerId: string | undefined;
    for (let index = 0; index < count; index++) {
      const kind = kinds[index]!;
      if (kind === SLA) {
        stored.push(events[index]!);
        continue;
      }
      customerId ??= events[index]!.customerId;
      if (kind === CLOCK) inputs.push(inputsAt[index]!);
    }
    if (this.objects !== 'fresh') {
      this.lists.set(key, { events, kinds, inputs: inputsAt });
      if (this.lists.size > this.capacity) this.lists.delete(this.lists.keys().next().value!);
    }
    return { inputs, stored, customerId };
  }

  /**
   * Forgets a case.
   *
   * @param key - The case key given to {@link CaseEventReader.read}.
   */
  forget(key: string): void {
    this.lists.delete(key);
  }

  private learn(known: KnownList | undefined, matches: number): void {
    if (this.objects !== 'unknown' || known === undefined || known.events.length === 0) return;
    if (matches > 0) {
      this.objects = 'stable';
      return;
    }
    this.readsWithoutMatch += 1;
    if (this.readsWithoutMatch >= FRESH_AFTER) {
      this.objects = 'fresh';
      this.lists.clear();
    }
  }
}
