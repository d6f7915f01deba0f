import {
  applyTiers,
  DomainError,
  FORMULA_INPUTS,
  parseExpression,
  type ClawbackRule,
  type DrawRecovery,
  type FormulaComponent,
  type QuotaPhasing,
  formatMinorAsMajor,
  isCurrencyCode,
  MEASURE_QUOTAS,
  QUOTA_MEASURE_NAMES,
  type QuotaMeasure,
  type Accumulation,
  type ComponentKind,
  type ComponentMeasureGate,
  type ComponentQualifier,
  type Decimal,
  type EdgeBasis,
  type Limit,
  type MeasureCondition,
  type RateTable,
  type RateTier,
  type RoundingMode,
  type TierMode,
  type TierRounding,
} from '@attain/core';
import { isMap, isScalar, LineCounter, parseDocument, Scalar } from 'yaml';
import { example } from './plan-file-examples.js';
import { add, bool, date, dateRange, decimal, identifier, mapping, money, name, oneOf, positiveInt, quantity, sequence, text, where, type Field, type Reader, type Unit } from './plan-reader.js';
import { PLAN_FILE_LIMITS, type Plan, type PlanClawback, type PlanComponent, type PlanDraw, type PlanExample, type PlanFormulaComponent, type PlanIssue, type PlanTierComponent } from './plan-schema.js';

const KINDS: readonly ComponentKind[] = ['commission', 'bonus', 'spif', 'mbo'];
const MODES: readonly TierMode[] = ['marginal', 'retroactive', 'overage-multiplier', 'interpolated', 'band-multiplier'];
const ROUNDING_MODES: readonly RoundingMode[] = ['half-even', 'half-up', 'down', 'up', 'floor', 'ceiling'];
const ACCUMULATIONS: readonly Accumulation[] = ['period', 'per-transaction', 'quarter-to-date', 'year-to-date'];

/** An edge or threshold in a basis: quantity of the measure for 'amount', ratio of quota for 'attainment'. */
function edge(r: Reader, node: Field, path: string, basis: EdgeBasis, unit: Unit, currency: string): Decimal | undefined {
  if (basis === 'attainment') {
    const d = decimal(r, node, path);
    if (d && d.units < 0n) return add(r, path, node, 'must be >= 0');
    return d;
  }
  const q = quantity(r, node, path, unit, currency);
  return q === undefined ? undefined : { units: q, scale: 0 };
}

interface ComponentContext {
  readonly currency: string;
  readonly unit: Unit;
  readonly path: string;
}

function rateTier(r: Reader, raw: Field, path: string, basis: EdgeBasis, c: ComponentContext): RateTier | undefined {
  const m = mapping(r, raw, path, ['lower', 'upper', 'rate', 'payout', 'multiplier'], ['lower']);
  if (!m) return undefined;
  const lower = edge(r, m.get('lower'), `${path}.lower`, basis, c.unit, c.currency);
  const upper = m.has('upper') ? edge(r, m.get('upper'), `${path}.upper`, basis, c.unit, c.currency) : undefined;
  // On a count measure a rate is money per counted credit (e.g. "50.00" a meeting), so it is read as an amount.
  const rate = !m.has('rate') ? undefined : c.unit === 'count' ? moneyAsDecimal(money(r, m.get('rate'), `${path}.rate`, c.currency)) : decimal(r, m.get('rate'), `${path}.rate`);
  const payout = m.has('payout') ? money(r, m.get('payout'), `${path}.payout`, c.currency) : undefined;
  const multiplier = m.has('multiplier') ? decimal(r, m.get('multiplier'), `${path}.multiplier`) : undefined;
  // A factor that did not read is already reported; the tier is left out so the mode's check does not report it again as missing.
  if (lower === undefined || (m.has('rate') && !rate) || (m.has('payout') && payout === undefined) || (m.has('multiplier') && !multiplier) || (m.has('upper') && !upper)) return undefined;
  return { lower, ...(upper ? { upper } : {}), ...(rate ? { rate } : {}), ...(payout === undefined ? {} : { payoutMinor: payout }), ...(multiplier ? { multiplier } : {}) };
}

const moneyAsDecimal = (minor: bigint | undefined): Decimal | undefined => (minor === undefined ? undefined : { units: minor, scale: 0 });

function rateTable(r: Reader, raw: Field, c: ComponentContext): RateTable | undefined {
  const path = `${c.path}.rateTable`;
  const m = mapping(r, raw, path, ['basis', 'boundary', 'decelerator', 'tiers'], ['basis', 'boundary', 'tiers']);
  if (!m) return undefined;
  const basis = oneOf<EdgeBasis>(r, m.get('basis'), `${path}.basis`, ['amount', 'attainment']);
  const boundary = oneOf(r, m.get('boundary'), `${path}.boundary`, ['lower-inclusive', 'upper-inclusive'] as const);
  const decelerator = m.has('decelerator') ? bool(r, m.get('decelerator'), `${path}.decelerator`) : undefined;
  const items = sequence(r, m.get('tiers'), `${path}.tiers`, PLAN_FILE_LIMITS.maxTiers);
  if (!basis || !boundary || !items) return undefined;
  if (items.length === 0) return add(r, `${path}.tiers`, m.get('tiers'), 'a rate table needs at least one tier');
  const tiers = items.map((t, i) => rateTier(r, t, `${path}.tiers[${i}]`, basis, c));
  if (tiers.some((t) => t === undefined)) return undefined;
  return { basis, boundary, ...(decelerator === undefined ? {} : { decelerator }), tiers: tiers as RateTier[] };
}

/** A condition on a measure: the component's own (threshold gate) or a named other one. */
function condition(r: Reader, m: Map<string, Field>, path: string, unit: Unit, currency: string): MeasureCondition | undefined {
  const measure = m.has('measure') ? identifier(r, m.get('measure'), `${path}.measure`) : 'self';
  const basis = oneOf<EdgeBasis>(r, m.get('basis'), `${path}.basis`, ['amount', 'attainment']);
  const passWhen = m.has('passWhen') ? oneOf(r, m.get('passWhen'), `${path}.passWhen`, ['at-or-above', 'above'] as const) : 'at-or-above';
  const threshold = basis ? edge(r, m.get('threshold'), `${path}.threshold`, basis, unit, currency) : undefined;
  if (!measure || !basis || !passWhen || !threshold) return undefined;
  return { measure, basis, threshold, passWhen };
}

function limit(r: Reader, raw: Field, path: string, currency: string): Limit | undefined {
  const m = mapping(r, raw, path, ['amount', 'targetMultiple']);
  if (!m) return undefined;
  if (m.has('amount') === m.has('targetMultiple')) return add(r, path, raw, 'give exactly one of amount, targetMultiple');
  if (m.has('amount')) {
    const limitMinor = money(r, m.get('amount'), `${path}.amount`, currency);
    return limitMinor === undefined ? undefined : { kind: 'amount', limitMinor };
  }
  const multiple = decimal(r, m.get('targetMultiple'), `${path}.targetMultiple`);
  if (multiple && multiple.units < 0n) return add(r, `${path}.targetMultiple`, m.get('targetMultiple'), 'must be >= 0');
  return multiple ? { kind: 'target-multiple', multiple } : undefined;
}

function rounding(r: Reader, raw: Field, path: string): TierRounding | undefined {
  const m = mapping(r, raw, path, ['point', 'mode'], ['point', 'mode']);
  if (!m) return undefined;
  const point = oneOf(r, m.get('point'), `${path}.point`, ['per-line', 'total'] as const);
  const mode = oneOf(r, m.get('mode'), `${path}.mode`, ROUNDING_MODES);
  return point && mode ? { point, mode } : undefined;
}

const COMPONENT_KEYS = ['id', 'name', 'kind', 'measure', 'rateTable', 'mode', 'rounding', 'accumulation', 'window', 'thresholdGate', 'measureGate', 'qualifier', 'cap', 'floor', 'formula', 'scores'];
const TIER_ONLY = ['rateTable', 'mode', 'accumulation', 'thresholdGate', 'measureGate', 'qualifier'];

interface MeasureRead {
  readonly measure: { creditTypes: string[]; aggregate: 'sum' | 'count' };
  readonly minCreditAmountMinor?: bigint;
  readonly quotaMeasure?: QuotaMeasure;
}

/** The measure's own quota (`quota: new-logos`): one of core's MEASURE_QUOTAS, of the measure's unit. */
function quotaMeasureOf(r: Reader, raw: Field, path: string, aggregate: 'sum' | 'count' | undefined): QuotaMeasure | undefined {
  const name = oneOf(r, raw, path, QUOTA_MEASURE_NAMES);
  if (name === undefined || aggregate === undefined) return undefined;
  const unit = MEASURE_QUOTAS[name].unit;
  if ((unit === 'count') !== (aggregate === 'count')) return add(r, path, raw, `${name} is a ${unit}: the measure's aggregate must be ${unit === 'count' ? 'count' : 'sum'}`);
  return name;
}

function measureOf(r: Reader, raw: Field, path: string, currency: string): MeasureRead | undefined {
  const m = mapping(r, raw, path, ['creditTypes', 'aggregate', 'minAmount', 'quota'], ['creditTypes', 'aggregate']);
  if (!m) return undefined;
  const aggregate = oneOf(r, m.get('aggregate'), `${path}.aggregate`, ['sum', 'count'] as const);
  const quotaMeasure = m.has('quota') ? quotaMeasureOf(r, m.get('quota'), `${path}.quota`, aggregate) : undefined;
  const typeNodes = sequence(r, m.get('creditTypes'), `${path}.creditTypes`, 50);
  const creditTypes = typeNodes?.map((t, i) => identifier(r, t, `${path}.creditTypes[${i}]`));
  if (typeNodes && typeNodes.length === 0) add(r, `${path}.creditTypes`, m.get('creditTypes'), 'name at least one credit type');
  const minCreditAmountMinor = m.has('minAmount') ? money(r, m.get('minAmount'), `${path}.minAmount`, currency) : undefined;
  if (!aggregate || !creditTypes || creditTypes.some((t) => t === undefined) || (m.has('minAmount') && minCreditAmountMinor === undefined) || (m.has('quota') && !quotaMeasure)) return undefined;
  return { measure: { creditTypes: creditTypes as string[], aggregate }, ...(minCreditAmountMinor === undefined ? {} : { minCreditAmountMinor }), ...(quotaMeasure ? { quotaMeasure } : {}) };
}

function component(r: Reader, raw: Field, path: string, currency: string): PlanComponent | undefined {
  const isFormula = isMap(raw) && raw.has('formula');
  const required = isFormula ? ['id', 'name', 'kind', 'formula'] : ['id', 'name', 'kind', 'measure', 'rateTable', 'mode'];
  const m = mapping(r, raw, path, COMPONENT_KEYS, required);
  if (!m) return undefined;
  if (isFormula) {
    for (const key of TIER_ONLY) if (m.has(key)) add(r, `${path}.${key}`, m.get(key), 'a formula component has no ' + key + ' (the formula says how it pays)');
    return formulaComponent(r, m, path, currency);
  }
  if (m.has('scores')) add(r, `${path}.scores`, m.get('scores'), 'scores are read by formulas only');
  const id = identifier(r, m.get('id'), `${path}.id`);
  const nm = name(r, m.get('name'), `${path}.name`);
  const kind = oneOf(r, m.get('kind'), `${path}.kind`, KINDS);
  const mode = oneOf(r, m.get('mode'), `${path}.mode`, MODES);
  const measured = measureOf(r, m.get('measure'), `${path}.measure`, currency);
  const unit: Unit = measured?.measure.aggregate === 'count' ? 'count' : 'money';
  const c: ComponentContext = { currency, unit, path };
  const table = rateTable(r, m.get('rateTable'), c);
  const round = m.has('rounding') ? rounding(r, m.get('rounding'), `${path}.rounding`) : { point: 'total' as const, mode: 'half-even' as const };
  const accumulation = m.has('accumulation') ? oneOf(r, m.get('accumulation'), `${path}.accumulation`, ACCUMULATIONS) : 'period';
  const window = m.has('window') ? dateRange(r, m.get('window'), `${path}.window`) : undefined;
  const thresholdGate = m.has('thresholdGate') ? gateOnSelf(r, m.get('thresholdGate'), `${path}.thresholdGate`, unit, currency) : undefined;
  const measureGate = m.has('measureGate') ? gateOnOther(r, m.get('measureGate'), `${path}.measureGate`, currency, table) : undefined;
  const qualifier = m.has('qualifier') ? qualifierOf(r, m.get('qualifier'), `${path}.qualifier`, currency) : undefined;
  const cap = m.has('cap') ? limit(r, m.get('cap'), `${path}.cap`, currency) : undefined;
  const floor = m.has('floor') ? limit(r, m.get('floor'), `${path}.floor`, currency) : undefined;
  if (!id || !nm || !kind || !mode || !measured || !table || !round || !accumulation) return undefined;
  if (m.has('window') && !window) return undefined;
  // An assignment's measure quota is phased for the pay period; a span to date would need it from the span's start.
  if (measured.quotaMeasure && accumulation !== 'period') return add(r, `${path}.measure.quota`, m.get('measure'), `a quota of ${measured.quotaMeasure} is measured per period: leave accumulation at period`);
  if ((m.has('thresholdGate') && !thresholdGate) || (m.has('measureGate') && !measureGate) || (m.has('qualifier') && !qualifier) || (m.has('cap') && !cap) || (m.has('floor') && !floor)) return undefined;
  const built: PlanTierComponent = {
    id, name: nm, kind, mode, rounding: round, accumulation,
    measure: measured.measure,
    rateTable: table,
    ...(measured.minCreditAmountMinor === undefined ? {} : { minCreditAmountMinor: measured.minCreditAmountMinor }),
    ...(measured.quotaMeasure ? { quotaMeasure: measured.quotaMeasure } : {}),
    ...(window ? { window } : {}),
    ...(thresholdGate ? { thresholdGate } : {}),
    ...(measureGate ? { measureGate } : {}),
    ...(qualifier ? { qualifier } : {}),
    ...(cap ? { cap } : {}),
    ...(floor ? { floor } : {}),
  };
  checkWithCore(r, built, path, currency);
  return built;
}

/** A component paid by a formula: parsed here (never evaluated as code); its errors point into the file. */
function formulaComponent(r: Reader, m: Map<string, Field>, path: string, currency: string): PlanFormulaComponent | undefined {
  const id = identifier(r, m.get('id'), `${path}.id`);
  const nm = name(r, m.get('name'), `${path}.name`);
  const kind = oneOf(r, m.get('kind'), `${path}.kind`, KINDS);
  const measured = m.has('measure') ? measureOf(r, m.get('measure'), `${path}.measure`, currency) : undefined;
  const scoreNodes = m.has('scores') ? sequence(r, m.get('scores'), `${path}.scores`, 50) : [];
  const scores = scoreNodes?.map((node, i) => {
    const v = text(r, node, `${path}.scores[${i}]`);
    if (v !== undefined && (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(v) || (FORMULA_INPUTS as readonly string[]).includes(v))) return add(r, `${path}.scores[${i}]`, node, `must be a name of letters, digits and _ other than ${FORMULA_INPUTS.join(', ')}`);
    return v;
  });
  const roundingMode = m.has('rounding') ? rounding(r, m.get('rounding'), `${path}.rounding`)?.mode : 'half-even';
  const cap = m.has('cap') ? limit(r, m.get('cap'), `${path}.cap`, currency) : undefined;
  const floor = m.has('floor') ? limit(r, m.get('floor'), `${path}.floor`, currency) : undefined;
  const window = m.has('window') ? dateRange(r, m.get('window'), `${path}.window`) : undefined;
  if (!scores || scores.some((x) => x === undefined)) return undefined;
  const formula = expression(r, m.get('formula'), `${path}.formula`, [...FORMULA_INPUTS, ...(scores as string[])]);
  if (!id || !nm || !kind || !formula || !roundingMode || (m.has('measure') && !measured)) return undefined;
  if ((m.has('cap') && !cap) || (m.has('floor') && !floor) || (m.has('window') && !window)) return undefined;
  const built: FormulaComponent & PlanFormulaComponent = {
    id, name: nm, kind, formula, scores: scores as string[], roundingMode,
    ...(measured ? { measure: measured.measure } : {}),
    ...(measured?.minCreditAmountMinor === undefined ? {} : { minCreditAmountMinor: measured.minCreditAmountMinor }),
    ...(measured?.quotaMeasure ? { quotaMeasure: measured.quotaMeasure } : {}),
    ...(window ? { window } : {}),
    ...(cap ? { cap } : {}),
    ...(floor ? { floor } : {}),
  };
  return built;
}

/** Parses a formula; an error inside it is placed at its line and column in the file (single-line formulas exactly). */
function expression(r: Reader, node: Field, path: string, inputs: readonly string[]): FormulaComponent['formula'] | undefined {
  const source = text(r, node, path);
  if (source === undefined) return undefined;
  try {
    return parseExpression({ source, inputs, field: path });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const issue = error.issues[0];
    const at = /^line (\d+), column (\d+): (.*)$/s.exec(issue?.message ?? '');
    const start = node?.range?.[0] ?? 0;
    const quoted = isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) ? 1 : 0;
    const inFile = at && at[1] === '1' && !source.includes('\n') ? where(r, start + quoted + Number(at[2]) - 1) : where(r, start);
    r.issues.push({ field: path, message: at ? (at[3] as string) : (issue?.message ?? error.message), ...inFile });
    return undefined;
  }
}

function gateOnSelf(r: Reader, raw: Field, path: string, unit: Unit, currency: string): MeasureCondition | undefined {
  const m = mapping(r, raw, path, ['basis', 'threshold', 'passWhen'], ['basis', 'threshold']);
  return m ? condition(r, m, path, unit, currency) : undefined;
}

function gateOnOther(r: Reader, raw: Field, path: string, currency: string, table: RateTable | undefined): ComponentMeasureGate | undefined {
  const m = mapping(r, raw, path, ['measure', 'basis', 'threshold', 'passWhen', 'fromTier'], ['measure', 'basis', 'threshold', 'fromTier']);
  if (!m) return undefined;
  const cond = condition(r, m, path, 'money', currency);
  const v = text(r, m.get('fromTier'), `${path}.fromTier`);
  if (v === undefined) return undefined;
  const fromTierIndex = /^\d{1,3}$/.test(v) ? Number(v) : -1;
  if (fromTierIndex < 0 || (table && fromTierIndex >= table.tiers.length)) return add(r, `${path}.fromTier`, m.get('fromTier'), `must be the index of a tier (0 to ${(table?.tiers.length ?? 1) - 1})`);
  return cond ? { condition: cond, fromTierIndex } : undefined;
}

function qualifierOf(r: Reader, raw: Field, path: string, currency: string): ComponentQualifier | undefined {
  const m = mapping(r, raw, path, ['measure', 'basis', 'threshold', 'passWhen', 'multiplierIfMissed'], ['measure', 'basis', 'threshold', 'multiplierIfMissed']);
  if (!m) return undefined;
  const cond = condition(r, m, path, 'money', currency);
  const multiplierIfMissed = decimal(r, m.get('multiplierIfMissed'), `${path}.multiplierIfMissed`);
  if (multiplierIfMissed && multiplierIfMissed.units < 0n) return add(r, `${path}.multiplierIfMissed`, m.get('multiplierIfMissed'), 'must be >= 0');
  return cond && multiplierIfMissed ? { ...cond, multiplierIfMissed } : undefined;
}

/**
 * Runs core's own checks of the table for the tier mode (edges, gaps, factors a mode
 * needs, decelerators) on a dry run, and places each issue at its line and column.
 */
function checkWithCore(r: Reader, built: PlanTierComponent, path: string, currency: string): void {
  // Core states amount edges in minor units; the file writes money in major units.
  const inFileUnits = (message: string): string =>
    built.rateTable.basis === 'amount' && built.measure.aggregate === 'sum' ? message.replace(/edge (-?\d+)/, (_m, minor: string) => `edge ${formatMinorAsMajor(BigInt(minor), currency)}`) : message;
  try {
    applyTiers({ table: built.rateTable, mode: built.mode, value: 0n, quota: 1n, targetIncentive: 0n, rounding: built.rounding });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const issue of error.issues) {
      const field = `${path}.rateTable.${issue.field.replace(/^table\./, '').replace(/payoutMinor$/, 'payout')}`;
      add(r, field, undefined, inFileUnits(issue.message));
    }
  }
}

function monthNumber(r: Reader, node: Field, path: string): number | undefined {
  const v = text(r, node, path);
  if (v === undefined) return undefined;
  if (!/^(?:[1-9]|1[0-2])$/.test(v)) return add(r, path, node, 'must be a month number from 1 to 12');
  return Number(v);
}

/** Seasonal phasing: 4 quarterly or 12 monthly weights summing to exactly 1 (core checks the sum). */
function phasing(r: Reader, raw: Field, path: string): QuotaPhasing | undefined {
  const m = mapping(r, raw, path, ['by', 'weights'], ['by', 'weights']);
  if (!m) return undefined;
  const by = oneOf(r, m.get('by'), `${path}.by`, ['quarter', 'month'] as const);
  const nodes = sequence(r, m.get('weights'), `${path}.weights`, 12);
  const weights = nodes?.map((node, i) => decimal(r, node, `${path}.weights[${i}]`));
  if (!by || !weights || weights.some((w) => w === undefined)) return undefined;
  const ws = weights as Decimal[];
  if (ws.length !== (by === 'quarter' ? 4 : 12)) return add(r, `${path}.weights`, m.get('weights'), `phasing by ${by} needs ${by === 'quarter' ? 4 : 12} weights`);
  const scale = Math.max(...ws.map((w) => w.scale));
  const sum = ws.reduce((acc, w) => acc + w.units * 10n ** BigInt(scale - w.scale), 0n);
  if (sum !== 10n ** BigInt(scale) || ws.some((w) => w.units < 0n)) return add(r, `${path}.weights`, m.get('weights'), 'weights must be >= 0 and sum to exactly 1');
  return { by, weights: ws };
}

function drawOf(r: Reader, raw: Field, path: string, currency: string): PlanDraw | undefined {
  const m = mapping(r, raw, path, ['amount', 'recoverable', 'recovery'], ['amount', 'recoverable']);
  if (!m) return undefined;
  const amountMinor = money(r, m.get('amount'), `${path}.amount`, currency);
  const recoverable = bool(r, m.get('recoverable'), `${path}.recoverable`);
  const recovery = m.has('recovery') ? oneOf<DrawRecovery>(r, m.get('recovery'), `${path}.recovery`, ['immediate', 'capped']) : 'immediate';
  if (amountMinor !== undefined && amountMinor < 0n) return add(r, `${path}.amount`, m.get('amount'), 'must be >= 0');
  return amountMinor !== undefined && recoverable !== undefined && recovery ? { amountMinor, recoverable, recovery } : undefined;
}

function clawbackOf(r: Reader, raw: Field, path: string): PlanClawback | undefined {
  const m = mapping(r, raw, path, ['method', 'percentage', 'termMonths'], ['method']);
  if (!m) return undefined;
  const method = oneOf<ClawbackRule['method']>(r, m.get('method'), `${path}.method`, ['of-earned', 'of-paid', 'prorated-unserved']);
  const percentage = m.has('percentage') ? decimal(r, m.get('percentage'), `${path}.percentage`) : undefined;
  if (method === 'prorated-unserved' && m.has('percentage')) return add(r, `${path}.percentage`, m.get('percentage'), 'prorated-unserved takes the unserved share of the term, not a percentage');
  if (method !== 'prorated-unserved' && m.has('termMonths')) return add(r, `${path}.termMonths`, m.get('termMonths'), 'only prorated-unserved has a contract term');
  if (percentage && (percentage.units < 0n || percentage.units > 10n ** BigInt(percentage.scale))) return add(r, `${path}.percentage`, m.get('percentage'), 'must be between 0 and 1');
  const termMonths = m.has('termMonths') ? positiveInt(r, m.get('termMonths'), `${path}.termMonths`) : undefined;
  if (termMonths !== undefined && termMonths > MAX_TERM_MONTHS) return add(r, `${path}.termMonths`, m.get('termMonths'), `must be at most ${MAX_TERM_MONTHS}`);
  if (!method || (m.has('percentage') && !percentage) || (m.has('termMonths') && termMonths === undefined)) return undefined;
  return { method, ...(percentage ? { percentage } : {}), ...(termMonths === undefined ? {} : { termMonths }) };
}

/** Ten years: a longer contract term is a typing error. */
const MAX_TERM_MONTHS = 120;

function formatIssue(issue: PlanIssue): string {
  return `line ${issue.line}, column ${issue.column}: ${issue.field}: ${issue.message}`;
}

function planError(issues: readonly PlanIssue[]): DomainError {
  const sorted = [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = sorted[0] as PlanIssue;
  const more = sorted.length > 1 ? ` (and ${sorted.length - 1} more)` : '';
  return new DomainError('validation_failed', `${formatIssue(first)}${more}`, sorted);
}

/**
 * Reads a plan file (YAML; JSON is YAML too) into a validated {@link Plan}. Every problem
 * is collected and thrown as one `validation_failed` DomainError whose issues carry the
 * field path, line and column. Amounts are exact (source text, never floats); unknown keys
 * are errors; size, component, tier and alias limits refuse hostile files early.
 */
export function parsePlanFile({ text: source }: { text: string }): Plan {
  if (typeof source !== 'string') throw planError([{ field: 'plan', message: 'must be text', line: 1, column: 1 }]);
  if (Buffer.byteLength(source, 'utf8') > PLAN_FILE_LIMITS.maxBytes) throw planError([{ field: 'plan', message: `file is larger than ${PLAN_FILE_LIMITS.maxBytes} bytes`, line: 1, column: 1 }]);
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2', keepSourceTokens: false });
  const r: Reader = { text: source, doc, lines, issues: [], positions: new Map(), aliases: 0 };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const { line, col } = lines.linePos(e.pos[0]);
    r.issues.push({ field: 'yaml', message: e.message.split('\n')[0] ?? e.code, line, column: col });
  }
  if (r.issues.length > 0) throw planError(r.issues);
  const plan = readPlan(r, doc.contents as Field);
  if (r.issues.length > 0 || !plan) throw planError(r.issues.length > 0 ? r.issues : [{ field: 'plan', message: 'is invalid', line: 1, column: 1 }]);
  return plan;
}

function readPlan(r: Reader, root: Field): Plan | undefined {
  if (root === undefined || root === null) return add(r, 'plan', undefined, 'the file is empty: it must start with plan:');
  const top = mapping(r, root, '', ['plan'], ['plan']);
  if (!top) return undefined;
  const path = 'plan';
  const m = mapping(r, top.get('plan'), path, ['id', 'name', 'version', 'effective', 'currency', 'payPeriod', 'yearStartMonth', 'proration', 'quotaPhasing', 'cap', 'draw', 'clawback', 'components', 'examples'], ['id', 'name', 'version', 'effective', 'currency', 'components']);
  if (!m) return undefined;
  const id = identifier(r, m.get('id'), `${path}.id`);
  const nm = name(r, m.get('name'), `${path}.name`);
  const version = positiveInt(r, m.get('version'), `${path}.version`);
  const effectiveMap = mapping(r, m.get('effective'), `${path}.effective`, ['from', 'to'], ['from']);
  const from = effectiveMap ? date(r, effectiveMap.get('from'), `${path}.effective.from`) : undefined;
  const to = effectiveMap?.has('to') ? date(r, effectiveMap.get('to'), `${path}.effective.to`) : undefined;
  if (from && to && from > to) add(r, `${path}.effective.to`, effectiveMap?.get('to'), `must not be before from (${from})`);
  const currency = text(r, m.get('currency'), `${path}.currency`);
  if (currency !== undefined && !isCurrencyCode(currency)) return add(r, `${path}.currency`, m.get('currency'), 'must be an ISO 4217 currency code such as USD');
  if (currency === undefined) return undefined;
  const yearStartMonth = m.has('yearStartMonth') ? monthNumber(r, m.get('yearStartMonth'), `${path}.yearStartMonth`) : 1;
  const payPeriod = m.has('payPeriod') ? oneOf(r, m.get('payPeriod'), `${path}.payPeriod`, ['quarter', 'month'] as const) : 'quarter';
  const proration = m.has('proration') ? oneOf(r, m.get('proration'), `${path}.proration`, ['calendar-days', 'none'] as const) : 'calendar-days';
  const quotaPhasing = m.has('quotaPhasing') ? phasing(r, m.get('quotaPhasing'), `${path}.quotaPhasing`) : undefined;
  const cap = m.has('cap') ? limit(r, m.get('cap'), `${path}.cap`, currency) : undefined;
  const draw = m.has('draw') ? drawOf(r, m.get('draw'), `${path}.draw`, currency) : undefined;
  const clawback = m.has('clawback') ? clawbackOf(r, m.get('clawback'), `${path}.clawback`) : undefined;
  const planLevelOk = payPeriod !== undefined && yearStartMonth !== undefined && proration !== undefined && (!m.has('quotaPhasing') || quotaPhasing) && (!m.has('cap') || cap) && (!m.has('draw') || draw) && (!m.has('clawback') || clawback);
  const componentNodes = sequence(r, m.get('components'), `${path}.components`, PLAN_FILE_LIMITS.maxComponents);
  if (componentNodes?.length === 0) add(r, `${path}.components`, m.get('components'), 'a plan needs at least one component');
  const components = componentNodes?.map((node, i) => component(r, node, `${path}.components[${i}]`, currency));
  const seen = new Set<string>();
  components?.forEach((c, i) => {
    if (c && (seen.has(c.id) || c.id === 'total')) add(r, `${path}.components[${i}].id`, undefined, c.id === 'total' ? "'total' is reserved" : `duplicate component id ${c.id}`);
    if (c) seen.add(c.id);
  });
  const valid = (components ?? []).filter((c): c is PlanComponent => c !== undefined);
  // Examples are checked even when a component is broken, so one run reports every problem;
  // a broken component's id (if readable) still counts as a known id in `expect`.
  const brokenIds = (componentNodes ?? []).flatMap((node, i) => {
    const idNode = isMap(node) && !components?.[i] ? node.get('id', true) : undefined;
    return isScalar(idNode) && typeof idNode.value === 'string' ? [idNode.value] : [];
  });
  const exampleNodes = m.has('examples') ? sequence(r, m.get('examples'), `${path}.examples`, PLAN_FILE_LIMITS.maxExamples) : [];
  const examples = exampleNodes?.map((node, i) => example(r, node, `${path}.examples[${i}]`, { currency, components: valid, brokenIds, phased: quotaPhasing !== undefined }));
  if (!components || components.some((c) => !c)) return undefined;
  if (!id || !nm || !version || !from || !examples || examples.some((e) => !e)) return undefined;
  if ((effectiveMap?.has('to') && !to) || !planLevelOk) return undefined;
  return {
    id, name: nm, version, effective: { from, ...(to ? { to } : {}) }, currency,
    payPeriod: payPeriod as Plan['payPeriod'],
    yearStartMonth: yearStartMonth as number,
    proration: proration as Plan['proration'],
    ...(quotaPhasing ? { quotaPhasing } : {}),
    ...(cap ? { cap } : {}),
    ...(draw ? { draw } : {}),
    ...(clawback ? { clawback } : {}),
    components: valid,
    examples: examples as PlanExample[],
  };
}

export { formatIssue as formatPlanIssue };
