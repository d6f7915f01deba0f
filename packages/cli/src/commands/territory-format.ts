import { formatMinorAsMajor } from '@attain/core';
import type { AccountTerritoryHistory, TerritoryActivateResult, TerritoryDiffWire, TerritoryMapWire, TerritoryModelDetail, TerritoryModelSummary, TerritoryOptimizeResult } from '@attain/contract';

/* The human output of the `attain territory` model commands (--json prints the use cases' results instead). */

/** Columns padded to their widest cell, those in `right` (numbers, money) aligned right; indented by two spaces. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (right.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const moneyIn = (currency: string) => (minor: string) => formatMinorAsMajor(BigInt(minor), currency);

export function formatModels(models: readonly TerritoryModelSummary[]): string {
  if (models.length === 0) return 'no territory models yet: `attain territory create --name <name>`';
  return table(['id', 'name', 'status', 'territories', 'effective from', 'version'],
    models.map((m) => [m.id, m.name, m.status, String(m.territories), m.effectiveFrom ?? '-', String(m.version)]), [3, 5]);
}

export const summaryLine = (m: TerritoryModelSummary): string =>
  `${m.name} (${m.id}): ${m.status}${m.effectiveFrom === null ? '' : m.status === 'active' ? ` from ${m.effectiveFrom}` : ` (in effect from ${m.effectiveFrom})`}, version ${m.version}, ${plural(m.territories, 'territory', 'territories')}`;

/** The model, and each territory with its owner and the accounts and potential it holds on the model's date. */
export function formatModel(model: TerritoryModelDetail, map: TerritoryMapWire): string {
  const d = model.definition;
  const money = moneyIn(map.currency);
  const sums = new Map(map.territories.map((t) => [t.key, t]));
  return [
    summaryLine(model),
    `  owner role ${d.ownerRole}; ${plural(d.rules.length, 'rule')}, ${plural(d.manual.length, 'manual assignment')}, ${plural(d.locks.length, 'lock')}`,
    ...(d.territories.length === 0 ? [] : [table(['key', 'name', 'parent', 'level', 'owner', 'accounts', `potential (${map.currency})`],
      d.territories.map((t) => {
        const s = sums.get(t.key);
        return [t.key, t.name, t.parent ?? '-', t.level, s?.owner?.name ?? '-', String(s?.accounts ?? 0), money(s?.potentialMinor ?? '0')];
      }), [5, 6])]),
    `  ${map.accountsTotal} accounts, ${map.unassigned} in no territory; balance of potential: max deviation ${pct(map.balance.maxDeviation)}, CV ${map.balance.cv.toFixed(3)}, Gini ${map.balance.gini.toFixed(3)}`,
  ].join('\n');
}

export function formatOptimized(r: TerritoryOptimizeResult, map: TerritoryMapWire | undefined): string {
  const m = r.metrics;
  return [
    `${summaryLine(r.model)}: balanced on ${r.measure}, ${r.withinBand ? 'every territory within the band' : 'NOT every territory within the band'}`,
    `  max deviation ${pct(m.maxDeviation)}, CV ${m.cv.toFixed(3)}, Gini ${m.gini.toFixed(3)}, max/min ${m.maxOverMin.toFixed(2)}, compactness ${m.compactness.toFixed(3)}, disconnected ${m.disconnected}, empty ${m.empty}`,
    `  ${plural(r.counties, 'county', 'counties')} with accounts; ${plural(r.accountsOutside, 'account')} outside the contiguous US counties`,
    ...r.secondary.map((x) => `  ${x.measure}: max deviation ${pct(x.maxDeviation)}, ${x.withinBand ? 'within' : 'NOT within'} its band of +/-${pct(x.tolerance)}`),
    ...(r.movedShare === null ? [] : [`  rebalanced from today: ${pct(r.movedShare)} of the ${r.measure} changes territory (${plural(r.movedAccounts ?? 0, 'account')}); ${plural(r.heldAccounts, 'account')} stay put (by hand, locked, outside the counties)`]),
    ...(map ? [table(['key', 'name', 'owner', 'accounts', `potential (${map.currency})`],
      map.territories.map((t) => [t.key, t.name, t.owner?.name ?? '-', String(t.accounts), moneyIn(map.currency)(t.potentialMinor)]), [3, 4])] : []),
  ].join('\n');
}

export function formatDiff(d: TerritoryDiffWire): string {
  const money = moneyIn(d.currency);
  const change = (before: string, after: string) => `${before} -> ${after}`;
  return [
    `activating ${d.modelId} from ${d.effectiveDate}: ${d.accounts} accounts, ${d.territoryChanges} change territory, ${d.moved.accounts} change owner`,
    `  moved: potential ${money(d.moved.potentialMinor)}, pipeline ${money(d.moved.pipelineMinor)}, book ${money(d.moved.bookMinor)} ${d.currency}`,
    `  ${d.unassigned} in no territory, ${d.vacant} in a vacant territory (they keep their owner until the hire)`,
    table(['rep', 'accounts', 'gained', 'lost', `potential (${d.currency})`, `quota (${d.currency})`, 'quota impact'],
      d.reps.map((r) => [
        r.name, change(String(r.before.accounts), String(r.after.accounts)), String(r.gained), String(r.lost),
        change(money(r.before.potentialMinor), money(r.after.potentialMinor)), r.quotaMinor === null ? '-' : money(r.quotaMinor),
        r.quotaImpactMinor === null ? '-' : `${BigInt(r.quotaImpactMinor) > 0n ? '+' : ''}${money(r.quotaImpactMinor)}`,
      ]), [1, 2, 3, 4, 5, 6]),
    `  balance of potential after: max deviation ${pct(d.balance.maxDeviation)}, CV ${d.balance.cv.toFixed(3)}, Gini ${d.balance.gini.toFixed(3)}`,
  ].join('\n');
}

export const formatActivated = (r: TerritoryActivateResult): string => [
  `activated ${summaryLine(r.model)}`,
  `  ${r.changed} accounts given a new territory or owner from ${r.model.effectiveFrom ?? '-'}`,
  r.pending
    ? '  owners are set when the date comes (pending)'
    : `  ${r.accountOwnersSet} account owners set, ${r.opportunitiesMoved} open opportunities moved`,
  ...(r.quota === null ? [] : [r.quota.version === null
    ? `  quota: no seller's potential changes, FY${r.quota.fiscalYear} quota plan ${r.quota.planId} unchanged`
    : `  quota carried for ${r.quota.sellers} sellers into FY${r.quota.fiscalYear} quota plan ${r.quota.planId}, version ${r.quota.version} (a draft: submit it for approval)`]),
].join('\n');

/** "WEST West", or just the name when it starts with the key (the optimizer's "T03 · CA, NV"). */
const territoryLabel = (key: string | null, name: string | null): string => (key === null ? '-' : name === null || name.startsWith(key) ? (name ?? key) : `${key} ${name}`);

/** The rows, newest last; `owners` names the owner ids it knows. */
export function formatHistory(accountId: string, h: AccountTerritoryHistory, owners: ReadonlyMap<string, string>): string {
  if (h.items.length === 0) return `account ${accountId} has no territory rows yet (no model was activated since it was placed)`;
  return table(['from', 'to', 'territory', 'model', 'owner', 'source'], h.items.map((r) => [
    r.validFrom, r.validTo ?? '-', territoryLabel(r.territory, r.territoryName),
    r.modelName, r.ownerId === null ? '-' : (owners.get(r.ownerId) ?? r.ownerId), r.source,
  ]));
}
