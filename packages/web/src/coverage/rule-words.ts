import { formatMoney } from '../ui/format.js';

/*
 * The account fields and operators of segment rules (core's account-filter), and a rule said
 * in plain words for the tables: "employees ≥ 1,000 and region is EMEA".
 */

export const TEXT_FIELDS = ['industry', 'region', 'country', 'city', 'postalCode'] as const;
export const NUMBER_FIELDS = ['employees', 'annualRevenueMinor', 'potentialMinor'] as const;
/** Number fields holding money (minor units of the organisation's currency). */
export const MONEY_FIELDS: readonly string[] = ['annualRevenueMinor', 'potentialMinor'];
export const TEXT_OPS = ['is', 'isNot', 'in', 'notIn', 'isEmpty', 'isSet'] as const;
export const NUMBER_OPS = ['gte', 'gt', 'lte', 'lt', 'isEmpty', 'isSet'] as const;

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  industry: 'industry', region: 'region', country: 'country', city: 'city', postalCode: 'postal code',
  employees: 'employees', annualRevenueMinor: 'annual revenue', potentialMinor: 'potential',
};

export const OP_LABELS: Readonly<Record<string, string>> = {
  is: 'is', isNot: 'is not', in: 'is one of', notIn: 'is none of', isEmpty: 'is empty', isSet: 'is set',
  gte: '≥', gt: '>', lte: '≤', lt: '<',
};

export const isNumberField = (field: string): boolean => (NUMBER_FIELDS as readonly string[]).includes(field);
/** The operators a field takes. */
export const opsOf = (field: string): readonly string[] => (isNumberField(field) ? NUMBER_OPS : TEXT_OPS);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const INTEGER = /^-?\d+$/;

/** An integer string with grouping ("1000" -> "1,000"), through bigint so long ones stay exact. */
export function formatInteger(text: string): string {
  return INTEGER.test(text) ? new Intl.NumberFormat().format(BigInt(text)) : text;
}

/** Hours as the API gives them ("1200", "12.5") with grouping: "1,200", "12.5". */
export function formatHours(text: string): string {
  const [whole = '', frac] = text.split('.');
  return `${formatInteger(whole)}${frac ? `.${frac}` : ''}`;
}

function conditionInWords(c: Record<string, unknown>, currency: string): string {
  const field = String(c.field);
  const label = FIELD_LABELS[field] ?? field;
  const op = String(c.op);
  const said = OP_LABELS[op] ?? op;
  if (op === 'isEmpty' || op === 'isSet') return `${label} ${said}`;
  if (op === 'in' || op === 'notIn') return `${label} ${said} ${Array.isArray(c.values) ? c.values.join(', ') : ''}`;
  const value = String(c.value);
  if (!isNumberField(field)) return `${label} ${said} ${value}`;
  return `${label} ${said} ${MONEY_FIELDS.includes(field) && INTEGER.test(value) ? formatMoney(value, currency) : formatInteger(value)}`;
}

/** A rule in plain words; null is the last segment's "everything else". */
export function ruleInWords(rule: unknown, currency: string): string {
  if (rule === null || rule === undefined) return 'everything else';
  if (!isObject(rule)) return JSON.stringify(rule);
  // Groups inside groups are bracketed so "and" and "or" read unambiguously.
  const inner = (r: unknown) => (isObject(r) && ('all' in r || 'any' in r) ? `(${ruleInWords(r, currency)})` : ruleInWords(r, currency));
  if (Array.isArray(rule.all)) return rule.all.map(inner).join(' and ');
  if (Array.isArray(rule.any)) return rule.any.map(inner).join(' or ');
  if ('not' in rule) return `not (${ruleInWords(rule.not, currency)})`;
  return conditionInWords(rule, currency);
}
