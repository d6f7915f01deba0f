import { formatMinorAsMajor, invalid, measureName, PERSON_KINDS, QUOTA_PLAN_MEASURES, unitOfMeasure, type Actor, type Organisation, type PersonKind, type QuotaPlanMeasure } from '@attain/core';
import type { QuotaAllocateBody } from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import type { Runtime } from '../runtime.js';
import { amountOption } from './amount-option.js';
import { resolveModel, whole } from './territory-options.js';

/** The allocation's options, shared by `quota allocate` and `quota plan create`. */
export type AllocationOptions = {
  year: string; target: string; measure?: string; historyWeight?: string; weight?: string; roles?: string; minGrowth?: string; maxGrowth?: string; override?: string[];
  by?: string; model?: string;
};

export const isKind = (k: string): k is PersonKind => (PERSON_KINDS as readonly string[]).includes(k);

/** Declares the allocation's options on a command. */
export function allocationOptions(command: Command): Command {
  return command
    .requiredOption('--year <fiscal-year>', 'the fiscal year, named by the calendar year it ends in, e.g. 2027')
    .requiredOption('--target <amount>', 'the company number in the organisation currency, e.g. 12000000.00 (a count for new logos, e.g. 120)')
    .option('--measure <measure>', `what is allocated: ${QUOTA_PLAN_MEASURES.join(', ')}`, 'bookings')
    .option('--history-weight <w>', 'how much last year\'s bookings count against potential, 0..1', '0.5')
    .option('--weight <role=w,...>', 'a history weight per role, e.g. am=0.8,ae=0.3')
    .option('--roles <roles>', 'the roles that carry quota, comma separated', 'ae,am')
    .option('--min-growth <g>', 'each quota at least last year\'s bookings x (1 + g), e.g. -0.1')
    .option('--max-growth <g>', 'each quota at most last year\'s bookings x (1 + g), e.g. 0.5')
    .option('--override <person=amount:reason>', 'a quota set by hand (e-mail or id), repeatable', (v: string, all: string[] = []) => [...all, v])
    .option('--by <basis>', 'share the number among: seller (what each booked and owns) or territory (a territory model\'s territories; owners carry theirs)', 'seller')
    .option('--model <territory-model-id>', 'with --by territory: the territory model (default: the active one)');
}

/** --by seller|territory (and --model, by id or name, only with territory). */
async function basisOf(rt: Runtime, actor: Actor, o: AllocationOptions): Promise<Pick<QuotaAllocateBody, 'basis' | 'territoryModelId'>> {
  const by = o.by ?? 'seller';
  if (by !== 'seller' && by !== 'territory') throw invalid('--by', 'must be seller or territory');
  if (by === 'seller' && o.model !== undefined) throw invalid('--model', 'goes with --by territory');
  if (by === 'seller') return {};
  return { basis: 'territories', ...(o.model === undefined ? {} : { territoryModelId: (await resolveModel(rt, actor, o.model)).id }) };
}

/** How a plan's quotas are written: money in its currency, or a count (new logos). */
export interface QuotaUnitOf {
  readonly unit: 'money' | 'count';
  readonly currency: string;
  readonly measure: string;
}

/** A quota as text: major units of the currency, or a whole count. */
export const quotaIn = (p: QuotaUnitOf) => (minor: string): string => (p.unit === 'count' ? BigInt(minor).toString() : formatMinorAsMajor(BigInt(minor), p.currency));

/** What the plan's amounts are in, after a number: "USD", or "new logos". */
export const unitName = (p: QuotaUnitOf): string => (p.unit === 'count' ? measureName(p.measure) : p.currency);

/** A quota typed on the command line: an amount in the currency, or a whole count; a bad one exits 3 naming the option. */
export function quotaAmount(text: string, option: string, p: QuotaUnitOf): bigint {
  if (p.unit === 'money') return amountOption(text, option, p.currency, `must be an amount in ${p.currency}, e.g. 1500000.00`);
  if (!/^\d{1,12}$/.test(text.trim())) throw invalid(option, `${p.measure} are counted: give a whole number such as 12 (got "${text}")`);
  return BigInt(text.trim());
}

/** The measure option, checked. */
export function measureOption(text: string | undefined): QuotaPlanMeasure {
  const m = text ?? 'bookings';
  if (!(QUOTA_PLAN_MEASURES as readonly string[]).includes(m)) throw invalid('--measure', `must be one of ${QUOTA_PLAN_MEASURES.join(', ')}`);
  return m as QuotaPlanMeasure;
}

/** "am=0.8,ae=0.3": a history weight per role. */
function weightsOption(text: string): Partial<Record<PersonKind, string>> {
  return Object.fromEntries(text.split(',').map((part) => {
    const [role, weight] = part.split('=');
    if (!role || !isKind(role) || weight === undefined) throw invalid('--weight', `must be role=weight pairs, e.g. am=0.8,ae=0.3 (roles: ${PERSON_KINDS.join(', ')})`);
    return [role, weight];
  }));
}

/** The allocation's request from its options; a bad option exits 3 naming it. */
export async function allocationBody(rt: Runtime, org: Organisation, actor: Actor, o: AllocationOptions): Promise<QuotaAllocateBody> {
  const measure = measureOption(o.measure);
  const unit: QuotaUnitOf = { unit: unitOfMeasure(measure), currency: org.defaultCurrency, measure };
  const targetMinor = quotaAmount(o.target, '--target', unit).toString();
  const roles = (o.roles ?? 'ae,am').split(',').map((r) => r.trim());
  const bad = roles.find((r) => !isKind(r));
  if (bad !== undefined) throw invalid('--roles', `"${bad}" is not a role (${PERSON_KINDS.join(', ')})`);
  const overrides = await Promise.all((o.override ?? []).map(async (text) => {
    const m = /^([^=]+)=([^:]+):(.+)$/.exec(text);
    if (!m) throw invalid('--override', 'must be person=amount:reason, e.g. rita@example.com=850000.00:new territory');
    const amountMinor = quotaAmount(m[2] as string, '--override', unit).toString();
    return { personId: await resolvePerson(rt, org, (m[1] as string).trim()), amountMinor, reason: (m[3] as string).trim() };
  }));
  return {
    fiscalYear: whole(o.year, '--year', 2000, 2100), measure, targetMinor, historyWeight: o.historyWeight ?? '0.5', roles: roles as PersonKind[], overrides, ...(await basisOf(rt, actor, o)),
    ...(o.weight === undefined ? {} : { weightsByRole: weightsOption(o.weight) }),
    ...(o.minGrowth === undefined ? {} : { minGrowth: o.minGrowth }),
    ...(o.maxGrowth === undefined ? {} : { maxGrowth: o.maxGrowth }),
  };
}
