import { multiplyMoney } from '../../decimal.js';
import { allocateLargestRemainder } from '../../money.js';
import { ruleCredit } from './make-credit.js';
import type { ProducedCredit } from './produced-credit.js';
import type { RuleMatch } from './rule-filter.js';
import type { CreditingIssue, CreditingRule, CreditingTerritoryMember, CreditingTransaction, TerritorySource } from './types.js';

/** Territory members grouped by territory, so a transaction reads only its own territory's list. */
export type TerritoryIndex = ReadonlyMap<string, readonly CreditingTerritoryMember[]>;

export function indexTerritoryMembers(members: readonly CreditingTerritoryMember[]): TerritoryIndex {
  const index = new Map<string, CreditingTerritoryMember[]>();
  for (const m of members) {
    const list = index.get(m.territoryId) ?? [];
    list.push(m);
    index.set(m.territoryId, list);
  }
  return index;
}

/** In force on `date`: both ends inclusive (a member who joins on the date is in; one who left the day before is out). */
const inForce = (m: CreditingTerritoryMember, date: string): boolean => m.from <= date && (m.to === undefined || date <= m.to);

/**
 * The people credited, sorted by id, each with the first of the rule's roles she holds on the
 * date: the list order of memberships must not decide who is credited or under which role.
 */
function creditedMembers(members: readonly CreditingTerritoryMember[], source: TerritorySource, date: string): { personId: string; role: string }[] {
  const rank = new Map(source.roles.map((role, i) => [role, i] as const));
  const best = new Map<string, number>();
  for (const m of members) {
    const r = rank.get(m.role);
    if (r === undefined || !inForce(m, date)) continue;
    const held = best.get(m.personId);
    if (held === undefined || r < held) best.set(m.personId, r);
  }
  return [...best.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, r]) => ({ personId, role: source.roles[r] as string }));
}

export interface TerritoryOutcome {
  readonly credits: ProducedCredit[];
  readonly issue?: CreditingIssue;
}

/**
 * Territory crediting: every member in force on the transaction date with a matching role gets
 * the basis, or basis x share (half-even, once), or with 'equal' an equal part by largest
 * remainder (the odd minor units go to the lowest person ids).
 */
export function territoryCredits(tx: CreditingTransaction, rule: CreditingRule, source: TerritorySource, match: RuleMatch, index: TerritoryIndex): TerritoryOutcome {
  if (tx.territoryId === undefined) {
    return { credits: [], issue: { code: 'no-territory', transactionId: tx.id, rule: rule.name, field: 'territoryId', message: `rule "${rule.name}" credits the territory, the transaction has none` } };
  }
  const people = creditedMembers(index.get(tx.territoryId) ?? [], source, tx.date);
  if (people.length === 0) {
    const message = `territory "${tx.territoryId}" has no member with role ${source.roles.map((r) => `"${r}"`).join(' or ')} on ${tx.date}`;
    return { credits: [], issue: { code: 'no-territory-member', transactionId: tx.id, rule: rule.name, field: 'territoryId', message } };
  }
  const share = source.share;
  const equalParts = share === 'equal' ? allocateLargestRemainder(match.basisMinor, people.map(() => 1n)) : null;
  const credits = people.map(({ personId, role }, i): ProducedCredit => {
    const amountMinor = share === 'equal' ? ((equalParts as bigint[])[i] as bigint) : share === undefined ? match.basisMinor : multiplyMoney(match.basisMinor, share, 'half-even');
    const territoryId = tx.territoryId as string;
    // 1/n is not an exact decimal in general, so an equal part records n instead of a share.
    const extras = share === undefined ? { territoryId, role } : share === 'equal' ? { equalShareOf: people.length, territoryId, role } : { share, territoryId, role };
    return { credit: ruleCredit(tx, rule, match, personId, amountMinor, extras), rollupMinor: amountMinor };
  });
  return { credits };
}
