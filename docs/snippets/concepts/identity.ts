import type { CustomerMerge, TenantApi } from '@throughline/core';

/**
 * Prints why each identity belongs to a customer.
 * @param acme - the tenant
 * @param email - the customer's email
 */
export async function explainCustomer(acme: TenantApi, email: string): Promise<void> {
  // #region explain
  const ana = await acme.customers.findByIdentity({ kind: 'email', value: email });
  if (!ana) throw new Error(`No customer has ${email}`);
  for (const { identity, evidence, viaMerge } of await acme.customers.explain(ana.customer.id)) {
    // email:ana@example.com  message.received from zendesk
    // phone:+447700900123    message.received from twilio  (merge_… automatic)
    console.log(identity.key, evidence?.type, evidence?.source.system, viaMerge ? `${viaMerge.id} ${viaMerge.kind}` : '');
  }
  // #endregion explain
}

/**
 * Lists the merges identity resolution would not make alone, and accepts the first one.
 * @param acme - the tenant
 * @returns the merge, or null when nothing was proposed
 */
export async function reviewProposals(acme: TenantApi): Promise<CustomerMerge | null> {
  // #region proposals
  const proposals = await acme.customers.proposals();
  for (const proposal of proposals) {
    // ['cus_…', 'cus_…'] conflicting_platform_ids phone:+447700900123
    console.log(proposal.customerIds, proposal.reason, proposal.sharedIdentityKey);
  }
  // After a person has checked that the two really are one customer:
  const [first] = proposals;
  const merge = first ? await acme.customers.acceptProposal(first.id) : null;
  // #endregion proposals
  return merge;
}

/**
 * Undoes a merge by hand, as an agent would from a console.
 * @param acme - the tenant
 * @param mergeId - the merge to undo
 */
export async function undoMerge(acme: TenantApi, mergeId: string): Promise<void> {
  // #region unmerge
  await acme.customers.unmerge(mergeId, { id: 'agent-17', name: 'Sam' });
  // #endregion unmerge
}
