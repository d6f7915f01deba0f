import { attainmentAgainstPotential, MIN_GROWTH_HISTORY, parseFiscalPeriod, predictShareAtQuota, quotaPerPotential, type QuotaPlanMeasure } from '@attain/core';
import type { QuotaDiagnostics } from '@attain/contract';
import { planAssignmentRepo, type Db, type Tx } from '@attain/store';
import type { OrgMoney } from '../coverage/model-accounts.js';
import { historyGap, historyOf } from './quota-history.js';

/** A seller as the diagnostics see her: her quota, last year's bookings and the potential she covers. */
export interface DiagnosedSeller {
  readonly personId: string;
  readonly quotaMinor: bigint;
  readonly historyMinor: bigint;
  readonly potentialMinor: bigint;
}

/** The middle of sorted numbers (the mean of the two middle ones when even). */
const median = (sorted: readonly number[]): number => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * How fair and reachable a set of quotas is (core quota/diagnostics.ts): the predicted share at
 * quota from the sellers' own growth the year before (only from two whole years), quota per unit
 * of potential, the growth asked, and quota to on-target earnings from the assignments in force today.
 */
export async function diagnoseQuotas(
  db: Db | Tx, orgId: string, money: OrgMoney, measure: QuotaPlanMeasure, fiscalYear: number, today: string, targetMinor: bigint, sellers: readonly DiagnosedSeller[],
): Promise<{ diagnostics: QuotaDiagnostics; quotaToOte: Map<string, number> }> {
  const last = parseFiscalPeriod(`FY${fiscalYear - 1}`, money.fiscalYearStartMonth);
  const before = parseFiscalPeriod(`FY${fiscalYear - 2}`, money.fiscalYearStartMonth);
  const missing = (await historyGap(db, orgId, last, today)) ?? (await historyGap(db, orgId, before, today));
  const earlier = missing === null ? await historyOf(db, orgId, money, measure, sellers.map((s) => s.personId), before) : new Map<string, bigint>();
  const growths = sellers.flatMap((s) => {
    const e = earlier.get(s.personId) ?? 0n;
    return s.historyMinor > 0n && e > 0n ? [Number(s.historyMinor) / Number(e)] : [];
  });
  const prediction = predictShareAtQuota(sellers.map((s) => ({ quota: Number(s.quotaMinor), history: Number(s.historyMinor) })), growths);
  const totalHistory = sellers.reduce((sum, s) => sum + s.historyMinor, 0n);
  // On-target earnings from the plan assignments in force today: base salary plus target incentive.
  const quotaToOte = new Map<string, number>();
  const quotas = new Map(sellers.map((s) => [s.personId, s.quotaMinor]));
  // A count is not money: quota-to-OTE is for the money quota only.
  const assignedToday = measure === 'bookings' ? await planAssignmentRepo.list(db, orgId, { personIds: sellers.map((s) => s.personId), asOf: today }) : [];
  for (const a of assignedToday) {
    const quota = quotas.get(a.personId);
    if (a.baseSalaryMinor !== null && quota !== undefined && a.baseSalaryMinor + a.targetIncentiveMinor > 0n) {
      quotaToOte.set(a.personId, Number(quota) / Number(a.baseSalaryMinor + a.targetIncentiveMinor));
    }
  }
  const ratios = [...quotaToOte.values()].sort((a, b) => a - b);
  // Last year's quota: the annual quota of her assignment in force at the end of that year (or the last one in it).
  const lastQuota = new Map<string, bigint>();
  for (const a of await planAssignmentRepo.list(db, orgId, { personIds: sellers.map((s) => s.personId) })) {
    const quota = measure === 'bookings' ? a.annualQuotaMinor : (a.measureQuotas?.[measure] ?? null);
    if (quota === null || quota === 0n || a.validFrom > last.end || (a.validTo !== null && a.validTo < last.start) || (a.validTo !== null && a.validTo < a.validFrom)) continue;
    lastQuota.set(a.personId, quota);
  }
  const attainment = sellers.flatMap((s) => {
    const q = lastQuota.get(s.personId);
    return q === undefined ? [] : [{ attainment: Number(s.historyMinor) / Number(q), potential: Number(s.potentialMinor) }];
  });
  return {
    quotaToOte,
    diagnostics: {
      shareAtQuota: prediction && { mean: prediction.shareAtQuota, p10: prediction.p10, p90: prediction.p90, sellers: prediction.sellers },
      notEnoughHistory: prediction ? null : (missing ?? `${growths.length} sellers booked in both ${before.key} and ${last.key}; ${MIN_GROWTH_HISTORY} are needed`),
      growthsKnown: growths.length,
      quotaPerPotential: quotaPerPotential(sellers.map((s) => ({ quota: Number(s.quotaMinor), potential: Number(s.potentialMinor) }))),
      attainmentVsPotential: attainmentAgainstPotential(attainment),
      totalOverBookings: totalHistory === 0n ? null : Number(targetMinor) / Number(totalHistory),
      quotaToOte: ratios.length === 0 ? null : { median: median(ratios), min: ratios[0] as number, max: ratios[ratios.length - 1] as number, sellers: ratios.length },
    },
  };
}
