import { addDays, DomainError, invalid, type Person, type QuotaMeasure } from '@attain/core';
import { compPlanRepo, orgRepo, planAssignmentRepo, type CompPlan, type CompPlanVersion, type Db, type PlanAssignment, type Tx } from '@attain/store';
import { parsePlanFile } from '../comp/plan-file.js';
import type { Plan } from '../comp/plan-schema.js';
import { repos } from '../crm/repos.js';
import { parseRamp } from './assignment-terms.js';

/*
 * The checks an assignment must pass before it is written, shared by assigning and changing.
 * Each refusal names the request field at fault.
 */

/** A plan version an assignment may pay by, read. */
export interface AssignableVersion {
  readonly plan: CompPlan;
  readonly version: CompPlanVersion;
  readonly parsed: Plan;
}

/** An amount in minor units of the organisation's currency (a string, as everywhere in the API); a field-named error when negative. */
export function minorAmount(text: string, field: string): bigint {
  const minor = BigInt(text);
  if (minor < 0n) throw invalid(field, 'must not be negative');
  return minor;
}

/** The ramp as stored (its decimals checked to lie in [0, 1]); null for none. */
export function checkedRamp(ramp: readonly string[] | null | undefined): string[] | null {
  if (ramp === null || ramp === undefined) return null;
  parseRamp(ramp);
  return ramp.map((r) => r.trim());
}

export async function orgCurrency(db: Db | Tx, orgId: string): Promise<{ currency: string; fiscalYearStartMonth: number }> {
  const org = await orgRepo.get(db, orgId);
  if (!org) throw new DomainError('not_found', 'organisation not found');
  return { currency: org.defaultCurrency, fiscalYearStartMonth: org.fiscalYearStartMonth };
}

/** The person, present and not archived or gone by `from`. */
export async function activePerson(db: Db | Tx, orgId: string, personId: string, from: string, field = 'validFrom'): Promise<Person> {
  const person = await repos.person.get(db, orgId, personId);
  // Another organisation's person is as unknown as a made-up id.
  if (!person) throw invalid('personId', 'no such person');
  if (person.archivedAt !== null) throw invalid('personId', 'the person is archived');
  if (person.terminationDate !== null && person.terminationDate < from) throw invalid(field, `the person left on ${person.terminationDate}`);
  return person;
}

/** The plan version, which must exist and be published. */
export async function publishedVersion(db: Db | Tx, orgId: string, planId: string, versionNumber: number): Promise<AssignableVersion> {
  const plan = await compPlanRepo.find(db, orgId, planId);
  if (!plan) throw invalid('planId', 'no such plan');
  const version = await compPlanRepo.findVersion(db, orgId, planId, versionNumber);
  if (!version) throw invalid('planVersion', `plan ${plan.key} has no version ${versionNumber}`);
  if (version.status !== 'published') throw invalid('planVersion', `version ${versionNumber} of ${plan.key} is a draft: publish it first`);
  return { plan, version, parsed: parsePlanFile({ text: version.source }) };
}

/**
 * The end date of an assignment: the one asked for, or the version's own end when none was
 * given (an open-ended assignment cannot outlive a version that ends). Both dates must fall
 * inside the version's effective dates.
 */
export function datesWithin(v: CompPlanVersion, from: string, to: string | null | undefined, fromField = 'validFrom'): string | null {
  const validTo = to === undefined ? v.effectiveTo : to;
  if (from < v.effectiveFrom) throw invalid(fromField, `must be on or after ${v.effectiveFrom}, when version ${v.version} starts`);
  if (v.effectiveTo !== null && from > v.effectiveTo) throw invalid(fromField, `must be on or before ${v.effectiveTo}, when version ${v.version} ends`);
  if (validTo !== null && validTo < from) throw invalid('validTo', `must not be before ${fromField} (${from})`);
  if (v.effectiveTo !== null && (validTo === null || validTo > v.effectiveTo)) throw invalid('validTo', `must be on or before ${v.effectiveTo}, when version ${v.version} ends`);
  return validTo;
}

/** Refuses (409 naming `field`) a second assignment of the person to the plan on overlapping dates. */
export async function refuseOverlap(tx: Tx, orgId: string, a: Pick<PlanAssignment, 'personId' | 'planId' | 'validFrom' | 'validTo'>, field = 'validFrom'): Promise<void> {
  const existing = await planAssignmentRepo.listForPersonAndPlan(tx, orgId, a.personId, a.planId);
  const clash = existing.find((e) => e.validFrom <= (a.validTo ?? '9999-12-31') && (e.validTo ?? '9999-12-31') >= a.validFrom);
  if (clash) {
    const message = `the person is on this plan already from ${clash.validFrom} to ${clash.validTo ?? 'open'}: change that assignment instead`;
    throw new DomainError('conflict', `${field}: ${message}`, [{ field, message }]);
  }
}

/** Quotas of other measures as the API and stored inputs write them: whole numbers as strings. */
export const measureQuotaTexts = (quotas: Readonly<Record<string, bigint>> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(quotas ?? {}).map(([m, q]) => [m, q.toString()]));

/** Quotas of other measures as given (whole numbers, checked by the contract), or undefined when none is given. */
export const measureQuotasOf = (wire: Readonly<Partial<Record<QuotaMeasure, string>>> | undefined): Record<string, bigint> | undefined =>
  wire === undefined ? undefined : Object.fromEntries(Object.entries(wire).filter(([, v]) => v !== undefined).map(([m, v]) => [m, BigInt(v as string)]));

/** An assignment carries a quota of every measure one of its plan's components measures attainment against (`quota: new-logos`). */
export function checkedMeasureQuotas(parsed: Plan, quotas: Readonly<Record<string, bigint>> | undefined, field = 'measureQuotas'): Record<string, bigint> | undefined {
  for (const c of parsed.components) {
    if (c.quotaMeasure !== undefined && quotas?.[c.quotaMeasure] === undefined) throw invalid(`${field}.${c.quotaMeasure}`, `plan ${parsed.id} measures ${c.name} against a quota of ${c.quotaMeasure}: give one`);
  }
  return quotas === undefined || Object.keys(quotas).length === 0 ? undefined : { ...quotas };
}

/** The quota an assignment must carry: one when the plan phases a quota; optional otherwise. */
export function checkedQuota(parsed: Plan, annualQuota: bigint | null, field = 'annualQuotaMinor'): bigint | null {
  if (annualQuota === null && parsed.quotaPhasing) throw invalid(field, `plan ${parsed.id} phases an annual quota: give one`);
  return annualQuota;
}

/** The day before a date (the last day of an assignment a change ends). */
export const dayBefore = (date: string): string => addDays(date, -1);
