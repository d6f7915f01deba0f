import {
  approveQuotaPlan, carryTerritoryQuota, compareQuotaPlanVersions, createQuotaPlan, getQuotaPlan, listQuotaPlans, rejectQuotaPlan, saveQuotaPlan, submitQuotaPlan,
} from '@attain/app';
import { checkQuotaPhasing, DomainError, lineDepths, invalid, measureName, parseDecimal, PERSON_KINDS, unitOfMeasure, type Actor, type Organisation, type PersonKind } from '@attain/core';
import {
  QUOTA_CHANGE_REASONS, type CreateQuotaPlanBody, type QuotaPlanApproved, type QuotaPlanComparison, type QuotaPlanDetail, type QuotaPlanSummary,
} from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import { output, type Runtime } from '../runtime.js';
import { table } from './territory-format.js';
import { allocationBody, allocationOptions, isKind, measureOption, quotaAmount, quotaIn, unitName, type AllocationOptions, type QuotaUnitOf } from './quota-options.js';
import { acting, asActor, calendarDate, whole, type ActingOptions } from './territory-options.js';

/*
 * `attain quota plan ...` and `attain quota diagnose`: quota plans (docs/quotas.md#quota-plans)
 * over the app's use cases. A plan's version is `--plan-version`, not `--version`: the program's
 * own --version (print the CLI's version) would take it first, wherever it stands.
 */

const collect = (v: string, all: string[] = []): string[] => [...all, v];
/** The contract's exact shares: "0.05", "0.6", "1" (a bad one named by its option, not by the body's field). */
const SHARE = /^\d(\.\d{1,6})?$/;

// ---- options ---------------------------------------------------------------------------------

/** "0.2,0.2,0.2,0.4": 4 weights are quarters, 12 are months, summing to exactly 1. */
function phasingOption(text: string): { by: 'quarter' | 'month'; weights: string[] } {
  const weights = text.split(',').map((w) => w.trim());
  const by = weights.length === 4 ? 'quarter' : weights.length === 12 ? 'month' : null;
  if (by === null || !weights.every((w) => SHARE.test(w))) throw invalid('--phasing', 'must be 4 (quarters) or 12 (months) decimals summing to 1, e.g. 0.2,0.2,0.2,0.4');
  try {
    checkQuotaPhasing({ by, weights: weights.map((w) => parseDecimal(w)) });
  } catch (error) {
    throw error instanceof DomainError ? invalid('--phasing', error.issues[0]?.message ?? error.message) : error;
  }
  return { by, weights };
}

/** "ae=0,0.25,0.5,0.75" (repeatable): a role's monthly factors from the month of a hire. */
function rampsOption(texts: readonly string[]): Partial<Record<PersonKind, string[]>> {
  const ramps: Partial<Record<PersonKind, string[]>> = {};
  for (const text of texts) {
    const [role, factors] = text.split('=');
    const list = (factors ?? '').split(',').map((f) => f.trim());
    if (!role || !isKind(role) || factors === undefined || !list.every((f) => /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/.test(f)) || list.length > 36) {
      throw invalid('--ramp', `must be role=factors, 1 to 36 decimals from 0 to 1, e.g. ae=0,0.25,0.5,0.75 (roles: ${PERSON_KINDS.join(', ')})`);
    }
    if (ramps[role]) throw invalid('--ramp', `${role} is given twice: one ramp per role`);
    ramps[role] = list;
  }
  return ramps;
}

function shareOption(text: string | undefined, option: string): string | undefined {
  if (text !== undefined && !SHARE.test(text.trim())) throw invalid(option, 'must be a decimal such as 0.05');
  return text?.trim();
}

/** A manager by e-mail or id, or "-" (none: at the top). */
const managerOption = async (rt: Runtime, org: Organisation, text: string): Promise<string | null> => (text === '' || text === '-' ? null : resolvePerson(rt, org, text));

/** "name:role:manager:YYYY-MM-DD:amount:reason" (the reason may hold colons). */
async function placeholderOption(rt: Runtime, org: Organisation, text: string, unit: QuotaUnitOf): Promise<NonNullable<CreateQuotaPlanBody['placeholders']>[number]> {
  const parts = text.split(':');
  const [name, role, manager, start, amount] = parts.map((p) => p.trim());
  const reason = parts.slice(5).join(':').trim();
  if (parts.length < 6 || !name || !role || !isKind(role) || manager === undefined || start === undefined || amount === undefined || reason === '') {
    throw invalid('--placeholder', 'must be name:role:manager:YYYY-MM-DD:amount:reason, e.g. "New AE (West):ae:manager@example.com:2027-04-01:900000.00:approved headcount" (manager "-" for none)');
  }
  return {
    name, role, managerId: await managerOption(rt, org, manager), startDate: calendarDate(start, '--placeholder'),
    annualMinor: quotaAmount(amount, '--placeholder', unit).toString(), reason,
  };
}

type CreateOptions = ActingOptions & AllocationOptions & {
  phasing?: string; ramp?: string[]; padding?: string; attainment?: string; placeholder?: string[]; signOffsRequired?: boolean;
};

/** The allocation options exactly as `quota allocate` reads them, and the plan's own. */
async function createBody(rt: Runtime, org: Organisation, actor: Actor, o: CreateOptions): Promise<CreateQuotaPlanBody> {
  const padding = shareOption(o.padding, '--padding');
  const attainment = shareOption(o.attainment, '--attainment');
  const measure = measureOption(o.measure);
  const unit: QuotaUnitOf = { unit: unitOfMeasure(measure), currency: org.defaultCurrency, measure };
  return {
    ...(await allocationBody(rt, org, actor, o)),
    phasing: o.phasing === undefined ? null : phasingOption(o.phasing),
    ramps: rampsOption(o.ramp ?? []),
    ...(padding === undefined ? {} : { paddingBound: padding }),
    ...(attainment === undefined ? {} : { expectedAttainment: attainment }),
    placeholders: await Promise.all((o.placeholder ?? []).map((p) => placeholderOption(rt, org, p, unit))),
    signOffsRequired: o.signOffsRequired === true,
  };
}

const versionOption = (text: string | undefined): number | undefined => (text === undefined ? undefined : whole(text, '--plan-version', 1, 1_000_000));

/** The plan's line that `--person` names: its key (a placeholder's "tbh-1"), a person's id or e-mail. */
async function lineFor(rt: Runtime, org: Organisation, plan: QuotaPlanDetail, text: string): Promise<string> {
  const direct = plan.lines.find((l) => l.key === text || l.personId === text);
  if (direct) return direct.key;
  // An unknown e-mail is a bad --person like any other (exit 3), not a missing record.
  const personId = text.includes('@') ? await resolvePerson(rt, org, text).catch(() => null) : null;
  const line = plan.lines.find((l) => personId !== null && l.personId === personId);
  if (!line) throw invalid('--person', `"${text}" has no line in the plan (give an e-mail, a person's id or a line key such as tbh-1)`);
  return line.key;
}

// ---- output ----------------------------------------------------------------------------------

const pct = (x: number | null) => (x === null ? '-' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`);

const summaryLine = (p: QuotaPlanSummary): string =>
  `FY${p.fiscalYear} ${p.measure} quota plan ${p.id}: ${p.status}, version ${p.version}${p.approvedVersion === null ? '' : ` (approved: version ${p.approvedVersion})`}, target ${quotaIn(p)(p.targetMinor)} ${unitName(p)}`;

export function formatPlans(plans: readonly QuotaPlanSummary[]): string {
  if (plans.length === 0) return 'no quota plans yet: `attain quota plan create --year <fiscal-year> --target <amount>`';
  return table(['id', 'year', 'measure', 'status', 'version', 'approved', 'target', 'lines', 'updated'],
    plans.map((p) => [p.id, `FY${p.fiscalYear}`, p.measure, p.status, String(p.version), p.approvedVersion === null ? '-' : String(p.approvedVersion), quotaIn(p)(p.targetMinor), String(p.lineCount), p.updatedAt]), [4, 5, 6, 7]);
}

/** Predicted share at quota, fairness, stretch, quota-to-OTE, capacity and padding: one fact a line. */
export function formatDiagnostics(p: QuotaPlanDetail): string[] {
  const d = p.diagnostics;
  const money = quotaIn(p);
  const history = measureName(p.measure);
  const over = p.cascade.filter((n) => n.overBound);
  return [
    d.shareAtQuota === null
      ? `at quota: not enough history to predict (${d.notEnoughHistory ?? 'unknown'})`
      : `at quota: ${(100 * d.shareAtQuota.mean).toFixed(0)}% of ${d.shareAtQuota.sellers} sellers predicted at or above (P10-P90 ${(100 * d.shareAtQuota.p10).toFixed(0)}-${(100 * d.shareAtQuota.p90).toFixed(0)}%; healthy 55-70%)`,
    d.quotaPerPotential === null ? 'quota per unit of potential: no seller covers potential'
      : `quota per unit of potential: Gini ${d.quotaPerPotential.gini.toFixed(3)} (${d.quotaPerPotential.min.toFixed(3)}-${d.quotaPerPotential.max.toFixed(3)}) over ${d.quotaPerPotential.sellers} sellers`,
    d.attainmentVsPotential === null ? "last year's attainment against potential: too few sellers with a quota last year"
      : `last year's attainment against potential: r = ${d.attainmentVsPotential.correlation.toFixed(2)} over ${d.attainmentVsPotential.sellers} sellers (weak in a fair plan)`,
    `total over last year's ${history}: ${d.totalOverBookings === null ? `no ${history}` : pct(d.totalOverBookings - 1)}`,
    d.quotaToOte === null ? 'quota to OTE: no seller has an OTE in force' : `quota to OTE: median ${d.quotaToOte.median.toFixed(1)}x (${d.quotaToOte.min.toFixed(1)}-${d.quotaToOte.max.toFixed(1)}x) over ${d.quotaToOte.sellers} sellers`,
    `capacity: ${money(p.capacity.inYearMinor)} in the year, ${money(p.capacity.expectedMinor)} expected at ${p.expectedAttainment} attainment: ${p.capacity.coverage === null ? '-' : `${(100 * p.capacity.coverage).toFixed(1)}%`} of the target; ${p.capacity.sellersNeeded ?? '-'} sellers needed, ${p.capacity.sellers} planned`,
    `padding over the ${p.paddingBound} bound: ${over.length === 0 ? 'none' : over.map((n) => `${n.name} ${pct(n.padding)}`).join(', ')}`,
    ...(p.signOffsRequired ? [`approval waits for every manager's sign-off: ${p.signOffsMissing.length === 0 ? 'all signed' : `waiting for ${p.signOffsMissing.map((m) => m.name).join(', ')}`}`] : []),
  ];
}

/** The grid over the hierarchy, the cascade, capacity, diagnostics and history. */
export function formatPlan(p: QuotaPlanDetail): string {
  const money = quotaIn(p);
  const depth = lineDepths(p.lines);
  const label = (l: QuotaPlanDetail['lines'][number]) => `${'  '.repeat(depth.get(l.key) ?? 0)}${l.name}${l.kind === 'placeholder' ? ` [${l.key}]` : ''}`;
  return [
    summaryLine(p) + (p.shownVersion === p.version ? '' : ` - showing version ${p.shownVersion}`),
    `  year ${p.yearFrom}..${p.yearTo}; seasonality ${p.phasing === null ? 'by days' : `by ${p.phasing.by} ${p.phasing.weights.join('/')}`}; ramps ${Object.entries(p.ramps).map(([r, f]) => `${r} ${f.join('/')}`).join(', ') || 'none'}; padding bound ${p.paddingBound}; expected attainment ${p.expectedAttainment}`,
    table(['line', 'role', 'start', 'annual', 'in year', 'Q1', 'Q2', 'Q3', 'Q4', 'last year', 'growth', 'reason'],
      p.lines.map((l) => [label(l), l.role, l.startDate ?? '', money(l.annualMinor), money(l.inYearMinor), ...[0, 1, 2, 3].map((q) => money(l.quarters[q] ?? '0')), money(l.historyMinor), pct(l.growth),
        [l.reason ?? '', ...l.earlier.map((e) => `${money(e.annualMinor)} before ${e.until}`)].filter((x) => x !== '').join('; ')]),
      [3, 4, 5, 6, 7, 8, 9, 10]),
    'The cascade: each quota against the sum of the lines under it',
    table(['node', 'quota', 'under it', 'lines', 'padding', ''],
      p.cascade.map((n) => [n.name, money(n.quotaMinor), money(n.childrenMinor), String(n.children), pct(n.padding), n.overBound ? 'over bound' : n.short ? 'short' : '']), [1, 2, 3, 4]),
    ...formatDiagnostics(p),
    'History',
    table(['at', 'event', 'version', 'by', 'comment'], [
      ...p.events.map((e) => [e.at, e.kind, String(e.version), e.byName, e.comment]),
    ], [2]),
  ].join('\n');
}

export function formatApproved(r: QuotaPlanApproved): string {
  const money = quotaIn(r.plan);
  return [
    `approved ${summaryLine(r.plan)}`,
    r.applied.length === 0 ? '  nothing written into the plan assignments'
      : `written into the plan assignments:\n${table(['person', 'assignment', 'from', 'annual quota', 'how'], r.applied.map((a) => [a.name, a.assignmentId, a.validFrom, money(a.annualMinor), a.how]), [3])}`,
    ...(r.skipped.length === 0 ? [] : [`not written (${r.skipped.length}):\n${table(['line', 'why'], r.skipped.map((s) => [s.name, s.reason]))}`]),
  ].join('\n');
}

export function formatComparison(c: QuotaPlanComparison): string {
  const money = (m: string | null) => (m === null ? '-' : quotaIn(c)(m));
  const change = (a: string | null, b: string | null) => (a === null || b === null ? (a === null ? 'added' : 'removed') : `${BigInt(b) >= BigInt(a) ? '+' : ''}${money(String(BigInt(b) - BigInt(a)))}`);
  return [
    `version ${c.from} -> ${c.to}: target ${money(c.target.beforeMinor)} -> ${money(c.target.afterMinor)} ${unitName(c)}`,
    c.lines.length === 0 ? '  no quota changed'
      : table(['line', 'kind', 'before', 'after', 'change', 'reason'], c.lines.map((l) => [l.name, l.kind, money(l.beforeMinor), money(l.afterMinor), change(l.beforeMinor, l.afterMinor), l.reason ?? '']), [2, 3, 4]),
    ...c.settings.map((s) => `  ${s}`),
  ].join('\n');
}

// ---- commands --------------------------------------------------------------------------------

/** `attain quota plan` and `attain quota diagnose`, under `attain quota`. */
export function registerQuotaPlan(quota: Command): void {
  const plan = quota.command('plan').description('quota plans: a fiscal year\'s quotas saved in versions, submitted, approved by someone else, then written into the plan assignments');

  acting(allocationOptions(plan
    .command('create')
    .description('allocate the year\'s number (as `quota allocate`) and store it as version 1 of a draft plan, with placeholders, seasonality and ramps'))
    .option('--phasing <weights>', 'seasonality: 4 quarterly or 12 monthly weights summing to 1, e.g. 0.2,0.2,0.2,0.4 (by days otherwise)')
    .option('--ramp <role=factors>', 'a new hire\'s monthly factors for a role, e.g. ae=0,0.25,0.5,0.75; repeatable, one per role', collect)
    .option('--padding <share>', 'how far the lines under a manager may sum above her quota before approval needs a comment', '0.05')
    .option('--attainment <share>', 'the share of quota sellers are expected to book, for capacity', '0.6')
    .option('--placeholder <name:role:manager:date:amount:reason>', 'a seller to be hired (manager by e-mail or id, "-" for none), repeatable', collect)
    .option('--sign-offs-required', 'approval waits until every manager of the plan with a login has signed off the version in review'))
    .action((o: CreateOptions, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const created = await createQuotaPlan(rt.ctx, actor, await createBody(rt, org, actor, o));
      output(rt, created, () => formatPlan(created));
    }));

  acting(plan.command('list').description('the quota plans: year, status, versions, target'))
    .action((o: ActingOptions, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const plans = await listQuotaPlans(rt.ctx, actor);
      output(rt, plans, () => formatPlans(plans));
    }));

  acting(plan.command('show').description('a plan\'s grid over the hierarchy, its cascade, capacity, diagnostics and history')
    .argument('<id>', 'the quota plan')
    .option('--plan-version <n>', 'a version of the plan (the latest otherwise)'))
    .action((id: string, o: ActingOptions & { planVersion?: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const shown = await getQuotaPlan(rt.ctx, actor, id, versionOption(o.planVersion));
      output(rt, shown, () => formatPlan(shown));
    }));

  acting(plan.command('set').description('set one line\'s annual quota by hand, with its reason: saves the next version from the latest')
    .argument('<id>', 'the quota plan')
    .requiredOption('--person <who>', 'the line: a person\'s e-mail or id, or a line key such as tbh-1')
    .requiredOption('--amount <amount>', 'her annual quota in the plan currency, e.g. 1500000.00')
    .requiredOption('--reason <text>', 'why (kept on the line and the version)')
    .option('--change-reason <reason>', `why an approved plan changes mid-year: ${QUOTA_CHANGE_REASONS.join(', ')}`)
    .option('--from <date>', 'an approved plan\'s change takes effect from this day (today or later; today by default)'))
    .action((id: string, o: ActingOptions & { person: string; amount: string; reason: string; changeReason?: string; from?: string }, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const reasons: readonly string[] = QUOTA_CHANGE_REASONS;
      if (o.changeReason !== undefined && !reasons.includes(o.changeReason)) throw invalid('--change-reason', `must be one of ${QUOTA_CHANGE_REASONS.join(', ')}`);
      const latest = await getQuotaPlan(rt.ctx, actor, id);
      if (latest.approvedVersion !== null && o.changeReason === undefined) throw invalid('--change-reason', `the plan was approved: say why it changes mid-year (${QUOTA_CHANGE_REASONS.join(', ')})`);
      const key = await lineFor(rt, org, latest, o.person);
      const annualMinor = quotaAmount(o.amount, '--amount', latest).toString();
      const saved = await saveQuotaPlan(rt.ctx, actor, id, {
        baseVersion: latest.version, reason: o.reason, edits: [{ key, annualMinor, reason: o.reason }],
        ...(o.changeReason === undefined ? {} : { changeReason: o.changeReason as (typeof QUOTA_CHANGE_REASONS)[number] }),
        ...(o.from === undefined ? {} : { effectiveFrom: calendarDate(o.from, '--from') }),
      });
      output(rt, saved, () => formatPlan(saved));
    }));

  acting(plan.command('territory-change').description('a territory model\'s moves carry quota from a day: each seller whose potential it changes gets her quota scaled by it (the next version)')
    .argument('<id>', 'the quota plan')
    .requiredOption('--model <id>', 'the territory model')
    .requiredOption('--date <date>', 'the day the moves take effect, inside the plan\'s year'))
    .action((id: string, o: ActingOptions & { model: string; date: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const latest = await getQuotaPlan(rt.ctx, actor, id);
      const saved = await carryTerritoryQuota(rt.ctx, actor, id, { baseVersion: latest.version, modelId: o.model, effectiveDate: calendarDate(o.date, '--date') });
      output(rt, saved, () => formatPlan(saved));
    }));

  acting(plan.command('submit').description('send the latest version for approval (by finance or an admin, not by whoever submits)')
    .argument('<id>', 'the quota plan')
    .option('--comment <text>', 'for the approver', ''))
    .action((id: string, o: ActingOptions & { comment: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const submitted = await submitQuotaPlan(rt.ctx, actor, id, { comment: o.comment });
      output(rt, submitted, () => `submitted ${summaryLine(submitted)}`);
    }));

  acting(plan.command('approve').description('approve the plan in review and write its quotas into the plan assignments; padding over the bound needs --comment')
    .argument('<id>', 'the quota plan')
    .option('--plan-version <n>', 'the version reviewed (the latest otherwise): approval fails if the plan moved on')
    .option('--comment <text>', 'why padding over the bound is accepted, or any note', ''))
    .action((id: string, o: ActingOptions & { comment: string; planVersion?: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const version = versionOption(o.planVersion) ?? (await getQuotaPlan(rt.ctx, actor, id)).version;
      const approved = await approveQuotaPlan(rt.ctx, actor, id, { version, comment: o.comment });
      output(rt, approved, () => formatApproved(approved));
    }));

  acting(plan.command('reject').description('send the plan in review back to draft, saying why')
    .argument('<id>', 'the quota plan')
    .requiredOption('--comment <text>', 'why'))
    .action((id: string, o: ActingOptions & { comment: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const rejected = await rejectQuotaPlan(rt.ctx, actor, id, { comment: o.comment });
      output(rt, rejected, () => `rejected ${summaryLine(rejected)}`);
    }));

  acting(plan.command('compare').description('what changed from one version of a plan to another')
    .argument('<id>', 'the quota plan')
    .requiredOption('--from <n>', 'the earlier version')
    .requiredOption('--to <n>', 'the later version'))
    .action((id: string, o: ActingOptions & { from: string; to: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const c = await compareQuotaPlanVersions(rt.ctx, actor, id, whole(o.from, '--from', 1, 1_000_000), whole(o.to, '--to', 1, 1_000_000));
      output(rt, c, () => formatComparison(c));
    }));

  acting(quota.command('diagnose').description('the diagnostics of a stored quota plan: predicted share at quota, fairness, quota to OTE, capacity, padding')
    .argument('<id>', 'the quota plan')
    .option('--plan-version <n>', 'a version of the plan (the latest otherwise)'))
    .action((id: string, o: ActingOptions & { planVersion?: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const p = await getQuotaPlan(rt.ctx, actor, id, versionOption(o.planVersion));
      // The plan's own figures that judge it, not the grid: what a script checks before submitting.
      const result = { id: p.id, fiscalYear: p.fiscalYear, version: p.shownVersion, diagnostics: p.diagnostics, capacity: p.capacity, paddingBound: p.paddingBound, overBound: p.cascade.filter((n) => n.overBound), short: p.cascade.filter((n) => n.short) };
      output(rt, result, () => [`${summaryLine(p)}${p.shownVersion === p.version ? '' : ` - version ${p.shownVersion}`}`, ...formatDiagnostics(p).map((l) => `  ${l}`)].join('\n'));
    }));
}
