import { parseMajorToMinor } from '@attain/core';
import type { CoverageModelJson } from '@attain/contract';
import { majorText } from '../assignments/assignment-form.js';
import { MONEY_FIELDS, isNumberField } from './rule-words.js';
import { conditionPath } from './draft-paths.js';

/*
 * The coverage model as the edit form holds it (texts as typed: money in major units, lists
 * comma-separated) and back. A rule the form can show is a flat "all of" list of conditions;
 * any other (any, not, nesting) is kept as it is and shown read-only. Errors are keyed by the
 * API's own paths (`segments[1].rule.value`), so the server's and the form's land alike.
 */

export interface ConditionDraft {
  readonly field: string;
  readonly op: string;
  /** As typed: major units for money, "a, b" for in/notIn, empty for isEmpty/isSet. */
  readonly value: string;
}

export type RuleDraft =
  | { readonly kind: 'conditions'; readonly conditions: readonly ConditionDraft[] }
  /** A rule the form cannot show, sent back unchanged. */
  | { readonly kind: 'fixed'; readonly rule: unknown }
  /** The last segment: every account no earlier one took. */
  | { readonly kind: 'rest' };

export interface SegmentDraft {
  readonly key: string;
  readonly name: string;
  readonly rule: RuleDraft;
  /** Hours per account, by role index; empty: the role does not cover the segment. */
  readonly hours: readonly string[];
}

export interface RoleDraft {
  readonly key: string;
  readonly name: string;
  readonly hoursPerRep: string;
  /** Empty: no headcount planned. */
  readonly headcount: string;
}

export interface ModelDraft {
  readonly segments: readonly SegmentDraft[];
  readonly roles: readonly RoleDraft[];
}

/** Messages by API path. */
export type FieldErrors = Readonly<Record<string, string>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const INTEGER = /^-?\d+$/;

function conditionOf(leaf: unknown, currency: string): ConditionDraft | null {
  if (!isObject(leaf) || typeof leaf.field !== 'string' || typeof leaf.op !== 'string' || 'all' in leaf || 'any' in leaf || 'not' in leaf) return null;
  const { field, op, value, values } = leaf;
  if (op === 'in' || op === 'notIn') {
    // A value with a comma would split in two when read back: such a list stays read-only.
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string' && !v.includes(','))) return null;
    return { field, op, value: values.join(', ') };
  }
  if (value === undefined) return { field, op, value: '' };
  if (typeof value !== 'string') return null;
  return { field, op, value: MONEY_FIELDS.includes(field) && INTEGER.test(value) ? majorText(value, currency) : value };
}

function ruleOf(rule: unknown, last: boolean, currency: string): RuleDraft {
  if (last && (rule === null || rule === undefined)) return { kind: 'rest' };
  const leaves = isObject(rule) && Array.isArray(rule.all) ? rule.all : [rule];
  const conditions = leaves.map((leaf) => conditionOf(leaf, currency));
  return conditions.every((c) => c !== null) ? { kind: 'conditions', conditions } : { kind: 'fixed', rule };
}

/** The form's texts of a model. */
export function draftOf(model: CoverageModelJson, currency: string): ModelDraft {
  return {
    segments: model.segments.map((s, i) => ({
      key: s.key, name: s.name, rule: ruleOf(s.rule, i === model.segments.length - 1, currency),
      hours: model.roles.map((r) => s.coverage.find((c) => c.role === r.key)?.hoursPerAccount ?? ''),
    })),
    roles: model.roles.map((r) => ({ key: r.key, name: r.name, hoursPerRep: r.hoursPerRep, headcount: r.headcount === null || r.headcount === undefined ? '' : String(r.headcount) })),
  };
}

/** A condition as the API reads it, or the message for its input. */
function leafOf(c: ConditionDraft, currency: string): { leaf: Record<string, unknown> } | { field: 'value' | 'values'; error: string } {
  const { field, op } = c;
  const text = c.value.trim();
  if (op === 'isEmpty' || op === 'isSet') return { leaf: { field, op } };
  if (op === 'in' || op === 'notIn') {
    const values = text.split(',').map((v) => v.trim()).filter((v) => v !== '');
    return values.length > 0 ? { leaf: { field, op, values } } : { field: 'values', error: 'enter one or more values, separated by commas' };
  }
  if (text === '') return { field: 'value', error: 'enter a value' };
  if (!isNumberField(field)) return { leaf: { field, op, value: text } };
  if (MONEY_FIELDS.includes(field)) {
    try {
      return { leaf: { field, op, value: parseMajorToMinor(text, currency).toString() } };
    } catch {
      return { field: 'value', error: `enter an amount in ${currency}, like 250000.00` };
    }
  }
  const whole = text.replace(/[,\s]/g, '');
  return INTEGER.test(whole) ? { leaf: { field, op, value: whole } } : { field: 'value', error: 'enter a whole number' };
}

/**
 * The model a draft stands for, and what of it cannot be read (by API path). With errors the
 * model is still whole, with the unreadable parts left out, for nothing but showing.
 */
export function modelOf(draft: ModelDraft, currency: string): { model: CoverageModelJson; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const segments = draft.segments.map((s, i) => {
    let rule: unknown = null;
    if (s.rule.kind === 'fixed') rule = s.rule.rule;
    else if (s.rule.kind === 'conditions') {
      const { conditions } = s.rule;
      if (conditions.length === 0) errors[`segments[${i}].rule`] = 'add a condition: only the last segment takes every account left';
      const leaves = conditions.flatMap((c, j) => {
        const read = leafOf(c, currency);
        if ('leaf' in read) return [read.leaf];
        errors[`${conditionPath(i, j, conditions.length)}.${read.field}`] = read.error;
        return [];
      });
      rule = leaves.length === 1 ? leaves[0] : { all: leaves };
    }
    const coverage = draft.roles.flatMap((r, k) => {
      const hours = (s.hours[k] ?? '').trim();
      return hours === '' ? [] : [{ role: r.key, hoursPerAccount: hours }];
    });
    return { key: s.key.trim(), name: s.name.trim(), rule, coverage };
  });
  const roles = draft.roles.map((r, k) => {
    const headcount = r.headcount.trim();
    if (headcount !== '' && !/^\d+$/.test(headcount)) errors[`roles[${k}].headcount`] = 'enter a whole number, or leave it empty for none';
    return { key: r.key, name: r.name.trim(), hoursPerRep: r.hoursPerRep.trim(), headcount: headcount === '' || errors[`roles[${k}].headcount`] ? null : Number(headcount) };
  });
  return { model: { segments, roles }, errors };
}
