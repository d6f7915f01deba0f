import { compareCredits } from '../measure.js';
import { escapeIdPart } from './credit-ids.js';
import { HierarchyIndex } from './hierarchy-index.js';
import { ownerCredits } from './owner-source.js';
import type { ProducedCredit } from './produced-credit.js';
import { compileFilters } from './rule-filter.js';
import { indexTerritoryMembers, territoryCredits } from './territory-source.js';
import { rollupCredits } from './rollup-source.js';
import type { CreditingInput, CreditingIssue, CreditingResult, CreditingTransaction, CreditWithExplanation } from './types.js';
import { validateReportingLines, validateTerritoryMembers, validateTransactions } from './validate-input.js';
import { orderRules } from './validate-rules.js';

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareIssues(a: CreditingIssue, b: CreditingIssue): number {
  return compareText(a.transactionId, b.transactionId) || compareText(a.rule ?? '', b.rule ?? '') || compareText(a.code, b.code);
}

/**
 * Transactions in the order their credits sort: by date, then by the escaped id followed by
 * ':'. Every credit id of a transaction starts with that prefix and no prefix is a prefix of
 * another (escaped ids hold no ':'), so credits of different transactions compare as their
 * prefixes do: sorting each transaction's few credits and concatenating gives exactly the
 * date-then-id order of compareCredits without sorting half a million credits at the end.
 * A fixed order also makes the first error or issue met independent of the input order.
 */
function inCreditOrder(transactions: readonly CreditingTransaction[]): CreditingTransaction[] {
  const keyed = transactions.map((tx) => ({ tx, key: `${escapeIdPart(tx.id)}:` }));
  keyed.sort((a, b) => compareText(a.tx.date, b.tx.date) || compareText(a.key, b.key));
  return keyed.map((k) => k.tx);
}

/** Sorts credits[from..] in place by compareCredits (one transaction's credits: all one date). */
function sortTail(credits: CreditWithExplanation[], from: number): void {
  if (credits.length - from < 2) return;
  const tail = credits.splice(from).sort(compareCredits);
  for (const c of tail) credits.push(c);
}

/**
 * Turns transactions into credits by the crediting rules. Pure and deterministic: the same
 * inputs in any order (transactions, rules, territory members, reporting lines) give the same
 * credits, sorted by date then id, with unique ids. Territory membership and reporting lines
 * are read on each transaction's date. Bad input is refused with a `validation_failed`
 * DomainError naming the field (`transactions[3].splits[1].share`); a transaction that no rule
 * credits, or a territory rule that finds nobody, is reported in `issues`, not refused.
 */
export function creditTransactions(input: CreditingInput): CreditingResult {
  validateTransactions(input.transactions);
  const members = input.territoryMembers ?? [];
  const lines = input.reportingLines ?? [];
  validateTerritoryMembers(members);
  validateReportingLines(lines);
  const rules = orderRules(input.rules).map((rule) => ({ rule, matches: compileFilters(rule.filters) }));
  const territories = indexTerritoryMembers(members);
  const hierarchy = new HierarchyIndex(lines);

  const credits: CreditWithExplanation[] = [];
  const issues: CreditingIssue[] = [];
  for (const tx of inCreditOrder(input.transactions)) {
    const first = credits.length;
    const madeByRule = new Map<string, readonly ProducedCredit[]>();
    let made = 0;
    for (const { rule, matches } of rules) {
      const match = matches(tx);
      if (match === null) continue;
      const source = rule.source;
      let produced: ProducedCredit[];
      if (source.type === 'owner') produced = ownerCredits(tx, rule, match);
      else if (source.type === 'territory') {
        const outcome = territoryCredits(tx, rule, source, match, territories);
        if (outcome.issue !== undefined) issues.push(outcome.issue);
        produced = outcome.credits;
      } else produced = rollupCredits(tx, rule, source, madeByRule, hierarchy);
      madeByRule.set(rule.name, produced);
      for (const p of produced) credits.push(p.credit);
      made += produced.length;
    }
    if (made === 0) issues.push({ code: 'uncredited', transactionId: tx.id, field: 'id', message: `no rule credited transaction "${tx.id}"` });
    sortTail(credits, first);
  }
  issues.sort(compareIssues);
  return { credits, issues };
}
