import { DomainError, fiscalYearOf, invalid, type Actor } from '@attain/core';
import type { ComponentAttainment, EarningsPeriod, MyEarnings } from '@attain/contract';
import { compPeriodRepo, ledgerRepo, type Db, type LedgerEntry } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { statementStanding } from '../period-close/statement-standing.js';
import { ownPerson } from './own-person.js';

interface Body {
  plans?: {
    planId: string; planName: string;
    calculation?: { components?: { componentId: string; name: string; lines?: { step: string; valueMinor?: string; quotaMinor?: string; attainment?: { display: string } }[] }[] };
  }[];
}

/** Attainment per component of a statement body: each component's measure line against its quota. */
export function attainmentOfStatement(body: string): ComponentAttainment[] {
  return ((JSON.parse(body) as Body).plans ?? []).flatMap((p) => (p.calculation?.components ?? []).flatMap((c) => {
    const line = c.lines?.find((l) => l.step === 'measure');
    if (!line) return [];
    return [{
      planId: p.planId, planName: p.planName, componentId: c.componentId, componentName: c.name,
      measureMinor: line.valueMinor ?? '0', quotaMinor: line.quotaMinor ?? '0', attainment: line.attainment?.display ?? null,
    }];
  }));
}

/** What holds posted to a period still keep back (>= 0): each hold less the releases pointing at it, wherever they posted. */
async function onHold(db: Db, orgId: string, entries: readonly LedgerEntry[]): Promise<bigint> {
  let held = 0n;
  for (const hold of entries.filter((e) => e.type === 'hold')) {
    const released = (await ledgerRepo.releasesOf(db, orgId, hold.id)).reduce((s, r) => s + r.amountMinor, 0n);
    const left = -hold.amountMinor - released;
    held += left > 0n ? left : 0n;
  }
  return held;
}

/**
 * The caller's own earnings in a fiscal year (default: the one containing today): per pay period
 * her latest statement's earned and posted totals, what payroll paid, what is on hold, and her
 * attainment per component; and the totals to date. Periods without a statement of hers are left
 * out. Refused (forbidden) for a login without a person. Minor units of the organisation's currency.
 */
export async function myEarnings(ctx: AppContext, actor: Actor, input: { fiscalYear?: number } = {}): Promise<MyEarnings> {
  const personId = ownPerson(actor);
  const db = ctx.database.db;
  const org = await orgCurrency(db, actor.orgId);
  const fiscalYear = input.fiscalYear ?? fiscalYearOf(ctx.now().slice(0, 10), org.fiscalYearStartMonth);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1900 || fiscalYear > 9999) throw invalid('fiscalYear', 'must be a year such as 2027');
  const periods = (await compPeriodRepo.list(db, actor.orgId))
    .filter((p) => p.key.startsWith(`FY${fiscalYear}-`))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.key < b.key ? -1 : 1));
  const out: EarningsPeriod[] = [];
  const totals = { earned: 0n, posted: 0n, paid: 0n, held: 0n };
  for (const period of periods) {
    let standing;
    try {
      standing = await statementStanding(db, actor.orgId, personId, period.key);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') continue;
      throw error;
    }
    const held = await onHold(db, actor.orgId, standing.entries);
    totals.earned += standing.result.earnedMinor;
    totals.posted += standing.postedMinor;
    totals.paid += standing.paidMinor;
    totals.held += held;
    out.push({
      periodKey: period.key, from: period.startDate, to: period.endDate, status: period.status,
      earnedMinor: standing.result.earnedMinor.toString(), postedMinor: standing.postedMinor.toString(), paidMinor: standing.paidMinor.toString(),
      onHoldMinor: held.toString(), attainment: attainmentOfStatement(standing.result.body),
    });
  }
  const person = await repos.person.get(db, actor.orgId, personId);
  return {
    personId, personName: person?.name ?? personId, fiscalYear, currency: org.currency, periods: out,
    totals: { earnedMinor: totals.earned.toString(), postedMinor: totals.posted.toString(), paidMinor: totals.paid.toString(), onHoldMinor: totals.held.toString() },
  };
}
