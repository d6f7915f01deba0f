import { invalid, parseDecimal, territoryOwnerOn, type AllocationItem, type AllocationLine, type FiscalPeriod, type Person, type PersonKind, type TerritoryModel } from '@attain/core';
import { territoryModelRepo, type Db, type Tx } from '@attain/store';
import type { OrgMoney } from '../coverage/model-accounts.js';
import { loadModel, modelOfRow } from '../territories/territory-models.js';
import { leafTerritories, placeAccounts } from '../territories/territory-placement.js';
import type { AllocatedSeller, QuotaAllocateInput } from './allocate-quotas.js';
import { historyByAccount } from './quota-history.js';

/*
 * The blend over territories (docs/quotas.md#by-territory): Q_t = Q x (w H_t / sum H + (1 - w) P_t / sum P)
 * for each leaf territory t of a territory model, H_t what was booked last year on the accounts the
 * model places in t, P_t their potential, w the weight of the role that owns territories. Each
 * seller then carries the sum of the territories she owns on the year's first day (today once it
 * has begun); a territory no seller owns (vacant, or a seat to be hired) keeps its quota apart.
 */

/** A leaf territory's part of the number. */
export interface AllocatedTerritory {
  readonly key: string;
  readonly name: string;
  /** The seller who owns it on the day; null when none does. */
  readonly ownerId: string | null;
  /** The seat's name when a to-be-hired placeholder holds it. */
  readonly seat: string | null;
  readonly accounts: number;
  readonly historyMinor: bigint;
  readonly potentialMinor: bigint;
  readonly historyWeight: string;
  readonly share: number;
  readonly quotaMinor: bigint;
  readonly bound: 'floor' | 'cap' | null;
}

export interface TerritoryAllocation {
  readonly model: { readonly id: string; readonly name: string; readonly ownerRole: string };
  readonly asOf: string;
  readonly territories: readonly AllocatedTerritory[];
  readonly sellers: readonly AllocatedSeller[];
}

export interface TerritoryAllocationArgs {
  readonly body: QuotaAllocateInput;
  readonly year: FiscalPeriod;
  readonly last: FiscalPeriod;
  readonly money: OrgMoney;
  /** The year's sellers, in id order. */
  readonly sellers: readonly Person[];
  readonly targetMinor: bigint;
  readonly bounds: (historyMinor: bigint) => Pick<AllocationItem, 'floorMinor' | 'capMinor'>;
  readonly allocate: (targetMinor: bigint, items: readonly AllocationItem[]) => readonly AllocationLine[];
}

async function modelFor(db: Db | Tx, orgId: string, modelId: string | undefined): Promise<{ id: string; name: string; model: TerritoryModel }> {
  const row = modelId === undefined ? await territoryModelRepo.active(db, orgId) : await loadModel(db, orgId, modelId);
  if (!row) throw invalid('basis', 'no territory model is active: activate one, name one (territoryModelId), or allocate to sellers');
  return { id: row.id, name: row.name, model: modelOfRow(row) };
}

export async function allocateToTerritories(db: Db | Tx, orgId: string, today: string, args: TerritoryAllocationArgs): Promise<TerritoryAllocation> {
  const { body, year, sellers } = args;
  if (body.overrides.length > 0) throw invalid('overrides', 'quotas set by hand go per seller; when allocating to territories, set them on the plan\'s lines');
  const { id, name, model } = await modelFor(db, orgId, body.territoryModelId);
  const asOf = today > year.start ? today : year.start;
  const { placed } = await placeAccounts(db, orgId, model, asOf, today);
  const history = await historyByAccount(db, orgId, args.money, body.measure, args.last);
  const keys = leafTerritories(model);
  const sums = new Map(keys.map((k) => [k, { accounts: 0, historyMinor: 0n, potentialMinor: 0n }]));
  for (const p of placed) {
    const s = p.after.territory === null ? undefined : sums.get(p.after.territory);
    if (!s) continue;
    s.accounts += 1;
    s.historyMinor += history.get(p.accountId) ?? 0n;
    s.potentialMinor += p.potentialMinor;
  }
  const sellerById = new Map(sellers.map((p) => [p.id, p]));
  const ownerOf = (key: string) => territoryOwnerOn(model, key, asOf);
  // The weight of the role that owns territories: the owner's own role, or the model's owner role for an empty seat.
  const weightOf = (key: string): string => {
    const owner = ownerOf(key)?.personId;
    const kind = (owner && sellerById.get(owner)?.kind) || (model.ownerRole as PersonKind);
    return body.weightsByRole[kind] ?? body.historyWeight;
  };
  const items: AllocationItem[] = keys.map((key) => {
    const s = sums.get(key) as { historyMinor: bigint; potentialMinor: bigint };
    return { id: key, historyMinor: s.historyMinor, potentialMinor: s.potentialMinor, historyWeight: parseDecimal(weightOf(key)), ...(s.historyMinor > 0n ? args.bounds(s.historyMinor) : {}) };
  });
  const lines = args.allocate(args.targetMinor, items);
  const territories: AllocatedTerritory[] = keys.map((key, k) => {
    const line = lines[k] as (typeof lines)[number];
    const s = sums.get(key) as { accounts: number; historyMinor: bigint; potentialMinor: bigint };
    const owner = ownerOf(key);
    return {
      key, name: model.territories.find((t) => t.key === key)?.name ?? key, ownerId: owner?.personId && sellerById.has(owner.personId) ? owner.personId : null,
      seat: owner?.personId === null ? owner.placeholder : null, accounts: s.accounts, historyMinor: s.historyMinor, potentialMinor: s.potentialMinor, historyWeight: weightOf(key),
      share: Number(line.share.numerator) / Number(line.share.denominator), quotaMinor: line.quotaMinor, bound: line.bound === 'floor' || line.bound === 'cap' ? line.bound : null,
    };
  });
  const out: AllocatedSeller[] = sellers.map((person) => {
    const owned = territories.filter((t) => t.ownerId === person.id);
    const total = (f: (t: AllocatedTerritory) => bigint) => owned.reduce((s, t) => s + f(t), 0n);
    return {
      person, historyMinor: total((t) => t.historyMinor), potentialMinor: total((t) => t.potentialMinor), historyWeight: body.weightsByRole[person.kind] ?? body.historyWeight,
      share: owned.reduce((s, t) => s + t.share, 0), quotaMinor: total((t) => t.quotaMinor), bound: owned.find((t) => t.bound !== null)?.bound ?? null,
      reason: owned.length === 0 ? `owns no territory of ${name}` : `territories of ${name}: ${owned.map((t) => t.name).join(', ')}`,
    };
  });
  return { model: { id, name, ownerRole: model.ownerRole }, asOf, territories, sellers: out };
}
