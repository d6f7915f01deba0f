import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { MAX_SAVED_VIEWS_PER_LIST } from '@attain/contract';
import type { AppContext } from '../context.js';
import { deleteSavedView, listSavedViews, saveView } from './saved-views.js';

warnIfPostgresSkipped();

describe.each(testDialects())('saved list views on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx, 'Views A');
    other = await createTestOrg(ctx, 'Views B');
  });
  afterAll(async () => database.close());

  it('saves a view and returns it as stored, trimmed name and all', async () => {
    const definition = { q: 'acme', sort: '-amountMinor', filters: { 'amountMinor.gte': '100000', ownerId: t.people.rep.id }, columns: ['name', 'amountMinor'] };
    const view = await saveView(ctx, t.actors.rep, { entity: 'opportunities', name: '  Big deals ', definition });
    expect(view).toMatchObject({ entity: 'opportunities', name: 'Big deals', definition });
    expect(view.id).toMatch(/^view_/);
    expect(view.createdAt).toBe(view.updatedAt);
    expect(await listSavedViews(ctx, t.actors.rep, 'opportunities')).toEqual([view]);
  });

  it('replaces the definition when the same user saves the same name for the same list', async () => {
    const first = await saveView(ctx, t.actors.rep2, { entity: 'accounts', name: 'Mine', definition: { q: 'old', columns: ['name'] } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await saveView(ctx, t.actors.rep2, { entity: 'accounts', name: 'Mine', definition: { sort: 'name' } });
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt > first.updatedAt).toBe(true);
    // Replaced, not merged: the old search and columns are gone.
    expect(second.definition).toEqual({ sort: 'name' });
    expect(await listSavedViews(ctx, t.actors.rep2, 'accounts')).toEqual([second]);
    // The same name on another list is another view.
    const onLeads = await saveView(ctx, t.actors.rep2, { entity: 'leads', name: 'Mine', definition: {} });
    expect(onLeads.id).not.toBe(first.id);
  });

  it('lists by list screen, by name, or all of the user\'s views', async () => {
    const actor = t.actors.manager;
    await saveView(ctx, actor, { entity: 'contacts', name: 'Zeta', definition: {} });
    await saveView(ctx, actor, { entity: 'contacts', name: 'Alpha', definition: {} });
    await saveView(ctx, actor, { entity: 'people', name: 'Team', definition: {} });
    expect((await listSavedViews(ctx, actor, 'contacts')).map((v) => v.name)).toEqual(['Alpha', 'Zeta']);
    expect((await listSavedViews(ctx, actor, 'people')).map((v) => v.name)).toEqual(['Team']);
    expect(await listSavedViews(ctx, actor, 'leads')).toEqual([]);
    expect((await listSavedViews(ctx, actor)).map((v) => `${v.entity}/${v.name}`)).toEqual(['contacts/Alpha', 'contacts/Zeta', 'people/Team']);
    await expect(listSavedViews(ctx, actor, 'users')).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'entity' }] });
  });

  it('keeps each user\'s views to herself, even from an admin: lists leave them out, delete is not_found', async () => {
    const view = await saveView(ctx, t.actors.otherRep, { entity: 'leads', name: 'Private', definition: { q: 'secret' } });
    for (const actor of [t.actors.rep, t.actors.manager, t.actors.admin, t.actors.ops]) {
      expect((await listSavedViews(ctx, actor)).map((v) => v.id)).not.toContain(view.id);
      await expect(deleteSavedView(ctx, actor, view.id)).rejects.toMatchObject({ code: 'not_found' });
    }
    // Another user may use the same name for her own view.
    const mine = await saveView(ctx, t.actors.rep, { entity: 'leads', name: 'Private', definition: {} });
    expect(mine.id).not.toBe(view.id);
    expect((await listSavedViews(ctx, t.actors.otherRep, 'leads'))[0]).toMatchObject({ id: view.id, definition: { q: 'secret' } });
    await deleteSavedView(ctx, t.actors.otherRep, view.id);
    expect(await listSavedViews(ctx, t.actors.otherRep, 'leads')).toEqual([]);
    await expect(deleteSavedView(ctx, t.actors.otherRep, view.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps organisations apart', async () => {
    const view = await saveView(ctx, t.actors.admin, { entity: 'accounts', name: 'Org A only', definition: {} });
    for (const actor of Object.values(other.actors)) {
      expect(await listSavedViews(ctx, actor)).toEqual([]);
      await expect(deleteSavedView(ctx, actor, view.id)).rejects.toMatchObject({ code: 'not_found' });
    }
    expect((await listSavedViews(ctx, t.actors.admin, 'accounts')).map((v) => v.id)).toEqual([view.id]);
  });

  it('names every offending field and refuses unknown ones', async () => {
    const fields = async (input: unknown) => {
      const error = await saveView(ctx, t.actors.rep, input).then(() => null, (e: { code: string; issues: { field: string }[] }) => e);
      expect(error?.code).toBe('validation_failed');
      return (error?.issues ?? []).map((i) => i.field).sort();
    };
    expect(await fields({ entity: 'users', name: '   ', definition: { q: 'x'.repeat(201), sort: 's'.repeat(65) } })).toEqual(['definition.q', 'definition.sort', 'entity', 'name']);
    expect(await fields({ entity: 'accounts', name: 'n'.repeat(101), definition: {} })).toEqual(['name']);
    expect(await fields({ entity: 'accounts', name: 'x' })).toEqual(['definition']);
    expect(await fields({ entity: 'accounts', name: 'x', definition: { color: 'red' } })).toEqual(['definition.color']);
    expect(await fields({ entity: 'accounts', name: 'x', definition: {}, shared: true })).toEqual(['shared']);
    const tooMany = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, 'v']));
    expect(await fields({ entity: 'accounts', name: 'x', definition: { filters: tooMany } })).toEqual(['definition.filters']);
    expect(await fields({ entity: 'accounts', name: 'x', definition: { filters: { ['k'.repeat(65)]: 'v', ok: 'v'.repeat(2001) } } })).toEqual(['definition.filters', 'definition.filters.ok']);
    expect(await fields({ entity: 'accounts', name: 'x', definition: { columns: Array.from({ length: 41 }, () => 'c') } })).toEqual(['definition.columns']);
    expect(await fields({ entity: 'accounts', name: 'x', definition: { filters: { a: 1 } } })).toEqual(['definition.filters.a']);
    expect(await listSavedViews(ctx, t.actors.rep, 'accounts')).toEqual([]);
  });

  it('caps how many views a user keeps per list, but always lets her replace one', async () => {
    const actor = t.actors.finance;
    for (let i = 0; i < MAX_SAVED_VIEWS_PER_LIST; i++) await saveView(ctx, actor, { entity: 'activities', name: `View ${i}`, definition: {} });
    await expect(saveView(ctx, actor, { entity: 'activities', name: 'One more', definition: {} })).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'name' }] });
    const replaced = await saveView(ctx, actor, { entity: 'activities', name: 'View 7', definition: { q: 'again' } });
    expect(replaced.definition).toEqual({ q: 'again' });
    expect(await saveView(ctx, actor, { entity: 'accounts', name: 'Other list', definition: {} })).toMatchObject({ entity: 'accounts' });
  });
});
