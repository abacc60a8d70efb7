import type { TimelineEvent } from '../../model/timeline-event';
import { type CaseSlaInput, readCaseSlaInput } from '../clock/case-sla-input';

/**
 * Tells whether an event is one the SLA engine writes.
 *
 * @param event - A timeline event.
 * @returns `true` for `sla.applied`, `sla.warning`, `sla.breached` and `sla.fulfilled`.
 */
export function isSlaEvent(event: TimelineEvent): boolean {
  const type = event.type;
  return type === 'sla.applied' || type === 'sla.warning' || type === 'sla.breached' || type === 'sla.fulfilled';
}

/**
 * Orders events as a store keeps a timeline: by `(occurredAt, id)`, oldest first.
 *
 * @param left - An event.
 * @param right - Another event.
 * @returns Negative when `left` comes first, positive when it comes after, zero at the same position.
 */
export function compareTimelinePositions(left: TimelineEvent, right: TimelineEvent): number {
  if (left.occurredAt !== right.occurredAt) return left.occurredAt < right.occurredAt ? -1 : 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

/** How a case's listing compared with the mirror. */
export interface MirrorReading {
  /**
   * Whether every event the mirror held came back as the very same object, in the same order
   * (events it did not hold may sit anywhere between them): the listing is the mirrored one plus
   * new events. Otherwise the mirror was rebuilt from the listing.
   */
  readonly extended: boolean;
  /** Clock inputs of the events the mirror did not hold (all inputs when rebuilt), oldest first. */
  readonly newInputs: CaseSlaInput[];
  /** Whether SLA events the mirror did not hold came back (written elsewhere, or a removal undone). */
  readonly unknownSlaEvents: boolean;
}

/**
 * One case's stored timeline as the SLA evaluation last saw it, oldest first, with what each event
 * means to the clocks (read once per event object). Comparing a new listing with it costs one
 * pointer comparison per known event, and it follows the evaluation's own writes, so the next
 * listing of an unchanged case matches it exactly.
 */
export class CaseTimelineMirror {
  private readonly events: TimelineEvent[] = [];
  private readonly inputs: (CaseSlaInput | null)[] = [];
  /** Whether each event is an SLA event (read once: events come in many shapes, and reading `type` again is not free). */
  private readonly slaFlags: boolean[] = [];

  /** Number of events mirrored. */
  get size(): number {
    return this.events.length;
  }

  /**
   * Compares the case's full listing with the mirror and takes it over.
   *
   * @param list - Every event of the case, newest first by `(occurredAt, id)`, as a store lists them.
   * @returns Whether the listing extends the mirror, and the clock inputs of what is new.
   */
  read(list: readonly TimelineEvent[]): MirrorReading {
    const known = this.events;
    const last = list.length - 1;
    let held = 0;
    // Positions (oldest first) of listed events the mirror does not hold, in increasing order.
    let fresh: number[] | undefined;
    for (let position = 0; position <= last; position++) {
      const event = list[last - position]!;
      if (held < known.length && known[held] === event) {
        held += 1;
        continue;
      }
      fresh ??= [];
      fresh.push(position);
    }
    if (held < known.length) return this.rebuild(list);
    const newInputs: CaseSlaInput[] = [];
    let unknownSlaEvents = false;
    if (fresh !== undefined) {
      // In increasing order, each lands at its position in the listing.
      for (const position of fresh) {
        const event = list[last - position]!;
        const input = this.insertAt(position, event);
        if (input !== null) newInputs.push(input);
        else if (this.slaFlags[position]) unknownSlaEvents = true;
      }
    }
    return { extended: true, newInputs, unknownSlaEvents };
  }

  /**
   * Adds events just written to the case (told, not read), each at its place in the timeline.
   *
   * @param added - New events of the case, not held yet.
   * @returns Their clock inputs, in the order given.
   */
  add(added: readonly TimelineEvent[]): CaseSlaInput[] {
    const newInputs: CaseSlaInput[] = [];
    for (const event of added) {
      const input = this.insert(event);
      if (input !== null) newInputs.push(input);
    }
    return newInputs;
  }

  /**
   * Follows the evaluation's own writes to the case.
   *
   * @param appended - Events added (not held yet).
   * @param rewritten - Events put again under an id already held.
   * @param removed - Ids of events removed.
   */
  write(appended: readonly TimelineEvent[], rewritten: readonly TimelineEvent[], removed: readonly string[]): void {
    for (const id of removed) this.remove(id);
    for (const event of rewritten) {
      this.remove(event.id);
      this.insert(event);
    }
    for (const event of appended) this.insert(event);
  }

  /**
   * The newest event mirrored.
   *
   * @returns The event, or `undefined` when the mirror is empty.
   */
  newest(): TimelineEvent | undefined {
    return this.events[this.events.length - 1];
  }

  /**
   * Every clock input mirrored, oldest first.
   *
   * @returns A new array.
   */
  clockInputs(): CaseSlaInput[] {
    const out: CaseSlaInput[] = [];
    for (const input of this.inputs) if (input !== null) out.push(input);
    return out;
  }

  /**
   * The SLA events mirrored, oldest first.
   *
   * @returns A new array.
   */
  slaEvents(): TimelineEvent[] {
    const out: TimelineEvent[] = [];
    const flags = this.slaFlags;
    for (let index = 0; index < flags.length; index++) if (flags[index]) out.push(this.events[index]!);
    return out;
  }

  /**
   * The customer of the newest event that is not an SLA event (the customer SLA events name, and whose tier counts).
   *
   * @returns The customer id, or `undefined` when the case holds only SLA events or none.
   */
  newestCustomerId(): string | undefined {
    const flags = this.slaFlags;
    for (let index = flags.length - 1; index >= 0; index--) if (!flags[index]) return this.events[index]!.customerId;
    return undefined;
  }

  private rebuild(list: readonly TimelineEvent[]): MirrorReading {
    const newInputs: CaseSlaInput[] = [];
    let unknownSlaEvents = false;
    this.events.length = 0;
    this.inputs.length = 0;
    this.slaFlags.length = 0;
    for (let index = list.length - 1; index >= 0; index--) {
      const input = this.insertAt(this.events.length, list[index]!);
      if (input !== null) newInputs.push(input);
      else if (this.slaFlags[this.slaFlags.length - 1]) unknownSlaEvents = true;
    }
    return { extended: false, newInputs, unknownSlaEvents };
  }

  /** Inserts an event at its place in the timeline, searching from the newest end (new events nearly always go last). */
  private insert(event: TimelineEvent): CaseSlaInput | null {
    const events = this.events;
    let position = events.length;
    while (position > 0 && compareTimelinePositions(events[position - 1]!, event) > 0) position -= 1;
    return this.insertAt(position, event);
  }

  private insertAt(position: number, event: TimelineEvent): CaseSlaInput | null {
    const sla = isSlaEvent(event);
    const input = sla ? null : (readCaseSlaInput(event) ?? null);
    if (position === this.events.length) {
      this.events.push(event);
      this.inputs.push(input);
      this.slaFlags.push(sla);
    } else {
      this.events.splice(position, 0, event);
      this.inputs.splice(position, 0, input);
      this.slaFlags.splice(position, 0, sla);
    }
    return input;
  }

  private remove(id: string): void {
    const events = this.events;
    for (let index = events.length - 1; index >= 0; index--) {
      if (events[index]!.id !== id) continue;
      events.splice(index, 1);
      this.inputs.splice(index, 1);
      this.slaFlags.splice(index, 1);
      return;
    }
  }
}
