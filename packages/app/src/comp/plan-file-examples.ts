import { PLAN_FILE_LIMITS, type PlanComponent, type PlanExample, type PlanExampleCredit, type PlanMeasureReading } from './plan-schema.js';
import { date, dateRange, identifier, keyed, mapping, money, name, quantity, sequence, where, add, type Field, type Reader } from './plan-reader.js';

export function example(r: Reader, raw: Field, path: string, plan: { currency: string; components: readonly PlanComponent[]; brokenIds: readonly string[] }): PlanExample | undefined {
  const m = mapping(r, raw, path, ['name', 'quota', 'quotas', 'targetIncentive', 'period', 'yearStart', 'measures', 'credits', 'expect'], ['name', 'period', 'credits', 'expect']);
  if (!m) return undefined;
  const { currency } = plan;
  const unitOf = new Map<string, 'count' | 'money'>([...plan.brokenIds.map((id) => [id, 'money'] as const), ...plan.components.map((c) => [c.id, c.measure.aggregate === 'count' ? ('count' as const) : ('money' as const)] as const)]);
  const nm = name(r, m.get('name'), `${path}.name`);
  const quotaMinor = m.has('quota') ? money(r, m.get('quota'), `${path}.quota`, currency) : 0n;
  const targetIncentiveMinor = m.has('targetIncentive') ? money(r, m.get('targetIncentive'), `${path}.targetIncentive`, currency) : undefined;
  const period = dateRange(r, m.get('period'), `${path}.period`);
  const yearStart = m.has('yearStart') ? date(r, m.get('yearStart'), `${path}.yearStart`) : undefined;
  const quotas = keyed(r, m.get('quotas'), `${path}.quotas`, [...unitOf.keys()], (node, at, key) => quantity(r, node, at, unitOf.get(key) ?? 'money', currency));
  const measures = keyed(r, m.get('measures'), `${path}.measures`, undefined, (node, at) => reading(r, node, at, currency));
  const expect = keyed(r, m.get('expect'), `${path}.expect`, [...unitOf.keys(), 'total'], (node, at) => money(r, node, at, currency));
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
  return {
    name: nm, quotaMinor, quotas, period, measures, expect, credits: credits as PlanExampleCredit[],
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
