import type { Actor } from '@attain/core';
import type { AppContext } from '../context.js';
import { createTerritoryModel, saveTerritoryModel } from '../territories/territory-models.js';

/** A territory of a flat test model: one owning member (an AE), or an empty seat with the placeholder's name. */
export interface TestTerritory {
  readonly key: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly seat?: string;
}

/** A planning model of flat territories owned by AEs, its accounts placed by hand (no rules): its id. */
export async function flatTerritoryModel(ctx: AppContext, actor: Actor, name: string, territories: readonly TestTerritory[], manual: readonly { accountId: string; territory: string }[]): Promise<string> {
  const model = await createTerritoryModel(ctx, actor, { name });
  await saveTerritoryModel(ctx, actor, model.id, {
    name, baseVersion: 1,
    definition: {
      ownerRole: 'ae', types: [],
      territories: territories.map((t) => ({
        key: t.key, name: t.name, parent: null, level: 'territory', type: null,
        members: [{ personId: t.ownerId, placeholder: t.ownerId === null ? (t.seat ?? 'To be hired') : null, role: 'ae', from: null, to: null }],
      })),
      rules: [], manual: [...manual], locks: [],
    },
  });
  return model.id;
}
