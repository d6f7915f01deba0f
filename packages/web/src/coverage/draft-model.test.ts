import { describe, expect, it } from 'vitest';
import type { CoverageModelJson } from '@attain/contract';
import { draftOf, modelOf, type ModelDraft } from './draft-model.js';
import { hoursPath, messageAt, unplacedMessages } from './draft-paths.js';

const MODEL: CoverageModelJson = {
  segments: [
    { key: 'enterprise', name: 'Enterprise', rule: { all: [{ field: 'annualRevenueMinor', op: 'gte', value: '100000000050' }, { field: 'region', op: 'in', values: ['EMEA', 'NA'] }] }, coverage: [{ role: 'ae', hoursPerAccount: '60' }, { role: 'am', hoursPerAccount: '40' }] },
    { key: 'mid-market', name: 'Mid-market', rule: { field: 'employees', op: 'gte', value: '100' }, coverage: [{ role: 'am', hoursPerAccount: '20' }] },
    { key: 'public', name: 'Public', rule: { any: [{ field: 'industry', op: 'is', value: 'Government' }, { field: 'industry', op: 'is', value: 'Education' }] }, coverage: [] },
    { key: 'smb', name: 'SMB', rule: null, coverage: [{ role: 'ae', hoursPerAccount: '4' }] },
  ],
  roles: [
    { key: 'ae', name: 'Account executive', hoursPerRep: '1200', headcount: null },
    { key: 'am', name: 'Account manager', hoursPerRep: '1000', headcount: 3 },
  ],
};

describe('draftOf', () => {
  it('shows flat "all of" rules as conditions with money in major units, other rules read-only, the last as the rest', () => {
    const draft = draftOf(MODEL, 'USD');
    expect(draft.segments[0]?.rule).toEqual({ kind: 'conditions', conditions: [{ field: 'annualRevenueMinor', op: 'gte', value: '1000000000.50' }, { field: 'region', op: 'in', value: 'EMEA, NA' }] });
    expect(draft.segments[1]?.rule).toEqual({ kind: 'conditions', conditions: [{ field: 'employees', op: 'gte', value: '100' }] });
    expect(draft.segments[2]?.rule).toEqual({ kind: 'fixed', rule: MODEL.segments[2]?.rule });
    expect(draft.segments[3]?.rule).toEqual({ kind: 'rest' });
    // Hours line up with the roles; a role that does not cover a segment is empty.
    expect(draft.segments.map((s) => s.hours)).toEqual([['60', '40'], ['', '20'], ['', ''], ['4', '']]);
    expect(draft.roles.map((r) => r.headcount)).toEqual(['', '3']);
  });
});

describe('modelOf', () => {
  it('reads back the model it was drawn from', () => {
    expect(modelOf(draftOf(MODEL, 'USD'), 'USD')).toEqual({ model: MODEL, errors: {} });
  });

  it('turns money typed in major units into exact minor-unit strings, by the currency', () => {
    const draft = draftOf(MODEL, 'USD');
    const typed = (value: string): ModelDraft => ({ ...draft, segments: draft.segments.map((s, i) => (i === 1 ? { ...s, rule: { kind: 'conditions', conditions: [{ field: 'potentialMinor', op: 'gt', value }] } } : s)) });
    expect(modelOf(typed('9,007,199,254,740,993.12'), 'USD').model.segments[1]?.rule).toEqual({ field: 'potentialMinor', op: 'gt', value: '900719925474099312' });
    expect(modelOf(typed('0.1'), 'USD').model.segments[1]?.rule).toEqual({ field: 'potentialMinor', op: 'gt', value: '10' });
    expect(modelOf(typed('250000'), 'JPY').model.segments[1]?.rule).toEqual({ field: 'potentialMinor', op: 'gt', value: '250000' });
    expect(modelOf(typed('12.345'), 'USD').errors).toEqual({ 'segments[1].rule.value': 'enter an amount in USD, like 250000.00' });
  });

  it('builds the draft as typed: trimmed texts, grouped whole numbers, hours only of covering roles, headcount or none', () => {
    const draft = draftOf(MODEL, 'USD');
    const edited: ModelDraft = {
      segments: draft.segments.map((s, i) => (i === 1 ? { ...s, name: ' Mid ', rule: { kind: 'conditions', conditions: [{ field: 'employees', op: 'gte', value: '1,500' }, { field: 'country', op: 'isSet', value: 'ignored' }] }, hours: [' 12.5 ', ''] } : s)),
      roles: draft.roles.map((r, k) => (k === 0 ? { ...r, headcount: ' 4 ' } : { ...r, headcount: '' })),
    };
    const { model, errors } = modelOf(edited, 'USD');
    expect(errors).toEqual({});
    expect(model.segments[1]).toEqual({ key: 'mid-market', name: 'Mid', rule: { all: [{ field: 'employees', op: 'gte', value: '1500' }, { field: 'country', op: 'isSet' }] }, coverage: [{ role: 'ae', hoursPerAccount: '12.5' }] });
    expect(model.roles.map((r) => r.headcount)).toEqual([4, null]);
  });

  it('names what it cannot read by the API path of the input', () => {
    const draft = draftOf(MODEL, 'USD');
    const bad: ModelDraft = {
      segments: draft.segments.map((s, i) => (i === 0 ? { ...s, rule: { kind: 'conditions', conditions: [{ field: 'employees', op: 'gt', value: 'many' }, { field: 'city', op: 'notIn', value: ' , ' }] } } : i === 1 ? { ...s, rule: { kind: 'conditions', conditions: [] } } : s)),
      roles: draft.roles.map((r, k) => (k === 1 ? { ...r, headcount: '2.5' } : r)),
    };
    expect(modelOf(bad, 'USD').errors).toEqual({
      'segments[0].rule.all[0].value': 'enter a whole number',
      'segments[0].rule.all[1].values': 'enter one or more values, separated by commas',
      'segments[1].rule': 'add a condition: only the last segment takes every account left',
      'roles[1].headcount': 'enter a whole number, or leave it empty for none',
    });
  });
});

describe('draft paths', () => {
  const draft = draftOf(MODEL, 'USD');

  it('finds an hours input by its place among the covering roles', () => {
    expect(hoursPath(draft, 0, 1)).toBe('segments[0].coverage[1].hoursPerAccount');
    expect(hoursPath(draft, 1, 1)).toBe('segments[1].coverage[0].hoursPerAccount');
  });

  it('places messages with their inputs and leaves the rest for above the form', () => {
    const errors = { 'segments[1].rule.value': 'must be a whole number', 'segments[0].rule.all[1].values': 'too many', 'roles[0].key': 'is listed twice', 'segments[3].coverage[0].hoursPerAccount': 'must be hours' };
    expect(messageAt(errors, 'segments[1].rule', true)).toBe('must be a whole number');
    expect(messageAt(errors, 'segments[1].rule')).toBeUndefined();
    expect(unplacedMessages(draft, errors)).toEqual(['roles[0].key: is listed twice']);
  });
});
