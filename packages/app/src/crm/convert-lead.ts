import { addDays, dateOfInstant, DomainError, type Actor, type Lead } from '@attain/core';
import { inOrgTransaction } from '../org-transaction.js';
import { loadOrgForActor } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { accounts, contacts, leads, opportunities } from './entities.js';
import { abilitiesOf, createInTx, getRecord, updateInTx } from './records.js';

export interface LeadConversionInput {
  readonly leadId: string;
  readonly accountId?: string;
  readonly createOpportunity?: boolean;
  readonly opportunityName?: string;
  readonly amountMinor?: string;
  readonly closeDate?: string;
}

/**
 * Converts a lead into an account (or attaches it to an existing one), a contact and, unless
 * declined, an opportunity, all in one transaction; the lead keeps links to what it became.
 */
export async function convertLead(ctx: AppContext, actor: Actor, input: LeadConversionInput) {
  const org = await loadOrgForActor(ctx, actor);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const lead = await getRecord(ctx, actor, leads, input.leadId, tx);
    if (!lead.abilities.update) throw new DomainError('forbidden', 'You may not convert this lead.');
    if (lead.status === 'converted') throw new DomainError('conflict', 'This lead is already converted.');
    const accountId =
      input.accountId ??
      (await createInTx(ctx, tx, actor, org, accounts, { name: lead.company, industry: lead.industry, ownerId: lead.ownerId })).id;
    if (input.accountId) await getRecord(ctx, actor, accounts, input.accountId, tx);
    const contact = await createInTx(ctx, tx, actor, org, contacts, {
      accountId, firstName: lead.firstName, lastName: lead.lastName, email: lead.email, phone: lead.phone, title: lead.title, ownerId: lead.ownerId,
    });
    let opportunityId: string | null = null;
    if (input.createOpportunity !== false) {
      const opportunity = await createInTx(ctx, tx, actor, org, opportunities, {
        name: input.opportunityName ?? `${lead.company} - new business`,
        accountId,
        ownerId: lead.ownerId,
        amountMinor: input.amountMinor ?? '0',
        closeDate: input.closeDate ?? addDays(dateOfInstant(ctx.now()), 90),
        type: 'new',
      });
      opportunityId = opportunity.id;
    }
    const converted: Lead = await updateInTx(
      ctx, tx, actor, org, leads, lead.id,
      { status: 'converted', convertedAt: ctx.now(), convertedAccountId: accountId, convertedContactId: contact.id, convertedOpportunityId: opportunityId },
      { action: 'lead.convert', allowReadOnly: true },
    );
    return { lead: { ...converted, abilities: abilitiesOf(leads, actor, converted) }, accountId, contactId: contact.id, opportunityId };
  });
}
