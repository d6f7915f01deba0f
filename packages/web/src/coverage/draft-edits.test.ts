import { describe, expect, it } from 'vitest';
import { addSegment, changeCondition, removeCondition, removeSegment, setHours } from './draft-edits.js';
import type { ModelDraft } from './draft-model.js';

const DRAFT: ModelDraft = {
  segments: [
    { key: 'big', name: 'Big', rule: { kind: 'conditions', conditions: [{ field: 'employees', op: 'lt', value: '100' }, { field: 'region', op: 'in', value: 'EMEA' }] }, hours: ['10'] },
    { key: 'rest', name: 'Rest', rule: { kind: 'rest' }, hours: ['2'] },
  ],
  roles: [{ key: 'ae', name: 'AE', hoursPerRep: '1200', headcount: '' }],
};

const conditions = (draft: ModelDraft, i = 0) => { const r = draft.segments[i]?.rule; return r?.kind === 'conditions' ? r.conditions : []; };

describe('draft edits', () => {
  it('keeps the operator a new field takes, and a value only of the same kind', () => {
    expect(conditions(changeCondition(DRAFT, 0, 0, { field: 'potentialMinor' }))[0]).toEqual({ field: 'potentialMinor', op: 'lt', value: '100' });
    expect(conditions(changeCondition(DRAFT, 0, 0, { field: 'industry' }))[0]).toEqual({ field: 'industry', op: 'is', value: '' });
    expect(conditions(changeCondition(DRAFT, 0, 1, { field: 'city' }))[1]).toEqual({ field: 'city', op: 'in', value: 'EMEA' });
    expect(conditions(removeCondition(DRAFT, 0, 0))).toEqual([{ field: 'region', op: 'in', value: 'EMEA' }]);
  });

  it('adds a segment before the last with a fresh key, and never removes the last', () => {
    const added = addSegment(addSegment(DRAFT));
    expect(added.segments.map((s) => s.key)).toEqual(['big', 'segment-2', 'segment-3', 'rest']);
    expect(added.segments[1]?.hours).toEqual(['']);
    expect(removeSegment(added, 3)).toBe(added);
    expect(removeSegment(added, 1).segments.map((s) => s.key)).toEqual(['big', 'segment-3', 'rest']);
  });

  it('changes a copy, never the draft it was given', () => {
    const before = JSON.stringify(DRAFT);
    expect(setHours(DRAFT, 1, 0, '3').segments[1]?.hours).toEqual(['3']);
    expect(JSON.stringify(DRAFT)).toBe(before);
  });
});
