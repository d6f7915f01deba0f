import type { Decimal } from '@attain/core';
import { measuresCount, PLAN_FILE_LIMITS, type PlanClawbackEvent, type PlanComponent, type PlanExample, type PlanExampleCredit, type PlanMeasureReading } from './plan-schema.js';
import { date, dateRange, decimal, identifier, keyed, mapping, money, name, quantity, sequence, where, add, type Field, type Reader } from './plan-reader.js';

const EXAMPLE_KEYS = ['name', 'quota', 'annualQuota', 'quotas', 'targetIncentive', 'period', 'yearStart', 'served', 'measures', 'scores', 'earnedBefore', 'drawBalance', 'clawbacks', 'credits', 'expect'];

export function example(r: Reader, raw: Field, path: string, plan: { currency: string; components: readonly PlanComponent[]; brokenIds: readonly string[]; phased: boolean }): PlanExample | undefined {
  const m = mapping(r, raw, path, EXAMPLE_KEYS, ['name', 'period', 'credits', 'expect']);
  if (!m) return undefined;
  const { currency } = plan;
  const unitOf = new Map<string, 'count' | 'money'>([...plan.brokenIds.map((id) => [id, 'money'] as const), ...plan.components.map((c) => [c.id, measuresCount(c) ? ('count' as const) : ('money' as const)] as const)]);
  if (m.has('annualQuota') && !plan.phased) add(r, `${path}.annualQuota`, m.get('annualQuota'), 'the plan has no quotaPhasing to phase an annual quota with');
  if (m.has('annualQuota') && m.has('quota')) add(r, `${path}.quota`, m.get('quota'), 'give quota or annualQuota, not both');
  const annualQuotaMinor = m.has('annualQuota') ? money(r, m.get('annualQuota'), `${path}.annualQuota`, currency) : undefined;
  const served = m.has('served') ? dateRange(r, m.get('served'), `${path}.served`) : undefined;
  const scores = keyed<Decimal>(r, m.get('scores'), `${path}.scores`, undefined, (node, at) => decimal(r, node, at));
  const earnedBefore = keyed(r, m.get('earnedBefore'), `${path}.earnedBefore`, [...unitOf.keys()], (node, at) => money(r, node, at, currency));
  const drawBalanceMinor = m.has('drawBalance') ? money(r, m.get('drawBalance'), `${path}.drawBalance`, currency) : undefined;
  const clawbackNodes = m.has('clawbacks') ? sequence(r, m.get('clawbacks'), `${path}.clawbacks`, PLAN_FILE_LIMITS.maxCreditsPerExample) : [];
  const clawbacks = clawbackNodes?.map((node, i) => clawbackEvent(r, node, `${path}.clawbacks[${i}]`, currency));
  const nm = name(r, m.get('name'), `${path}.name`);
  const quotaMinor = m.has('quota') ? money(r, m.get('quota'), `${path}.quota`, currency) : 0n;
  const targetIncentiveMinor = m.has('targetIncentive') ? money(r, m.get('targetIncentive'), `${path}.targetIncentive`, currency) : undefined;
  const period = dateRange(r, m.get('period'), `${path}.period`);
  const yearStart = m.has('yearStart') ? date(r, m.get('yearStart'), `${path}.yearStart`) : undefined;
  const quotas = keyed(r, m.get('quotas'), `${path}.quotas`, [...unitOf.keys()], (node, at, key) => quantity(r, node, at, unitOf.get(key) ?? 'money', currency));
  const measures = keyed(r, m.get('measures'), `${path}.measures`, undefined, (node, at) => reading(r, node, at, currency));
  const expect = keyed(r, m.get('expect'), `${path}.expect`, [...unitOf.keys(), 'total', 'payout'], (node, at) => money(r, node, at, currency));
  const creditNodes = sequence(r, m.get('credits'), `${path}.credits`, PLAN_FILE_LIMITS.maxCreditsPerExample);
  const credits = creditNodes?.map((node, i) => credit(r, node, `${path}.credits[${i}]`, i, currency));
  const ids = new Set<string>();
  credits?.forEach((c, i) => {
    if (c && ids.has(c.id)) add(r, `${path}.credits[${i}].id`, undefined, `duplicate credit id ${c.id}`);
    if (c) ids.add(c.id);
  });
  if (expect && Object.keys(expect).length === 0) add(r, `${path}.expect`, m.get('expect'), 'expect at least one amount');
  if (!nm || quotaMinor === undefined || !period || !quotas || !measures || !expect || !credits || credits.some((c) => !c)) return undefined;
  if ((m.has('targetIncentive') && targetIncentiveMinor === undefined) || (m.has('yearStart') && !yearStart)) return undefined;
  if ((m.has('annualQuota') && annualQuotaMinor === undefined) || (m.has('served') && !served) || !scores || !earnedBefore || (m.has('drawBalance') && drawBalanceMinor === undefined)) return undefined;
  if (!clawbacks || clawbacks.some((c) => !c)) return undefined;
  return {
    name: nm, quotaMinor, quotas, period, measures, scores, earnedBefore, expect, credits: credits as PlanExampleCredit[],
    clawbacks: clawbacks as PlanClawbackEvent[],
    ...(annualQuotaMinor === undefined ? {} : { annualQuotaMinor }),
    ...(served ? { served } : {}),
    ...(drawBalanceMinor === undefined ? {} : { drawBalanceMinor }),
    ...(targetIncentiveMinor === undefined ? {} : { targetIncentiveMinor }),
    ...(yearStart ? { yearStart } : {}),
    line: where(r, raw?.range?.[0]).line,
  };
}

function reading(r: Reader, raw: Field, path: string, currency: string): PlanMeasureReading | undefined {
  const m = mapping(r, raw, path, ['value', 'quota'], ['value']);
  if (!m) return undefined;
  const valueMinor = money(r, m.get('value'), `${path}.value`, currency);
  const quotaMinor = m.has('quota') ? money(r, m.get('quota'), `${path}.quota`, currency) : undefined;
  if (valueMinor === undefined || (m.has('quota') && quotaMinor === undefined)) return undefined;
  return { valueMinor, ...(quotaMinor === undefined ? {} : { quotaMinor }) };
}

function credit(r: Reader, raw: Field, path: string, index: number, currency: string): PlanExampleCredit | undefined {
  const m = mapping(r, raw, path, ['id', 'type', 'amount', 'date'], ['type', 'amount', 'date']);
  if (!m) return undefined;
  const id = m.has('id') ? identifier(r, m.get('id'), `${path}.id`) : `c${index + 1}`;
  const type = identifier(r, m.get('type'), `${path}.type`);
  const amountMinor = money(r, m.get('amount'), `${path}.amount`, currency);
  const d = date(r, m.get('date'), `${path}.date`);
  return id && type && amountMinor !== undefined && d ? { id, type, amountMinor, date: d } : undefined;
}

function clawbackEvent(r: Reader, raw: Field, path: string, currency: string): PlanClawbackEvent | undefined {
  const m = mapping(r, raw, path, ['id', 'earned', 'paid', 'contractStart', 'contractEnd', 'cancelledOn'], ['id']);
  if (!m) return undefined;
  const id = identifier(r, m.get('id'), `${path}.id`);
  const amount = (key: string): bigint | undefined | null => (m.has(key) ? (money(r, m.get(key), `${path}.${key}`, currency) ?? null) : undefined);
  const day = (key: string): string | undefined | null => (m.has(key) ? (date(r, m.get(key), `${path}.${key}`) ?? null) : undefined);
  const fields = { earnedMinor: amount('earned'), paidMinor: amount('paid'), contractStart: day('contractStart'), contractEnd: day('contractEnd'), cancelledOn: day('cancelledOn') };
  if (!id || Object.values(fields).some((v) => v === null)) return undefined;
  return { id, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
}
