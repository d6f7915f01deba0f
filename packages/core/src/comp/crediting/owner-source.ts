import { multiplyMoney } from '../../decimal.js';
import { splitCredit, splitPayout } from '../splits.js';
import { ruleCredit } from './make-credit.js';
import type { ProducedCredit } from './produced-credit.js';
import type { RuleMatch } from './rule-filter.js';
import type { CreditingRule, CreditingSplit, CreditingTransaction } from './types.js';

const NO_SPLITS: readonly CreditingSplit[] = [];

const asShares = (splits: readonly CreditingSplit[]) => splits.map((s) => ({ payeeId: s.personId, share: s.share }));

/**
 * Owner crediting: the owner gets the basis; credit splits replace her (parts by largest
 * remainder, summing exactly to the basis); payout splits replace her with members credited
 * the full basis, each carrying her payout share; overlay splits are credited on top
 * (basis x share, rounded half-even once). Input is validated (see validate-input.ts).
 */
export function ownerCredits(tx: CreditingTransaction, rule: CreditingRule, match: RuleMatch): ProducedCredit[] {
  const splits = tx.splits ?? NO_SPLITS;
  // Most deals are not split: the owner's credit without the lists below (this runs for every row of a run).
  if (splits.length === 0) return [{ credit: ruleCredit(tx, rule, match, tx.ownerId, match.basisMinor), rollupMinor: match.basisMinor }];
  const creditSplits = splits.filter((s) => s.kind === 'credit');
  const payoutSplits = splits.filter((s) => s.kind === 'payout');
  const out: ProducedCredit[] = [];

  if (creditSplits.length > 0) {
    const parts = splitCredit({ amountMinor: match.basisMinor, shares: asShares(creditSplits), ruleName: rule.name });
    creditSplits.forEach((s, i) => {
      const amountMinor = (parts[i] as { amountMinor: bigint }).amountMinor;
      out.push({ credit: ruleCredit(tx, rule, match, s.personId, amountMinor, { share: s.share, splitKind: 'credit' }), rollupMinor: amountMinor });
    });
  } else if (payoutSplits.length > 0) {
    const parts = splitPayout({ amountMinor: match.basisMinor, shares: asShares(payoutSplits), ruleName: rule.name });
    payoutSplits.forEach((s, i) => {
      const credit = ruleCredit(tx, rule, match, s.personId, match.basisMinor, { splitKind: 'payout', payoutShare: s.share });
      out.push({ credit, rollupMinor: (parts[i] as { amountMinor: bigint }).amountMinor });
    });
  } else {
    out.push({ credit: ruleCredit(tx, rule, match, tx.ownerId, match.basisMinor), rollupMinor: match.basisMinor });
  }

  for (const s of splits) {
    if (s.kind !== 'overlay') continue;
    const amountMinor = multiplyMoney(match.basisMinor, s.share, 'half-even');
    out.push({ credit: ruleCredit(tx, rule, match, s.personId, amountMinor, { share: s.share, splitKind: 'overlay' }), rollupMinor: amountMinor });
  }
  return out;
}
