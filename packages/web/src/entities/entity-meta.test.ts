import { describe, expect, it } from 'vitest';
// Test-only: the screens must offer exactly the sorts and filters the server's list specs accept.
import { accountSpec, activitySpec, contactSpec, leadSpec, opportunitySpec, personSpec } from '@attain/store';
import { columnFields, ENTITIES, ENTITY_KEYS } from './entity-meta.js';

const SPECS = { accounts: accountSpec, contacts: contactSpec, leads: leadSpec, opportunities: opportunitySpec, activities: activitySpec, people: personSpec };

describe('web entity metadata', () => {
  it.each(ENTITY_KEYS)('%s offers only the sorts and filters the API accepts', (key) => {
    const meta = ENTITIES[key];
    const spec = SPECS[key];
    expect([...meta.sortable].sort()).toEqual([...spec.sortable].sort());
    expect(meta.defaultSort).toBe(spec.defaultSort);
    expect([...meta.filterable].sort()).toEqual([...spec.filterable].sort());
    for (const field of meta.fields.filter((f) => f.filter)) expect(spec.filterable).toContain(field.name);
    expect(spec.sortable).toContain(meta.titleColumn.sort);
    for (const related of meta.related) expect(SPECS[related.entity].filterable).toContain(related.via);
    for (const column of meta.defaultColumns) expect(columnFields(meta).map((f) => f.name)).toContain(column);
  });
});
