import { MAX_RULE_VALUES, countyRuleValues, type Definition } from './county-rules.js';

/*
 * Manual moves on a draft definition. Each returns a new definition (the input is not changed),
 * or the same object when nothing changes, so a no-op move does not mark the draft as edited.
 */

const countyFilter = (values: readonly string[]) => ({ field: 'county', op: 'in', values: [...values] });

/**
 * The county `fips` to territory `target`: taken out of every county rule that lists it (a rule
 * left with no county goes), and added to the target's first county rule with room (MAX_RULE_VALUES), or to a new
 * county rule of the target at the end of the rules.
 */
export function moveCounty(definition: Definition, fips: string, target: string): Definition {
  if (!definition.territories.some((t) => t.key === target)) throw new Error(`no territory ${target} in the model`);
  const listed = definition.rules.map((r) => countyRuleValues(r.filter));
  const already = definition.rules.some((r, i) => r.territory === target && listed[i]?.includes(fips));
  const elsewhere = definition.rules.some((r, i) => r.territory !== target && listed[i]?.includes(fips));
  if (already && !elsewhere) return definition;
  let placed = already;
  const rules: Definition['rules'] = [];
  definition.rules.forEach((rule, i) => {
    const values = listed[i];
    if (values === null || values === undefined) return void rules.push(rule);
    if (rule.territory !== target) {
      const rest = values.filter((v) => v !== fips);
      if (rest.length === values.length) rules.push(rule);
      else if (rest.length > 0) rules.push({ ...rule, filter: countyFilter(rest) });
      return undefined;
    }
    if (!placed && values.length < MAX_RULE_VALUES) {
      placed = true;
      return void rules.push({ ...rule, filter: countyFilter([...values, fips].sort()) });
    }
    return void rules.push(rule);
  });
  if (!placed) rules.push({ territory: target, filter: countyFilter([fips]) });
  return { ...definition, rules };
}

/**
 * Places one account in `target` by hand: its manual entry is replaced (kept where it was in the
 * list) or added, and a lock on it goes (core refuses an account both placed and locked).
 */
export function moveAccount(definition: Definition, accountId: string, target: string): Definition {
  if (!definition.territories.some((t) => t.key === target)) throw new Error(`no territory ${target} in the model`);
  const at = definition.manual.findIndex((m) => m.accountId === accountId);
  if (at >= 0 && definition.manual[at]?.territory === target) return definition;
  const manual = at >= 0
    ? definition.manual.map((m, i) => (i === at ? { accountId, territory: target } : m))
    : [...definition.manual, { accountId, territory: target }];
  return { ...definition, manual, locks: definition.locks.filter((id) => id !== accountId) };
}

/** Whether two definitions differ (the draft against what is saved). */
export function differs(a: Definition, b: Definition): boolean {
  return a !== b && JSON.stringify(a) !== JSON.stringify(b);
}
