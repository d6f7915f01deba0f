import { currencyExponent, formatDecimal, formatMinorAsMajor, pow10, type EarningLine, type ExactMinor } from '@attain/core';
import type { PlanExplanationRow } from '@attain/contract';
import type { PlanCalculation } from '../comp/plan-calculate.js';
import { measuresCount, type Plan } from '../comp/plan-schema.js';

type Unit = PlanExplanationRow['unit'];
type Row = PlanExplanationRow;

/** An exact amount of minor units in major units: a decimal when it has one (35000.005), else the fraction of minor units. */
function exactMajor(exact: ExactMinor, currency: string): string {
  for (let k = 0; k <= 12; k++) {
    const p = pow10(k);
    if (p % exact.denominator === 0n) return formatDecimal({ units: exact.numerator * (p / exact.denominator), scale: k + currencyExponent(currency) }, currencyExponent(currency));
  }
  return `${exact.numerator}/${exact.denominator} minor units`;
}

/** A gate, qualifier, cap or floor in words: what was checked and what it did. */
function adjustmentText(line: Extract<EarningLine, { adjustment: unknown }>, currency: string): string {
  const a = line.adjustment;
  const checked = a.threshold !== undefined ? `${a.measure} ${a.passWhen} ${a.threshold} (${a.basis}): ${a.passed ? 'passed' : 'missed'}` : '';
  const limit = a.limitMinor !== undefined ? `limit ${formatMinorAsMajor(a.limitMinor, currency)}${a.targetMultiple ? ` (${a.targetMultiple} x target incentive)` : ''}` : '';
  const multiplier = a.multiplier && a.passed === false ? ` x ${a.multiplier}` : '';
  return `${[checked, limit].filter(Boolean).join(', ')}${multiplier}: ${a.acted ? 'acted' : 'no change'}`;
}

/**
 * Any other step (a per-transaction total, a payout share, a to-date subtraction, and steps
 * the engine adds later): its name, the amount it leaves, and its other figures in words, by
 * name (a stored calculation's keys are sorted, and its rows must read as the live one's).
 */
function otherStep(base: Pick<Row, 'componentId' | 'componentName' | 'unit'>, line: EarningLine): Row {
  const fields = line as unknown as Record<string, unknown>;
  const amount = ['amountMinor', 'periodAmountMinor', 'afterMinor'].map((k) => fields[k]).find((v) => typeof v === 'bigint');
  const details = Object.entries(fields)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([k, v]) => k !== 'step' && (typeof v === 'bigint' || typeof v === 'string' || typeof v === 'number'))
    .map(([k, v]) => `${k.replace(/Minor$/, '')} ${String(v)}`)
    .join(', ');
  return { ...base, step: line.step, ...(typeof amount === 'bigint' ? { amountMinor: amount.toString() } : {}), ...(details ? { acted: details } : {}) };
}

function rowsOfLine(base: Pick<Row, 'componentId' | 'componentName' | 'unit'>, line: EarningLine, currency: string): Row[] {
  switch (line.step) {
    case 'measure':
      return [{ ...base, step: 'measure', measureValue: line.valueMinor.toString(), ...(line.attainment ? { attainment: line.attainment.display } : {}) }];
    case 'tiers': {
      const rows: Row[] = line.result.lines.map((t) => ({
        ...base,
        step: t.kind,
        tier: t.tierIndex,
        measureValue: line.valueMinor.toString(),
        rate: t.rate ?? (t.multiplier !== undefined ? `x ${t.multiplier}` : t.tierPayoutMinor !== undefined ? `${t.tierPayoutMinor} x ${t.fraction?.numerator}/${t.fraction?.denominator}` : undefined),
        slice: t.sliceMinor.toString(),
        amountMinor: t.earnedMinor.toString(),
      } as Row));
      const r = line.result.rounding;
      rows.push({ ...base, step: 'rounding', amountMinor: r.residualMinor.toString(), rounding: `${r.point} ${r.mode}, exact ${exactMajor(r.exactTotal, currency)}` });
      return rows;
    }
    case 'formula':
      return [{ ...base, step: 'formula', amountMinor: line.amountMinor.toString(), acted: `${line.source} = ${line.result}`, rounding: line.roundingMode }];
    default:
      return 'adjustment' in line ? [{ ...base, step: line.step, amountMinor: line.adjustment.afterMinor.toString(), acted: adjustmentText(line, currency) }] : [otherStep(base, line)];
  }
}

/** A clawback in words: the cancelled transaction, and what of what it earned or was paid comes back. */
function clawbackText(c: PlanCalculation['clawbacks'][number], currency: string): string {
  const e = c.explanation;
  const base = formatMinorAsMajor(e.baseMinor, currency);
  if (e.proration) {
    const p = e.proration;
    return `${c.id}: ${base} earned x ${p.unservedDays}/${p.termDays} days of the term ${p.contractStart}..${p.contractEnd} not served (lost ${p.cancelledOn}), ${e.roundingMode}`;
  }
  return `${c.id}: ${e.fraction} of ${base} ${e.method === 'of-paid' ? 'paid' : 'earned'}, ${e.roundingMode}`;
}

/**
 * The sample calculation as table rows: per component its measure, every tier slice, the
 * rounding, each gate, qualifier, cap and floor, and what was paid. Quantities stay in
 * minor units (or counts, per `unit`) so the screen formats them once, in the plan's currency.
 */
export function explanationRows(plan: Plan, calc: PlanCalculation): Row[] {
  const planBase = { componentId: 'plan', componentName: plan.name, unit: 'money' as const };
  const planRows: Row[] = [];
  if (calc.planCap) planRows.push({ ...planBase, step: 'plan-cap', amountMinor: calc.planCap.afterMinor.toString(), acted: adjustmentText({ step: 'cap', adjustment: calc.planCap }, plan.currency) });
  for (const c of calc.clawbacks) planRows.push({ ...planBase, step: 'clawback', amountMinor: c.adjustmentMinor.toString(), acted: clawbackText(c, plan.currency) });
  if (calc.draw || calc.clawbacks.length > 0) planRows.push({ ...planBase, step: 'payout', amountMinor: calc.payoutMinor.toString(), acted: 'earnings with the draw and clawbacks' });
  const componentRows = calc.components.flatMap((c) => {
    const component = plan.components.find((p) => p.id === c.componentId);
    const unit: Unit = component && measuresCount(component) ? 'count' : 'money';
    const base = { componentId: c.componentId, componentName: c.name, unit };
    return [...c.lines.flatMap((line) => rowsOfLine(base, line, plan.currency)), { ...base, step: 'paid', amountMinor: c.amountMinor.toString() }];
  });
  return [...componentRows, ...planRows];
}

/** Any value with bigints as decimal strings (minor units), ready for JSON. */
export function withBigintsAsStrings(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(withBigintsAsStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withBigintsAsStrings(v)]));
  return value;
}
