import type { ConditionDraft, ModelDraft, RoleDraft, SegmentDraft } from './draft-model.js';
import { isNumberField, opsOf } from './rule-words.js';

/* The edits of the form, each a new draft (the old one is never changed). */

const replaceAt = <T>(list: readonly T[], index: number, change: (item: T) => T): T[] => list.map((item, i) => (i === index ? change(item) : item));

const NEW_CONDITION: ConditionDraft = { field: 'employees', op: 'gte', value: '' };

function withSegment(draft: ModelDraft, index: number, change: (s: SegmentDraft) => SegmentDraft): ModelDraft {
  return { ...draft, segments: replaceAt(draft.segments, index, change) };
}

function withConditions(draft: ModelDraft, index: number, change: (list: readonly ConditionDraft[]) => ConditionDraft[]): ModelDraft {
  return withSegment(draft, index, (s) => (s.rule.kind === 'conditions' ? { ...s, rule: { kind: 'conditions', conditions: change(s.rule.conditions) } } : s));
}

export function renameSegment(draft: ModelDraft, index: number, change: Partial<Pick<SegmentDraft, 'key' | 'name'>>): ModelDraft {
  return withSegment(draft, index, (s) => ({ ...s, ...change }));
}

/** A condition changed; a new field keeps the operator only if it takes it, and a value only of the same kind. */
export function changeCondition(draft: ModelDraft, index: number, at: number, change: Partial<ConditionDraft>): ModelDraft {
  return withConditions(draft, index, (list) => replaceAt(list, at, (c) => {
    const next = { ...c, ...change };
    if (next.field === c.field) return next;
    const ops = opsOf(next.field);
    const sameKind = isNumberField(next.field) === isNumberField(c.field);
    return { ...next, op: ops.includes(next.op) ? next.op : (ops[0] as string), value: sameKind ? next.value : '' };
  }));
}

export function addCondition(draft: ModelDraft, index: number): ModelDraft {
  return withConditions(draft, index, (list) => [...list, NEW_CONDITION]);
}

export function removeCondition(draft: ModelDraft, index: number, at: number): ModelDraft {
  return withConditions(draft, index, (list) => list.filter((_, i) => i !== at));
}

export function setHours(draft: ModelDraft, index: number, role: number, hours: string): ModelDraft {
  return withSegment(draft, index, (s) => ({ ...s, hours: replaceAt(s.hours, role, () => hours) }));
}

export function changeRole(draft: ModelDraft, role: number, change: Partial<Pick<RoleDraft, 'name' | 'hoursPerRep' | 'headcount'>>): ModelDraft {
  return { ...draft, roles: replaceAt(draft.roles, role, (r) => ({ ...r, ...change })) };
}

/** A new segment just before the last (which keeps taking every account left), with a key no other has. */
export function addSegment(draft: ModelDraft): ModelDraft {
  const keys = new Set(draft.segments.map((s) => s.key));
  let n = draft.segments.length;
  while (keys.has(`segment-${n}`)) n += 1;
  const added: SegmentDraft = { key: `segment-${n}`, name: `Segment ${n}`, rule: { kind: 'conditions', conditions: [NEW_CONDITION] }, hours: draft.roles.map(() => '') };
  const at = Math.max(draft.segments.length - 1, 0);
  return { ...draft, segments: [...draft.segments.slice(0, at), added, ...draft.segments.slice(at)] };
}

/** Removes a segment; the last one cannot go (every account needs a segment). */
export function removeSegment(draft: ModelDraft, index: number): ModelDraft {
  if (index >= draft.segments.length - 1) return draft;
  return { ...draft, segments: draft.segments.filter((_, i) => i !== index) };
}
