import { formatMinorAsMajor, parseMajorToMinor } from '@attain/core';
import type { ChangePlanAssignmentBody, CreatePlanAssignmentBody, PlanAssignmentItem } from '@attain/contract';
import { ApiError } from '../api/client.js';

/*
 * Between the assignment forms (text typed in major units) and the API's bodies (minor units
 * as strings, exactly: no float ever holds an amount). The inputs are keyed by the body's own
 * field names, so a refusal of the server lands next to the input it names.
 */

/** The body's fields, and the ACV quota: an input of its own that writes measureQuotas.acv. */
export type CreateField = keyof CreatePlanAssignmentBody | 'acvQuota';
export type ChangeField = keyof ChangePlanAssignmentBody | 'acvQuota';
export type Texts<F extends string> = Record<F, string>;
export type FieldErrors = Partial<Record<string, string>>;
export type Parsed<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

export const EMPTY_CREATE: Texts<CreateField> = {
  personId: '', planId: '', planVersion: '', validFrom: '', validTo: '',
  targetIncentiveMinor: '', annualQuotaMinor: '', baseSalaryMinor: '', measureQuotas: '', acvQuota: '', ramp: '', reason: '',
};

/** The new-logos quota typed (a whole number a year; empty for none) as the body's measureQuotas, or why it is not one. */
function logoQuotaOf(text: string): { value: Partial<Record<'new-logos', string>> } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: {} };
  return /^\d{1,12}$/.test(t) ? { value: { 'new-logos': t } } : { error: 'enter a whole number of new customers a year, such as 12' };
}

/** Both measure quotas as the body's measureQuotas (empty inputs left out), collecting what cannot be read. */
function measureQuotasOf(texts: { measureQuotas: string; acvQuota: string }, currency: string, errors: FieldErrors): Partial<Record<'new-logos' | 'acv', string>> {
  const logos = logoQuotaOf(texts.measureQuotas);
  if ('error' in logos) errors['measureQuotas'] = logos.error;
  const acvText = texts.acvQuota.trim();
  const acv = acvText === '' ? null : moneyOf(acvText, currency);
  if (acv && 'error' in acv) errors['acvQuota'] = acv.error;
  return { ...('value' in logos ? logos.value : {}), ...(acv && 'minor' in acv ? { acv: acv.minor } : {}) };
}

const MONEY_FIELDS = new Set<string>(['targetIncentiveMinor', 'annualQuotaMinor', 'baseSalaryMinor']);

/** Major-unit text as minor units, or the reason it is not an amount. */
function moneyOf(text: string, currency: string): { minor: string } | { error: string } {
  try {
    return { minor: parseMajorToMinor(text.trim(), currency).toString() };
  } catch (error) {
    return { error: `enter an amount like 120000.00 (${(error as Error).message})` };
  }
}

/** "0, 0.25, 0.5" (commas, slashes or spaces) -> ["0", "0.25", "0.5"]; the server checks each. */
export function rampOf(text: string): string[] | null {
  const parts = text.split(/[\s,/]+/).filter((p) => p !== '');
  return parts.length === 0 ? null : parts;
}

/** The form's text of a stored amount: major units, exactly. */
export function majorText(minor: string | null, currency: string): string {
  return minor === null ? '' : formatMinorAsMajor(BigInt(minor), currency);
}

/** Reads the money fields of a form into `body`, collecting what cannot be read. */
function readMoney(texts: Partial<Record<string, string>>, fields: readonly string[], currency: string, body: Record<string, unknown>, errors: FieldErrors): void {
  for (const field of fields) {
    const text = (texts[field] ?? '').trim();
    if (text === '') continue;
    const read = moneyOf(text, currency);
    if ('minor' in read) body[field] = read.minor;
    else errors[field] = read.error;
  }
}

/** The POST /assignments body of the "Assign a plan" form; required fields are left to the server to name. */
export function createBodyOf(texts: Texts<CreateField>, currency: string): Parsed<CreatePlanAssignmentBody> {
  const errors: FieldErrors = {};
  const body: Record<string, unknown> = {
    personId: texts.personId, planId: texts.planId, planVersion: Number(texts.planVersion),
    validFrom: texts.validFrom, validTo: texts.validTo || null, reason: texts.reason,
    ramp: rampOf(texts.ramp),
  };
  if (texts.personId === '') errors['personId'] = 'choose a person';
  if (texts.planId === '') errors['planId'] = 'choose a plan';
  if (texts.validFrom === '') errors['validFrom'] = 'choose the first day';
  if (texts.targetIncentiveMinor.trim() === '') errors['targetIncentiveMinor'] = 'enter the annual target incentive (0 for none)';
  readMoney(texts, [...MONEY_FIELDS], currency, body, errors);
  const quotas = measureQuotasOf(texts, currency, errors);
  if (Object.keys(quotas).length > 0) body['measureQuotas'] = quotas;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: body as CreatePlanAssignmentBody };
}

/** The change form starts from the assignment's current values. */
export function changeTextsOf(item: PlanAssignmentItem): Texts<ChangeField> {
  return {
    effectiveFrom: '', planVersion: String(item.planVersion), reason: '',
    targetIncentiveMinor: majorText(item.targetIncentiveMinor, item.currency),
    annualQuotaMinor: majorText(item.annualQuotaMinor, item.currency),
    baseSalaryMinor: majorText(item.baseSalaryMinor, item.currency),
    measureQuotas: item.measureQuotas['new-logos'] ?? '',
    acvQuota: majorText(item.measureQuotas.acv ?? null, item.currency),
    ramp: (item.ramp ?? []).join(', '),
  };
}

/**
 * The POST /assignments/{id}/change body: only what differs from the current row is sent, so
 * the rest carries over as the API promises. An amount emptied means "none" (null).
 */
export function changeBodyOf(texts: Texts<ChangeField>, item: PlanAssignmentItem): Parsed<ChangePlanAssignmentBody> {
  const before = changeTextsOf(item);
  const errors: FieldErrors = {};
  const body: Record<string, unknown> = { effectiveFrom: texts.effectiveFrom, reason: texts.reason };
  if (texts.effectiveFrom === '') errors['effectiveFrom'] = 'choose the day the change takes effect';
  if (texts.planVersion !== before.planVersion) body['planVersion'] = Number(texts.planVersion);
  const changedMoney = [...MONEY_FIELDS].filter((f) => texts[f as ChangeField].trim() !== before[f as ChangeField]);
  for (const field of changedMoney) {
    if (texts[field as ChangeField].trim() !== '') continue;
    // A target incentive is always stated (0 for none); a quota or base salary emptied is removed.
    if (field === 'targetIncentiveMinor') errors[field] = 'enter the annual target incentive (0 for none)';
    else body[field] = null;
  }
  readMoney(texts, changedMoney.filter((f) => texts[f as ChangeField].trim() !== ''), item.currency, body, errors);
  const ramp = rampOf(texts.ramp);
  if ((ramp ?? []).join(', ') !== before.ramp) body['ramp'] = ramp;
  // The measure quotas are replaced together: both are sent when either changed.
  if (texts.measureQuotas.trim() !== before.measureQuotas || texts.acvQuota.trim() !== before.acvQuota) body['measureQuotas'] = measureQuotasOf(texts, item.currency, errors);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: body as ChangePlanAssignmentBody };
}

/**
 * A refusal of the server split into messages by input (`ramp.2` belongs to the ramp input,
 * as "month 3: …") and what no input on the form can show, said above the buttons.
 */
export function refusalOf(error: unknown, fields: readonly string[]): { errors: FieldErrors; formError: string | null } {
  if (!(error instanceof ApiError)) return { errors: {}, formError: 'The server cannot be reached.' };
  const errors: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const issue of error.issues) {
    // The ACV quota has an input of its own.
    const [head = '', index] = issue.field === 'measureQuotas.acv' ? ['acvQuota'] : issue.field.split('.');
    if (!fields.includes(head)) {
      elsewhere.push(`${issue.field}: ${issue.message}`);
      continue;
    }
    const message = head === 'ramp' && index !== undefined ? `month ${Number(index) + 1}: ${issue.message}` : issue.message;
    errors[head] = errors[head] ? `${errors[head]}; ${message}` : message;
  }
  const formError = error.issues.length === 0 ? error.message : elsewhere.length > 0 ? elsewhere.join('; ') : null;
  return { errors, formError };
}
