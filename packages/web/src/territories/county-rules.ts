import type { TerritoryMapWire, TerritoryModelJson } from '@attain/contract';

/*
 * County rules: a territory's rule whose filter is exactly { field: 'county', op: 'in', values:
 * [FIPS...] }, as the optimizer writes them. Which territory a county belongs to is read from
 * those rules in their order of precedence (core's rulesInOrder: the territory's type priority,
 * then as listed; the first rule that lists a county takes it), so a county with no account
 * still shows its territory on the map.
 */

export type Definition = TerritoryModelJson;
type Rule = Definition['rules'][number];

/** The most values a rule may list (core's account filter refuses more). */
export const MAX_RULE_VALUES = 5000;

/** The FIPS codes of a county rule; null for any other rule. */
export function countyRuleValues(filter: unknown): readonly string[] | null {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) return null;
  const f = filter as Record<string, unknown>;
  if (f.field !== 'county' || f.op !== 'in' || !Array.isArray(f.values)) return null;
  return f.values.every((v) => typeof v === 'string') ? (f.values as string[]) : null;
}

/** The rules in the order they are tried: by their territory's type priority (untyped last), then as listed. */
export function rulesInPrecedence(definition: Definition): Rule[] {
  const priority = new Map(definition.types.map((t) => [t.key, t.priority]));
  const rank = new Map(definition.territories.map((t) => [t.key, t.type === null ? Number.MAX_SAFE_INTEGER : (priority.get(t.type) ?? Number.MAX_SAFE_INTEGER)]));
  return definition.rules
    .map((rule, index) => ({ rule, index, rank: rank.get(rule.territory) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.rule);
}

/**
 * Each county's territory: from the county rules first, then, for counties no county rule lists,
 * the territory the map gives it (that of most of its potential, whatever placed it).
 */
export function countyTerritories(definition: Definition, counties: TerritoryMapWire['counties'] = []): Map<string, string> {
  const byRule = new Map<string, string>();
  for (const rule of rulesInPrecedence(definition)) {
    for (const fips of countyRuleValues(rule.filter) ?? []) if (!byRule.has(fips)) byRule.set(fips, rule.territory);
  }
  const result = new Map<string, string>();
  for (const c of counties) if (c.territory !== null && !byRule.has(c.fips)) result.set(c.fips, c.territory);
  for (const [fips, territory] of byRule) result.set(fips, territory);
  return result;
}

/** Territories that hold accounts: those no other territory names as its parent. */
export function leafKeys(definition: Definition): string[] {
  const parents = new Set(definition.territories.map((t) => t.parent).filter((p): p is string => p !== null));
  return definition.territories.filter((t) => !parents.has(t.key)).map((t) => t.key);
}
