import { EventEmitter } from 'eventemitter3';
import type { PrivacyRequest } from '../adapter/channel-adapter';
import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity } from '../model/identity';
import type { SupportCase } from '../model/support-case';
import type { TimelineEvent } from '../model/timeline-event';
import type { DeadLetter } from '../store/timeline-store';

/** What a customer data request exports: everything held for the customer. */
export interface CustomerDataExport {
  request: PrivacyRequest;
  customers: Array<{ customer: Customer; identities: Identity[]; cases: SupportCase[]; events: TimelineEvent[] }>;
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
  'webhook.rejected': { adapterId: string | null; reason: string; message: string };
  /** A delivery was kept as a dead letter. */
  'webhook.dead_lettered': DeadLetter;
  /** A delivery was acknowledged. */
  'webhook.accepted': { adapterId: string; tenantId: string; accepted: number; duplicates: number };
  /** A platform asked for a customer's data: send this export to the merchant. */
  'privacy.data_requested': CustomerDataExport;
  /** Personal data was erased. */
  'privacy.erased': PrivacyRequest;
  /** Backfill progress. */
  'backfill.progress': { adapterId: string; tenantId: string; pages: number; events: number; cursor: string | null };
  /** An SLA clock was applied, warned, breached or fulfilled. */
  'sla.applied': TimelineEvent;
  /** An SLA clock reached its warning share. */
  'sla.warning': TimelineEvent;
  /** An SLA clock breached. */
  'sla.breached': TimelineEvent;
  /** An SLA clock was fulfilled. */
  'sla.fulfilled': TimelineEvent;
  /** A listener threw; ingest went on. */
  'listener.failed': { event: string; error: unknown };
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
   */
  on<K extends ThroughlineEventName>(name: K, listener: (payload: ThroughlineEventMap[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /** Subscribes to the next occurrence only. */
  once<K extends ThroughlineEventName>(name: K, listener: (payload: ThroughlineEventMap[K]) => void): void {
    const off = this.on(name, (payload) => {
      off();
      listener(payload);
    });
  }

  /** Whether anyone listens to an event (lets the engine skip building payloads). */
  hasListeners(name: ThroughlineEventName): boolean {
    return this.emitter.listenerCount(name) > 0;
  }

  /** Emits an event to every listener; a throwing listener is isolated and reported. */
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
