import { calculationHash, measuresCount, type ExamplesReport, type Plan, type PlanCalculation } from '@attain/app';
import { formatMinorAsMajor, type EarningLine } from '@attain/core';

type ComponentOut = PlanCalculation['components'][number];

/** Keys holding a quantity of the measure: money for sum measures, a count for count measures. */
const MEASURE_KEYS = new Set(['valueMinor', 'tierInputMinor', 'quotaMinor', 'sliceMinor', 'from', 'to', 'measureValueMinor']);

/**
 * The calculation as JSON-ready data: money as exact major-unit strings (keys lose their
 * "Minor" suffix), counts of count measures as whole-number strings, other bigints
 * (exact fractions) as strings of minor units.
 */
export function calculationForJson(plan: Plan, calc: PlanCalculation): unknown {
  const money = (v: bigint): string => formatMinorAsMajor(v, plan.currency);
  const convert = (value: unknown, isCount: boolean, key = ''): unknown => {
    if (typeof value === 'bigint') {
      if (isCount && MEASURE_KEYS.has(key)) return value.toString();
      return key.endsWith('Minor') || key === 'from' || key === 'to' ? money(value) : value.toString();
    }
    if (Array.isArray(value)) return value.map((v) => convert(v, isCount, ''));
    if (value && typeof value === 'object') {
      // Exact fractions stay as they are (strings of minor units): they are not amounts of money.
      if (key === 'exact' || key === 'earnedExact' || key === 'exactTotal' || key === 'fraction') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.endsWith('Minor') ? k.slice(0, -'Minor'.length) : k, convert(v, isCount, k)]));
    }
    return value;
  };
  return {
    planId: calc.planId,
    planVersion: calc.planVersion,
    currency: calc.currency,
    period: calc.period,
    components: calc.components.map((c) => {
      const component = plan.components.find((p) => p.id === c.componentId);
      return convert(c, component ? measuresCount(component) : false);
    }),
    ...(convert({ quota: calc.quota, targetIncentive: calc.targetIncentive, served: calc.served, planCap: calc.planCap, clawbacks: calc.clawbacks, draw: calc.draw }, false) as object),
    earned: money(calc.earnedMinor),
    total: money(calc.totalMinor),
    payout: money(calc.payoutMinor),
    hash: calculationHash(calc),
  };
}

function describeLine(line: EarningLine, money: (v: bigint) => string, qty: (v: bigint) => string, isCount: boolean): [string, string, string][] {
  switch (line.step) {
    case 'measure': {
      const m = line.measure;
      const att = line.attainment ? `, attainment ${line.attainment.display}` : '';
      const quota = line.quotaMinor > 0n ? `, quota ${qty(line.quotaMinor)}` : '';
      return [['measure', `${m.aggregate} of ${m.creditTypes.join(', ')} ${m.from}..${m.to}: ${m.creditCount} credit${m.creditCount === 1 ? '' : 's'}${quota}${att}`, qty(line.valueMinor)]];
    }
    case 'tiers':
      return line.result.lines.map((t): [string, string, string] => {
        const factor = t.rate !== undefined ? `at ${isCount ? `${money(BigInt(t.rate))} each` : t.rate}` : t.multiplier !== undefined ? `x ${t.multiplier}` : t.tierPayoutMinor !== undefined ? `payout ${money(t.tierPayoutMinor)} x ${t.fraction?.numerator}/${t.fraction?.denominator}` : '';
        const credit = line.creditId ? ` (credit ${line.creditId})` : '';
        return [`tier ${t.tierIndex}`, `${t.kind} ${qty(t.from)}..${qty(t.to)} (${qty(t.sliceMinor)}) ${factor}${credit}`, money(t.earnedMinor)];
      }).concat(line.result.rounding.residualMinor !== 0n ? [['rounding', `${line.result.rounding.point} ${line.result.rounding.mode}`, money(line.result.rounding.residualMinor)] as [string, string, string]] : []);
    case 'per-transaction-total':
      return [['sum', `${line.creditCount} credits`, money(line.amountMinor)]];
    case 'payout-share':
      return [['payout share', `paid ${line.share.numerator}/${line.share.denominator} of ${money(line.beforeMinor)} (payout split)`, money(line.afterMinor)]];
    case 'formula': {
      const inputs = Object.entries(line.inputs).map(([k, v]) => `${k}=${v}`).join(', ');
      return [['formula', `${line.source} with ${inputs} = ${line.result}, rounded ${line.roundingMode}`, money(line.amountMinor)]];
    }
    case 'to-date':
      return [[line.accumulation === 'year-to-date' ? 'ytd' : 'qtd', `${line.accumulation.replace(/-/g, ' ')} since ${line.since}: ${money(line.toDateEarnedMinor)} less earned before ${money(line.earnedBeforeMinor)}`, money(line.periodAmountMinor)]];
    default: {
      const a = line.adjustment;
      const cond = a.threshold !== undefined ? `${a.measure} ${a.passWhen} ${a.threshold} (${a.basis}): ${a.passed ? 'passed' : 'missed'}` : '';
      const lim = a.limitMinor !== undefined ? `limit ${money(a.limitMinor)}${a.targetMultiple ? ` (${a.targetMultiple} x target incentive)` : ''}` : '';
      const mult = a.multiplier && !a.passed ? ` x ${a.multiplier}` : '';
      return [[line.step, `${[cond, lim].filter(Boolean).join(' ')}${mult}: ${a.acted ? `changed ${money(a.beforeMinor)} -> ${money(a.afterMinor)}` : 'no change'}`, money(a.afterMinor)]];
    }
  }
}

/** How quota and target incentive were set, then the plan-level steps down to what is paid. */
function planLines(calc: PlanCalculation, money: (v: bigint) => string): [string, string, string][] {
  const rows: [string, string, string][] = [];
  const q = calc.quota;
  const days = (p: { daysServed: number; daysInPeriod: number }): string => `${p.daysServed} of ${p.daysInPeriod} days`;
  if (calc.served) rows.push(['served', `${calc.served.from}..${calc.served.to}`, '']);
  if (q.phasing) rows.push(['quota', `phased: ${q.phasing.months.map((m) => `${m.month} ${m.weight.numerator}/${m.weight.denominator}${m.daysServed < m.daysInMonth ? ` x ${m.daysServed}/${m.daysInMonth} days` : ''}`).join(', ')}`, money(q.quotaMinor)]);
  else if (q.proration) rows.push(['quota', `${money(q.proration.fullAmountMinor)} prorated ${q.proration.basis}: ${days(q.proration)}`, money(q.quotaMinor)]);
  if (calc.targetIncentive?.proration) rows.push(['target', `${money(calc.targetIncentive.proration.fullAmountMinor)} prorated ${calc.targetIncentive.proration.basis}: ${days(calc.targetIncentive.proration)}`, money(calc.targetIncentive.amountMinor)]);
  rows.push(['EARNED', `${calc.period.from}..${calc.period.to}`, money(calc.earnedMinor)]);
  if (calc.planCap) rows.push(['plan cap', `limit ${money(calc.planCap.limitMinor ?? 0n)}: ${calc.planCap.acted ? 'acted' : 'no change'}`, money(calc.totalMinor)]);
  for (const c of calc.clawbacks) rows.push(['clawback', `${c.id}: ${c.explanation.method} of ${money(c.explanation.baseMinor)} x ${c.explanation.fraction}${c.explanation.proration ? ` (${c.explanation.proration.unservedDays} of ${c.explanation.proration.termDays} days unserved)` : ''}`, money(c.adjustmentMinor)]);
  const d = calc.draw;
  if (d) {
    if (d.drawAdvanceMinor > 0n) rows.push(['draw', `advance to the ${money(d.explanation.drawMinor)} draw (${d.explanation.outcome})`, money(d.drawAdvanceMinor)]);
    if (d.recoveryMinor > 0n) rows.push(['draw', `recovery of earlier advances (${d.explanation.outcome})`, money(-d.recoveryMinor)]);
    rows.push(['', `draw balance ${money(d.explanation.openingBalanceMinor)} -> ${money(d.balanceMinor)}`, '']);
  }
  rows.push(['PAYOUT', calc.currency, money(calc.payoutMinor)]);
  return rows;
}

/** A readable table: one block per component, each step of its explanation on a line. */
export function formatCalculation(plan: Plan, calc: PlanCalculation): string {
  const money = (v: bigint): string => formatMinorAsMajor(v, plan.currency);
  const rows: [string, string, string][] = [];
  for (const c of calc.components as readonly ComponentOut[]) {
    const component = plan.components.find((p) => p.id === c.componentId);
    const isCount = component ? measuresCount(component) : false;
    const qty = (v: bigint): string => (isCount ? v.toString() : money(v));
    rows.push([c.componentId, `${c.name}${c.window ? ` (window ${c.window.from}..${c.window.to})` : ''}`, '']);
    for (const line of c.lines) rows.push(...describeLine(line, money, qty, isCount).map(([a, b, d]): [string, string, string] => [`  ${a}`, b, d]));
    rows.push(['  = paid', '', money(c.amountMinor)], ['', '', '']);
  }
  rows.push(...planLines(calc, money));
  rows.push(['', `hash ${calculationHash(calc)}`, '']);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const w2 = Math.max(...rows.map((r) => r[2].length));
  const head = `${plan.name} (${plan.id} v${plan.version})`;
  return [head, ...rows.map(([a, b, d]) => (a || b || d ? `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${d.padStart(w2)}`.trimEnd() : ''))].join('\n');
}

export function formatExamples(report: ExamplesReport): string {
  const lines = report.examples.flatMap((e) => {
    const head = `${e.pass ? 'PASS' : 'FAIL'}  ${e.name} (line ${e.line})`;
    if (e.error) return [head, `      error: ${e.error}`];
    return [head, ...e.checks.filter((c) => !e.pass || !c.pass).map((c) => `      ${c.pass ? 'ok  ' : 'FAIL'} ${c.componentId}: expected ${c.expected}, actual ${c.actual}`)];
  });
  lines.push(`${report.passed} passed, ${report.failed} failed`);
  return lines.join('\n');
}
