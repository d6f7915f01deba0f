import { invalid } from '../../errors.js';
import { requireShare } from './validate-input.js';
import type { CreditingFilters, CreditingRule } from './types.js';

function validateFilters(filters: CreditingFilters | undefined, base: string): void {
  if (filters === undefined) return;
  for (const key of ['kinds', 'productIds', 'productFamilies', 'pipelineIds'] as const) {
    const list = filters[key];
    if (list === undefined) continue;
    // An empty list would match nothing, which is never what a rule author means.
    if (!Array.isArray(list) || list.length === 0) throw invalid(`${base}.${key}`, 'must be a non-empty list (omit it to match any)');
    list.forEach((v, j) => {
      if (typeof v !== 'string' || v.length === 0) throw invalid(`${base}.${key}[${j}]`, 'must be a non-empty string');
    });
  }
}

function validateRule(rule: CreditingRule, i: number, names: ReadonlySet<string>): void {
  const base = `rules[${i}]`;
  if (typeof rule.creditType !== 'string' || rule.creditType.length === 0) throw invalid(`${base}.creditType`, 'must be a non-empty string');
  validateFilters(rule.filters, `${base}.filters`);
  if (rule.basis !== undefined && rule.basis !== 'acv') throw invalid(`${base}.basis`, "must be 'acv' or absent (the amount)");
  const source = rule.source;
  switch (source?.type) {
    case 'owner':
      return;
    case 'territory':
      if (!Array.isArray(source.roles) || source.roles.length === 0) throw invalid(`${base}.source.roles`, 'must list at least one role');
      source.roles.forEach((r, j) => {
        if (typeof r !== 'string' || r.length === 0) throw invalid(`${base}.source.roles[${j}]`, 'must be a non-empty string');
      });
      if (source.share !== undefined && source.share !== 'equal') requireShare(source.share, `${base}.source.share`);
      return;
    case 'rollup':
      if (source.levels !== 'direct' && source.levels !== 'all') throw invalid(`${base}.source.levels`, "must be 'direct' or 'all'");
      // A roll-up passes on amounts other rules chose; a product filter of its own would have no clear meaning.
      if (rule.filters?.productIds !== undefined || rule.filters?.productFamilies !== undefined) {
        throw invalid(`${base}.filters`, 'a roll-up filters on kinds and pipelines only; put product filters on the rules it rolls up');
      }
      if (!Array.isArray(source.of) || source.of.length === 0) throw invalid(`${base}.source.of`, 'must name at least one rule');
      source.of.forEach((name, j) => {
        if (!names.has(name)) throw invalid(`${base}.source.of[${j}]`, `unknown rule "${name}"`);
      });
      return;
    default:
      throw invalid(`${base}.source.type`, "must be 'owner', 'territory' or 'rollup'");
  }
}

/**
 * Validates the rules and returns them in evaluation order: every roll-up after the rules it
 * rolls up (Kahn's algorithm; among rules ready at once, list order). A roll-up that depends
 * on itself, directly or through other roll-ups, is refused naming the rule and the cycle.
 */
export function orderRules(rules: readonly CreditingRule[]): CreditingRule[] {
  const names = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (typeof rule.name !== 'string' || rule.name.length === 0) throw invalid(`rules[${i}].name`, 'must be a non-empty string');
    const earlier = names.get(rule.name);
    if (earlier !== undefined) throw invalid(`rules[${i}].name`, `duplicate rule name "${rule.name}" (also rules[${earlier}])`);
    names.set(rule.name, i);
  });
  const nameSet = new Set(names.keys());
  rules.forEach((rule, i) => validateRule(rule, i, nameSet));

  const dependsOn = rules.map((rule) => (rule.source.type === 'rollup' ? [...new Set(rule.source.of)] : []));
  const done = new Set<string>();
  const ordered: CreditingRule[] = [];
  while (ordered.length < rules.length) {
    const before = ordered.length;
    rules.forEach((rule, i) => {
      if (done.has(rule.name)) return;
      if ((dependsOn[i] ?? []).every((name) => done.has(name))) {
        done.add(rule.name);
        ordered.push(rule);
      }
    });
    if (ordered.length === before) {
      const cycle = findCycle(rules, names, dependsOn, done);
      throw invalid(`rules[${names.get(cycle[0] as string) as number}].source.of`, `roll-up cycle: ${cycle.join(' -> ')}`);
    }
  }
  return ordered;
}

/**
 * The rule names of one cycle, closed (["a", "b", "a"]). Every unfinished rule has an
 * unfinished dependency (or the ordering loop would have taken it), so following unfinished
 * dependencies from any unfinished rule must come back to a rule already on the path.
 */
function findCycle(rules: readonly CreditingRule[], names: ReadonlyMap<string, number>, dependsOn: readonly string[][], done: ReadonlySet<string>): string[] {
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let i = rules.findIndex((rule) => !done.has(rule.name));
  for (;;) {
    const name = (rules[i] as CreditingRule).name;
    const at = seenAt.get(name);
    if (at !== undefined) return [...path.slice(at), name];
    seenAt.set(name, path.length);
    path.push(name);
    const next = (dependsOn[i] ?? []).find((dep) => !done.has(dep)) as string;
    i = names.get(next) as number;
  }
}
