import { rollupCreditId } from './credit-ids.js';
import { makeCredit } from './make-credit.js';
import type { HierarchyIndex } from './hierarchy-index.js';
import type { ProducedCredit } from './produced-credit.js';
import type { CreditingRule, CreditingTransaction, RollupSource } from './types.js';

/**
 * Roll-up crediting: for each credit the rules in `of` made on this transaction (`made`, by the
 * rules' positions; `of` names each rule once, in its order), the managers
 * above the credited person on the transaction date each get the rolled-up amount ('direct':
 * the direct manager only; 'all': every manager above, the first direct, the others indirect).
 * A manager appears once in a chain (cycles are refused), so one credit never credits her twice.
 */
export function rollupCredits(
  tx: CreditingTransaction,
  rule: CreditingRule,
  source: RollupSource,
  made: readonly (readonly ProducedCredit[] | undefined)[],
  of: readonly number[],
  hierarchy: HierarchyIndex,
): readonly ProducedCredit[] {
  // Made with the first manager found: most credits of a run roll up to nobody, or to someone once.
  let out: ProducedCredit[] | undefined;
  for (const at of of) {
    for (const { credit: from, rollupMinor } of made[at] ?? []) {
      const chain = hierarchy.managersAbove(from.payeeId, tx.date);
      if (chain.length === 0) continue;
      const list = (out ??= []);
      const levels = source.levels === 'direct' ? 1 : chain.length;
      for (let i = 0; i < levels; i++) {
        const managerId = chain[i] as string;
        const core = { id: rollupCreditId(tx.id, rule.name, managerId, from.id), payeeId: managerId, creditType: rule.creditType, amountMinor: rollupMinor, date: tx.date, sourceId: tx.id, rule: rule.name, currency: tx.currency, basisMinor: from.basisMinor };
        const rollup = { fromCreditId: from.id, creditedVia: from.payeeId, level: i + 1, direct: i === 0 };
        const credit = makeCredit(core, from.lineItemProductIds === undefined ? { rollup } : { lineItemProductIds: from.lineItemProductIds, rollup });
        list.push({ credit, rollupMinor });
      }
    }
  }
  return out ?? [];
}
