import { compareCredits } from '../measure.js';
import { escapeIdPart } from './credit-ids.js';
import { HierarchyIndex } from './hierarchy-index.js';
import { ownerCredits } from './owner-source.js';
import type { ProducedCredit } from './produced-credit.js';
import { compileRule, type RuleMatcher } from './rule-filter.js';
import { indexTerritoryMembers, territoryCredits } from './territory-source.js';
import { rollupCredits } from './rollup-source.js';
import type { CreditingInput, CreditingIssue, CreditingResult, CreditingRule, CreditingTransaction, CreditWithExplanation } from './types.js';
import { validateReportingLines, validateTerritoryMembers, validateTransaction, validateTransactions } from './validate-input.js';
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

/** What credits transactions one at a time: the rules, territories and reporting lines compiled once. */
export interface TransactionCreditor {
  /**
   * The credits of one transaction, sorted by compareCredits. `index` names it in errors
   * (`transactions[3].splits[1].share`). Unique transaction ids are the caller's to keep (a
   * calc run reads them from a primary key); issues accumulate in `issues`, unless the creditor
   * was made without them.
   */
  credit(tx: CreditingTransaction, index: number): CreditWithExplanation[];
  readonly issues: CreditingIssue[];
}

/**
 * Compiles crediting for transactions that arrive one at a time (a calc run streams a quarter
 * of over a million rows instead of holding them). Refuses malformed territory members or
 * reporting lines at once, a malformed transaction when it is credited. `keepIssues` false:
 * nothing is kept of the issues (a run does not report them, and a quarter's uncredited rows,
 * services say, made a hundred thousand of them).
 */
export function transactionCreditor(input: Omit<CreditingInput, 'transactions'>, options: { keepIssues?: boolean } = {}): TransactionCreditor {
  return compileCreditor(input, true, options.keepIssues ?? true);
}

/** A rule compiled for crediting one transaction after another. */
interface CompiledRule {
  readonly rule: CreditingRule;
  readonly matches: RuleMatcher;
  /** Its place in dependency order. */
  readonly position: number;
  /** A roll-up's rules, as positions in the ordered list (each once, in the order it names them). */
  readonly of: readonly number[];
  /** Whether a roll-up reads what this rule made. */
  readonly feedsRollup: boolean;
}

/** What a rule made when it made nothing. */
const NOTHING: readonly ProducedCredit[] = [];

/**
 * The rules in dependency order (orderRules), each with its matcher, and the rules that may match
 * a kind: those filtering on it and those not filtering kinds, still in order. A run credits over
 * a million transactions a quarter against every rule, and most rules ask for one kind.
 */
function compileRules(input: readonly CreditingRule[]): { rulesFor: (kind: string) => readonly CompiledRule[]; rollups: boolean } {
  const ordered = orderRules(input);
  const position = new Map(ordered.map((rule, i) => [rule.name, i]));
  const of = ordered.map((rule) => (rule.source.type === 'rollup' ? [...new Set(rule.source.of)].map((name) => position.get(name) as number) : []));
  const feeding = new Set(of.flat());
  const rules: CompiledRule[] = ordered.map((rule, i) => ({ rule, matches: compileRule(rule), position: i, of: of[i] ?? [], feedsRollup: feeding.has(i) }));
  const byKind = new Map<string, readonly CompiledRule[]>();
  const rulesFor = (kind: string): readonly CompiledRule[] => {
    let list = byKind.get(kind);
    if (list === undefined) byKind.set(kind, (list = rules.filter(({ rule }) => rule.filters?.kinds === undefined || rule.filters.kinds.includes(kind))));
    return list;
  };
  return { rulesFor, rollups: feeding.size > 0 };
}

/** `validate` false: the transactions were validated as a list already (creditTransactions). */
function compileCreditor(input: Omit<CreditingInput, 'transactions'>, validate: boolean, keepIssues: boolean): TransactionCreditor {
  const members = input.territoryMembers ?? [];
  const lines = input.reportingLines ?? [];
  validateTerritoryMembers(members);
  validateReportingLines(lines);
  const { rulesFor, rollups } = compileRules(input.rules);
  const territories = indexTerritoryMembers(members);
  const hierarchy = new HierarchyIndex(lines);
  const seen = { dates: new Set<string>(), currencies: new Set<string>() };
  const issues: CreditingIssue[] = [];
  // What each rule made on the transaction being credited, by position, for the roll-ups after it:
  // one array for every transaction (credit runs start to end without a pause), not one each.
  const made: (readonly ProducedCredit[])[] = [];
  const credit = (tx: CreditingTransaction, index: number): CreditWithExplanation[] => {
    if (validate) validateTransaction(tx, index, seen);
    // Made with the first credit, at its size (an empty array grows to 17 places at its first push).
    let credits: CreditWithExplanation[] | undefined;
    if (rollups) made.fill(NOTHING);
    const rules = rulesFor(tx.kind);
    for (let i = 0; i < rules.length; i++) {
      const { rule, matches, position, of, feedsRollup } = rules[i] as CompiledRule;
      const match = matches(tx);
      if (match === null) continue;
      const source = rule.source;
      let produced: readonly ProducedCredit[];
      if (source.type === 'owner') produced = ownerCredits(tx, rule, match);
      else if (source.type === 'territory') {
        const outcome = territoryCredits(tx, rule, source, match, territories);
        if (outcome.issue !== undefined && keepIssues) issues.push(outcome.issue);
        produced = outcome.credits;
      } else produced = rollupCredits(tx, rule, source, made, of, hierarchy);
      if (feedsRollup) made[position] = produced;
      for (const p of produced) {
        if (credits === undefined) credits = [p.credit];
        else credits.push(p.credit);
      }
    }
    if (credits === undefined) {
      if (keepIssues) issues.push({ code: 'uncredited', transactionId: tx.id, field: 'id', message: `no rule credited transaction "${tx.id}"` });
      return [];
    }
    if (credits.length > 1) credits.sort(compareCredits);
    return credits;
  };
  return { credit, issues };
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
  const creditor = compileCreditor(input, false, true);
  const indexOf = new Map(input.transactions.map((tx, i) => [tx, i]));
  const credits: CreditWithExplanation[] = [];
  for (const tx of inCreditOrder(input.transactions)) for (const c of creditor.credit(tx, indexOf.get(tx) as number)) credits.push(c);
  return { credits, issues: [...creditor.issues].sort(compareIssues) };
}
