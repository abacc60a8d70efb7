import { EventEmitter } from 'eventemitter3';
import type { PrivacyRequest } from '../adapter/channel-adapter';
import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity } from '../model/identity';
import type { SupportCase } from '../model/support-case';
import type { TimelineEvent } from '../model/timeline-event';
import type { DeadLetter } from '../store/timeline-store';

/** What a customer data request exports: everything held for the customer. */
export interface CustomerDataExport {
  /** The platform's request this answers. */
  request: PrivacyRequest;
  /** Each customer the request's identifiers lead to, with what is held about them. */
  customers: Array<{
    /** The customer record, profile included. */
    customer: Customer;
    /** The identities the customer holds. */
    identities: Identity[];
    /** The customer's cases. */
    cases: SupportCase[];
    /** Every event on the customer's timeline. */
    events: TimelineEvent[];
  }>;
}

/** Every event Throughline emits, by name, with its payload. */
export interface ThroughlineEventMap {
  /** An event was placed on a timeline (after commit). */
  'timeline.appended': TimelineEvent;
  /** A new customer appeared. */
  'customer.created': Customer;
  /** Two customers became one. */
  'customer.merged': CustomerMerge;
  /** A merge was undone. */
  'customer.unmerged': CustomerMerge;
  /** Identity resolution proposes a merge it must not make alone. */
  'customer.merge_proposed': MergeProposal;
  /** A new case opened. */
  'case.opened': SupportCase;
  /** A case changed (status, channel, contacts). */
  'case.updated': SupportCase;
  /** A delivery failed verification (401). */
  'webhook.rejected': {
    /** The adapter the delivery was routed to. */
    adapterId: string | null;
    /** Machine-readable reason the adapter gave, such as `invalid_signature`. */
    reason: string;
    /** What went wrong, for logs (never a secret). */
    message: string;
  };
  /** A delivery was kept as a dead letter. */
  'webhook.dead_lettered': DeadLetter;
  /** A delivery was acknowledged. */
  'webhook.accepted': {
    /** The adapter that parsed the delivery. */
    adapterId: string;
    /** The tenant its events belong to. */
    tenantId: string;
    /** Events placed on timelines (derived ones included). */
    accepted: number;
    /** Events already stored, dropped. */
    duplicates: number;
  };
  /** A platform asked for a customer's data: send this export to the merchant. */
  'privacy.data_requested': CustomerDataExport;
  /** Personal data was erased. */
  'privacy.erased': PrivacyRequest;
  /** Backfill progress. */
  'backfill.progress': {
    /** The adapter being backfilled. */
    adapterId: string;
    /** The tenant being backfilled. */
    tenantId: string;
    /** Pages committed so far in this run. */
    pages: number;
    /** Events appended so far in this run (duplicates left out). */
    events: number;
    /** The checkpointed cursor; null once the backfill is complete. */
    cursor: string | null;
  };
  /** An SLA clock was applied, warned, breached or fulfilled. */
  'sla.applied': TimelineEvent;
  /** An SLA clock reached its warning share. */
  'sla.warning': TimelineEvent;
  /** An SLA clock breached. */
  'sla.breached': TimelineEvent;
  /** An SLA clock was fulfilled. */
  'sla.fulfilled': TimelineEvent;
  /** A listener threw; ingest went on. */
  'listener.failed': {
    /** Name of the event whose listener threw. */
    event: string;
    /** What the listener threw. */
    error: unknown;
  };
}

/** Names of the events Throughline emits. */
export type ThroughlineEventName = keyof ThroughlineEventMap;

/**
 * The typed event emitter: `noun.verb` names, typed payloads, and listeners that cannot break
 * ingest (a listener that throws is reported as `listener.failed`).
 */
export class ThroughlineEvents {
  private readonly emitter = new EventEmitter();

  /**
   * Subscribes to an event.
   * @param name - event name
   * @param listener - receives the typed payload
   * @returns a function that unsubscribes
   * @example
   * ```ts
   * const off = throughline.events.on('sla.breached', (event) => console.warn(`case ${event.caseId} breached`));
   * off();
   * ```
   */
  on<K extends ThroughlineEventName>(name: K, listener: (payload: ThroughlineEventMap[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /**
   * Subscribes to the next occurrence only.
   * @param name - event name
   * @param listener - receives the typed payload once
   */
  once<K extends ThroughlineEventName>(name: K, listener: (payload: ThroughlineEventMap[K]) => void): void {
    const off = this.on(name, (payload) => {
      off();
      listener(payload);
    });
  }

  /**
   * Whether anyone listens to an event (lets the engine skip building payloads).
   * @param name - event name
   * @returns true when at least one listener is subscribed
   */
  hasListeners(name: ThroughlineEventName): boolean {
    return this.emitter.listenerCount(name) > 0;
  }

  /**
   * Emits an event to every listener; a throwing listener is isolated and reported.
   * @param name - event name
   * @param payload - the typed payload
   */
  emit<K extends ThroughlineEventName>(name: K, payload: ThroughlineEventMap[K]): void {
    for (const listener of this.emitter.listeners(name)) {
      try {
        (listener as (value: ThroughlineEventMap[K]) => void)(payload);
      } catch (error) {
        if (name !== 'listener.failed') this.emit('listener.failed', { event: name, error });
      }
    }
  }
}
