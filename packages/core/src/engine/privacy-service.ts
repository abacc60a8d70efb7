import type { PrivacyRequest } from '../adapter/channel-adapter';
import type { TimelineStore } from '../store/timeline-store';
import type { IdentityNormaliser } from './normalise-identity';
import { privacySubjects } from './privacy-subjects';
import type { CustomerDataExport, ThroughlineEvents } from './throughline-events';

/** Carries out platform privacy requests against the store. */
export class PrivacyService {
  /**
   * Builds the service the webhook handler hands privacy requests to.
   * @param store - where customers are found, exported and erased
   * @param normaliser - normalises the request's identifiers
   * @param events - where `privacy.data_requested` and `privacy.erased` are emitted
   * @example
   * ```ts
   * const privacy = new PrivacyService(store, normaliser, events);
   * ```
   */
  constructor(
    private readonly store: TimelineStore,
    private readonly normaliser: IdentityNormaliser,
    private readonly events: ThroughlineEvents,
  ) {}

  /**
   * Exports (data request) or erases (customer or tenant redact) what the store holds.
   * @param request - the platform's privacy request
   * @returns the export for a data request, otherwise null
   * @example
   * ```ts
   * const exported = await privacy.handle(request);
   * if (exported) await sendToMerchant(exported);
   * ```
   */
  async handle(request: PrivacyRequest): Promise<CustomerDataExport | null> {
    const tenantId = request.tenantId;
    const customerIds = await privacySubjects(this.store, this.normaliser, request);
    if (request.kind === 'customer_data_request') {
      const customers: CustomerDataExport['customers'] = [];
      for (const id of customerIds) {
        const customer = await this.store.getCustomer(tenantId, id);
        if (!customer) continue;
        customers.push({
          customer,
          identities: await this.store.identitiesOf(tenantId, id),
          cases: await this.store.casesOf(tenantId, id),
          events: await this.store.eventsOfCustomers(tenantId, [id]),
        });
      }
      const exported = { request, customers };
      this.events.emit('privacy.data_requested', exported);
      return exported;
    }
    await this.store.transaction(async (transaction) => {
      if (request.kind === 'tenant_redact') await transaction.eraseTenant(tenantId);
      else for (const id of customerIds) await transaction.eraseCustomer(tenantId, id);
    });
    this.events.emit('privacy.erased', request);
    return null;
  }
}
