import { canonicalJson, checkHoldRelease, DomainError, invalid, type Actor } from '@attain/core';
import type { LedgerEntryBody, LedgerEntryItem } from '@attain/contract';
import { compPeriodRepo, ledgerRepo, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { inOrgTransaction } from '../org-transaction.js';
import { presentLedgerEntry } from './calc.presenter.js';
import { parseRunPeriod } from './run-calc.js';

/**
 * Posts a manual ledger entry to an open period, with a reason, audited: an adjustment (signed),
 * a bonus (> 0), a hold (the amount kept back, > 0, stored negative) or the release of a hold
 * (> 0, at most what is still held). Nothing is edited: a wrong entry is answered by another.
 */
export async function postLedgerEntry(ctx: AppContext, actor: Actor, input: LedgerEntryBody): Promise<LedgerEntryItem> {
  return inOrgTransaction(ctx, actor.orgId, (tx) => appendLedgerEntry(ctx, tx, actor, input));
}

/** postLedgerEntry inside a transaction of the caller's (a dispute resolved with its adjustment: both or neither). */
export async function appendLedgerEntry(ctx: AppContext, tx: Tx, actor: Actor, input: LedgerEntryBody): Promise<LedgerEntryItem> {
  requireAbility(actor, 'ledger:adjust');
  const amount = BigInt(input.amountMinor);
  if (amount === 0n) throw invalid('amountMinor', 'must not be zero');
  if (input.type !== 'adjustment' && amount < 0n) throw invalid('amountMinor', `a ${input.type} is a positive amount`);
  {
    const org = await orgCurrency(tx, actor.orgId);
    const fiscal = parseRunPeriod(input.period, org.fiscalYearStartMonth);
    const person = await repos.person.get(tx, actor.orgId, input.personId);
    if (!person) throw invalid('personId', 'no such person');
    const period = await compPeriodRepo.ensure(tx, { orgId: actor.orgId, key: fiscal.key, startDate: fiscal.start, endDate: fiscal.end, updatedAt: ctx.now() });
    if (period.status === 'closed') throw new DomainError('conflict', `${period.key} is closed: post to an open period`, [{ field: 'period', message: 'closed' }]);
    let related: string | null = null;
    if (input.type === 'hold-release') {
      const hold = input.relatedEntryId === undefined ? undefined : await ledgerRepo.find(tx, actor.orgId, input.relatedEntryId);
      if (!hold || hold.type !== 'hold' || hold.personId !== input.personId) throw invalid('relatedEntryId', "not a hold of this payee");
      const released = (await ledgerRepo.releasesOf(tx, actor.orgId, hold.id)).reduce((s, e) => s + e.amountMinor, 0n);
      checkHoldRelease({ holdMinor: hold.amountMinor, releasedMinor: released, releaseMinor: amount });
      related = hold.id;
    } else if (input.relatedEntryId !== undefined) {
      if (!(await ledgerRepo.find(tx, actor.orgId, input.relatedEntryId))) throw invalid('relatedEntryId', 'no such ledger entry');
      related = input.relatedEntryId;
    }
    const [entry] = await ledgerRepo.append(tx, [{
      orgId: actor.orgId, id: ctx.newId('led'), personId: person.id, postedPeriod: period.key, forPeriod: period.key, type: input.type, componentId: null, planId: null,
      amountMinor: input.type === 'hold' ? -amount : amount, currency: org.currency, runId: null, relatedEntryId: related, reason: input.reason.trim(),
      explanation: canonicalJson({ manual: true, by: actor.userId }), createdBy: actor.userId, createdAt: ctx.now(), payrollBatchId: null,
    }]);
    const item = presentLedgerEntry(entry as NonNullable<typeof entry>);
    await recordAudit(ctx, tx, { actor, action: 'ledger_entry.post', entity: 'ledger_entry', entityId: item.id, before: null, after: item });
    return item;
  }
}
