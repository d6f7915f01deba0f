import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../calendar.js';
import { canonicalJson } from '../../canonical-json.js';
import type { Decimal } from '../../decimal.js';
import { managersAbove, type ReportingLine } from '../../hierarchy.js';
import { allocateLargestRemainder } from '../../money.js';
import { compareCredits } from '../measure.js';
import { creditTransactions, transactionCreditor } from './credit-transactions.js';
import { HierarchyIndex } from './hierarchy-index.js';
import type { CreditingInput, CreditingLineItem, CreditingRule, CreditingSplit, CreditingTerritoryMember, CreditingTransaction } from './types.js';

const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const YEAR_START = '2026-01-01';

const RULES: CreditingRule[] = [
  { name: 'bookings', creditType: 'booking', filters: { kinds: ['new-business', 'expansion'] }, source: { type: 'owner' } },
  { name: 'renewals', creditType: 'renewal', filters: { kinds: ['renewal'] }, source: { type: 'owner' } },
  { name: 'x-products', creditType: 'x-booking', filters: { productIds: ['x'], productFamilies: ['f2'] }, source: { type: 'owner' } },
  { name: 'territory', creditType: 'territory-booking', source: { type: 'territory', roles: ['rep', 'se'] } },
  { name: 'territory-share', creditType: 'territory-booking', source: { type: 'territory', roles: ['se'], share: { units: 333n, scale: 3 } } },
  { name: 'overlay-pool', creditType: 'overlay-booking', filters: { pipelineIds: ['direct'] }, source: { type: 'territory', roles: ['overlay'], share: 'equal' } },
  { name: 'mgr-direct', creditType: 'team-booking', source: { type: 'rollup', of: ['bookings', 'renewals'], levels: 'direct' } },
  { name: 'mgr-all', creditType: 'org-booking', filters: { kinds: ['new-business'] }, source: { type: 'rollup', of: ['bookings', 'territory'], levels: 'all' } },
  { name: 'vp', creditType: 'vp-booking', source: { type: 'rollup', of: ['mgr-direct'], levels: 'direct' } },
];
const RULE_NAMES = new Set(RULES.map((r) => r.name));

/** Shares of scale 4 that total exactly 1, from positive weights. */
const sharesFrom = (weights: readonly number[]): Decimal[] =>
  allocateLargestRemainder(10_000n, weights.map((w) => BigInt(w))).map((units) => ({ units, scale: 4 }));

const dateArb = fc.integer({ min: 0, max: 364 }).map((n) => addDays(YEAR_START, n));

/** Acyclic by construction (a manager always has a higher index), at most one change of manager per person. */
const linesArb: fc.Arbitrary<ReportingLine[]> = fc
  .array(fc.option(fc.record({ first: fc.nat(), second: fc.option(fc.nat()), change: fc.integer({ min: 1, max: 364 }) })), { minLength: PEOPLE.length - 1, maxLength: PEOPLE.length - 1 })
  .map((specs) =>
    specs.flatMap((spec, i) => {
      if (spec === null) return [];
      const above = PEOPLE.length - 1 - i;
      const manager = (n: number) => PEOPLE[i + 1 + (n % above)] as string;
      const personId = PEOPLE[i] as string;
      if (spec.second === null) return [{ personId, managerId: manager(spec.first), validFrom: YEAR_START, validTo: null }];
      const change = addDays(YEAR_START, spec.change);
      return [
        { personId, managerId: manager(spec.first), validFrom: YEAR_START, validTo: change },
        { personId, managerId: manager(spec.second), validFrom: change, validTo: null },
      ];
    }),
  );

const membersArb: fc.Arbitrary<CreditingTerritoryMember[]> = fc.array(
  fc.record({
    territoryId: fc.constantFrom('t0', 't1', 't2'),
    personId: fc.constantFrom(...PEOPLE, 'o1', 'o2'),
    role: fc.constantFrom('rep', 'se', 'overlay'),
    from: dateArb,
    days: fc.option(fc.integer({ min: 0, max: 200 })),
  }).map(({ days, ...m }) => (days === null ? m : { ...m, to: addDays(m.from, days) })),
  { maxLength: 25 },
);

const lineItemsArb: fc.Arbitrary<CreditingLineItem[]> = fc.array(
  fc.record({ productId: fc.constantFrom('x', 'y', 'z'), productFamily: fc.constantFrom('f1', 'f2'), amountMinor: fc.bigInt({ min: -1_000_000n, max: 10_000_000n }) }),
  { minLength: 1, maxLength: 4 },
);

const splitsArb = (ownerId: string): fc.Arbitrary<CreditingSplit[]> =>
  fc.record({
    kind: fc.constantFrom('none', 'credit', 'payout'),
    people: fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 3 }),
    weights: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 3, maxLength: 3 }),
    overlay: fc.option(fc.record({ personId: fc.constantFrom('o1', 'o2'), share: fc.integer({ min: 0, max: 20_000 }) })),
  }).map(({ kind, people, weights, overlay }) => {
    const standard: CreditingSplit[] = kind === 'none' ? [] : sharesFrom(weights.slice(0, people.length)).map((share, i) => ({ personId: people[i] as string, share, kind: kind as 'credit' | 'payout' }));
    const extra: CreditingSplit[] = overlay === null || overlay.personId === ownerId ? [] : [{ personId: overlay.personId, share: { units: BigInt(overlay.share), scale: 4 }, kind: 'overlay' }];
    return [...standard, ...extra];
  });

const transactionArb = (i: number): fc.Arbitrary<CreditingTransaction> =>
  fc.record({
    date: dateArb,
    amountMinor: fc.bigInt({ min: -50_000_000n, max: 50_000_000n }),
    kind: fc.constantFrom('new-business', 'renewal', 'expansion', 'services'),
    ownerId: fc.constantFrom(...PEOPLE),
    territoryId: fc.option(fc.constantFrom('t0', 't1', 't2', 't9')),
    productId: fc.option(fc.constantFrom('x', 'y')),
    pipelineId: fc.option(fc.constantFrom('direct', 'partner')),
    lineItems: fc.option(lineItemsArb),
  }).chain((t) =>
    splitsArb(t.ownerId).map((splits): CreditingTransaction => {
      const base = { id: `${["T", "T:", "T%3A", "a"][i % 4] as string}${i}`, date: t.date, amountMinor: t.amountMinor, currency: 'EUR', kind: t.kind, ownerId: t.ownerId };
      return {
        ...base,
        ...(t.territoryId === null ? {} : { territoryId: t.territoryId }),
        ...(t.productId === null ? {} : { productId: t.productId }),
        ...(t.pipelineId === null ? {} : { pipelineId: t.pipelineId }),
        ...(t.lineItems === null ? {} : { lineItems: t.lineItems, amountMinor: t.lineItems.reduce((s, l) => s + l.amountMinor, 0n) }),
        ...(splits.length === 0 ? {} : { splits }),
      };
    }),
  );

const worldArb: fc.Arbitrary<CreditingInput> = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => transactionArb(i))))
  .chain((transactions) => fc.record({ territoryMembers: membersArb, reportingLines: linesArb }).map((rest) => ({ transactions, rules: RULES, ...rest })));

/** Fisher-Yates driven by generated integers, so fast-check can shrink the order. */
function shuffle<T>(items: readonly T[], keys: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (keys[i % Math.max(keys.length, 1)] ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const keysArb = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });

describe('crediting: properties', () => {
  it('gives byte-identical output whatever the order of transactions, rules, territory members and reporting lines', () => {
    fc.assert(
      fc.property(worldArb, keysArb, (world, keys) => {
        const shuffled: CreditingInput = {
          transactions: shuffle(world.transactions, keys),
          rules: shuffle(world.rules, [...keys].reverse()),
          territoryMembers: shuffle(world.territoryMembers ?? [], keys.map((k) => k + 1)),
          reportingLines: shuffle(world.reportingLines ?? [], keys.map((k) => k + 2)),
        };
        expect(canonicalJson(creditTransactions(shuffled))).toBe(canonicalJson(creditTransactions(world)));
      }),
      { numRuns: 150 },
    );
  });

  it('credits transactions one at a time, in any order, as the whole list credits them (a calc run streams them)', () => {
    fc.assert(
      fc.property(worldArb, keysArb, (world, keys) => {
        const creditor = transactionCreditor(world);
        const streamed = shuffle(world.transactions, keys).flatMap((tx, i) => creditor.credit(tx, i));
        const whole = creditTransactions(world);
        expect(canonicalJson([...streamed].sort(compareCredits))).toBe(canonicalJson(whole.credits));
        expect(creditor.issues.map((i) => canonicalJson(i)).sort()).toEqual(whole.issues.map((i) => canonicalJson(i)).sort());
      }),
      { numRuns: 150 },
    );
  });

  it('every credit has a rule name, a unique id, its transaction, and comes in date-then-id order', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { credits } = creditTransactions(world);
        const txIds = new Set(world.transactions.map((t) => t.id));
        expect(credits.every((c) => RULE_NAMES.has(c.rule) && txIds.has(c.sourceId))).toBe(true);
        expect(new Set(credits.map((c) => c.id)).size).toBe(credits.length);
        for (let i = 1; i < credits.length; i++) {
          const [a, b] = [credits[i - 1], credits[i]];
          expect(a!.date < b!.date || (a!.date === b!.date && a!.id < b!.id)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a roll-up never credits the same manager twice for one credit, nor the credited person herself', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const seen = new Set<string>();
        for (const c of creditTransactions(world).credits) {
          if (c.rollup === undefined) continue;
          const key = `${c.rule}|${c.rollup.fromCreditId}|${c.payeeId}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          expect(c.payeeId).not.toBe(c.rollup.creditedVia);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('owner credits: credit-split parts (or the owner) sum exactly to the basis; payout members each get the basis', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { credits } = creditTransactions(world);
        const owned = credits.filter((c) => c.rule === 'bookings' || c.rule === 'renewals' || c.rule === 'x-products');
        const groups = new Map<string, typeof owned>();
        for (const c of owned) groups.set(`${c.sourceId}|${c.rule}`, [...(groups.get(`${c.sourceId}|${c.rule}`) ?? []), c]);
        for (const group of groups.values()) {
          const basis = group[0]!.basisMinor;
          const standard = group.filter((c) => c.splitKind !== 'overlay');
          if (standard.some((c) => c.splitKind === 'payout')) expect(standard.every((c) => c.amountMinor === basis)).toBe(true);
          else expect(standard.reduce((s, c) => s + c.amountMinor, 0n)).toBe(basis);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a cancellation credits exactly the negative amounts to the same credits', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const negated: CreditingInput = {
          ...world,
          transactions: world.transactions.map((t) => ({
            ...t,
            amountMinor: -t.amountMinor,
            ...(t.lineItems === undefined ? {} : { lineItems: t.lineItems.map((l) => ({ ...l, amountMinor: -l.amountMinor })) }),
          })),
        };
        const before = creditTransactions(world).credits;
        const after = creditTransactions(negated).credits;
        expect(after.map((c) => [c.id, -c.amountMinor])).toEqual(before.map((c) => [c.id, c.amountMinor]));
      }),
      { numRuns: 100 },
    );
  });

  it('credit split parts sum exactly to any amount, for any shares that total 1', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 9 }),
        (amountMinor, people, weights, scale) => {
          const w = weights.slice(0, people.length);
          if (!w.some((x) => x > 0)) w[0] = 1;
          const one = 10n ** BigInt(scale);
          const shares = allocateLargestRemainder(one, w.map((x) => BigInt(x)));
          const splits = people.map((personId, i): CreditingSplit => ({ personId, share: { units: shares[i] as bigint, scale }, kind: 'credit' }));
          const tx: CreditingTransaction = { id: 'T', date: YEAR_START, amountMinor, currency: 'USD', kind: 'new-business', ownerId: 'p0', splits };
          const { credits } = creditTransactions({ transactions: [tx], rules: [RULES[0] as CreditingRule] });
          expect(credits.reduce((s, c) => s + c.amountMinor, 0n)).toBe(amountMinor);
          expect(credits.map((c) => c.payeeId).sort()).toEqual([...people].sort());
        },
      ),
    );
  });

  it('the indexed hierarchy gives core managersAbove on every valid hierarchy and date, asked in any order of dates', () => {
    fc.assert(
      fc.property(linesArb, keysArb, fc.array(dateArb, { minLength: 1, maxLength: 12 }), (lines, keys, dates) => {
        const index = new HierarchyIndex(shuffle(lines, keys));
        for (const date of dates) for (const person of PEOPLE) expect(index.managersAbove(person, date)).toEqual(managersAbove(lines, person, date));
      }),
    );
  });
});
