import type { TimelineEvent } from '@throughline/core';

/** Most event objects remembered (the oldest written go first). */
const defaultCapacity = 10_000;

/**
 * The event objects the write connection stored lately, so reads inside a transaction hand back
 * the very object written while the file still holds it, as the memory store does. The SLA step
 * relies on that: an event it saw written, read back as the same object, proves the case holds
 * nothing it has not seen, and it can skip listing the whole case on every ingest.
 *
 * An object is forgotten when its row is deleted or rolled back. All are forgotten before an
 * erasure rewrites rows in place, and when another connection commits to the file (another
 * process, or another store on the same file): `PRAGMA data_version` tells, checked at every
 * `BEGIN`. Forgetting only costs a parse; it never hands back an object the file does not hold.
 */
export class SqliteWrittenEvents {
  /** By event id; an id written by two tenants keeps the last one (a miss for the other, never a wrong hit). */
  private readonly events = new Map<string, TimelineEvent>();
  private dataVersion: number | undefined;

  /** @param capacity - most objects remembered */
  constructor(private readonly capacity = defaultCapacity) {}

  /**
   * The object last written under this id, while it is known to be what the file holds.
   * @param tenantId - the tenant
   * @param id - the event id
   * @returns the object, or `undefined` when it must be read from the file
   */
  get(tenantId: string, id: string): TimelineEvent | undefined {
    const event = this.events.get(id);
    return event !== undefined && event.tenantId === tenantId ? event : undefined;
  }

  /**
   * Remembers an object just written (inside the open transaction).
   * @param event - the object as given to `putEvents`
   */
  remember(event: TimelineEvent): void {
    this.events.delete(event.id);
    this.events.set(event.id, event);
    if (this.events.size > this.capacity) this.events.delete(this.events.keys().next().value!);
  }

  /**
   * Forgets deleted events.
   * @param tenantId - the tenant
   * @param ids - the deleted ids
   */
  forget(tenantId: string, ids: ReadonlyArray<string>): void {
    for (const id of ids) if (this.events.get(id)?.tenantId === tenantId) this.events.delete(id);
  }

  /** Forgets everything: writes were rolled back, or rows were rewritten in place (erasure). */
  forgetAll(): void {
    this.events.clear();
  }

  /**
   * Checks, after `BEGIN`, whether another connection committed since the last check; if one
   * did, nothing remembered can be trusted.
   * @param dataVersion - `PRAGMA data_version` on the write connection
   */
  began(dataVersion: number): void {
    if (this.dataVersion !== undefined && dataVersion !== this.dataVersion) this.events.clear();
    this.dataVersion = dataVersion;
  }
}
