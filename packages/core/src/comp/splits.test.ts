import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiplyMoney, parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { splitAmount, splitCredit, splitPayout, type SplitShare } from './splits.js';

const d = parseDecimal;
const rate10 = d('0.10');
const sixtyForty: SplitShare[] = [
  { payeeId: 'ae', share: d('0.6') },
  { payeeId: 'se', share: d('0.4') },
];

describe('splits: golden example 5 (prowi.io split commission)', () => {
  it('100,000 at 10% split 60/40 pays 6,000 / 4,000, as a credit split and as a payout split', () => {
    const credits = splitCredit({ amountMinor: 100_000_00n, shares: sixtyForty, ruleName: 'deal team' });
    expect(credits.map((c) => c.amountMinor)).toEqual([60_000_00n, 40_000_00n]);
    // Credit split: each payee then earns on her own credit.
    expect(credits.map((c) => multiplyMoney(c.amountMinor, rate10))).toEqual([6_000_00n, 4_000_00n]);

    const payouts = splitPayout({ amountMinor: multiplyMoney(100_000_00n, rate10), shares: sixtyForty, ruleName: 'deal team' });
    expect(payouts.map((p) => p.amountMinor)).toEqual([6_000_00n, 4_000_00n]);
    expect(payouts[0]?.explanation).toEqual({
      ruleName: 'deal team',
      kind: 'payout',
      share: '0.6',
      overlay: false,
      wholeMinor: 10_000_00n,
      allocation: 'largest-remainder',
      roundingMode: null,
      roundingAdjustmentMinor: 0n,
    });
  });

  it('a stage hand-off of an 80,000 deal at 10% split 60/40 pays 4,800 / 3,200', () => {
    const payouts = splitPayout({ amountMinor: multiplyMoney(80_000_00n, rate10), shares: sixtyForty, ruleName: 'stage hand-off' });
    expect(payouts.map((p) => p.amountMinor)).toEqual([4_800_00n, 3_200_00n]);
  });
});

describe('splits: rules', () => {
  it('gives the odd minor unit by largest remainder, ties by payee id, not by position', () => {
    const thirds = (ids: string[]) => ids.map((payeeId, i) => ({ payeeId, share: d(i === 0 ? '0.333334' : '0.333333') }));
    const a = splitPayout({ amountMinor: 100n, shares: thirds(['a', 'b', 'c']), ruleName: 'r' });
    expect(a.map((p) => p.amountMinor)).toEqual([34n, 33n, 33n]);
    const even = (ids: string[]) => ids.map((payeeId) => ({ payeeId, share: d('0.5') }));
    const ab = splitPayout({ amountMinor: 1n, shares: even(['a', 'b']), ruleName: 'r' });
    const ba = splitPayout({ amountMinor: 1n, shares: even(['b', 'a']), ruleName: 'r' });
    expect(ab.map((p) => [p.payeeId, p.amountMinor])).toEqual([['a', 1n], ['b', 0n]]);
    expect(ba.map((p) => [p.payeeId, p.amountMinor])).toEqual([['b', 0n], ['a', 1n]]);
    expect(ab[0]?.explanation.roundingAdjustmentMinor).toBe(1n);
  });

  it('lets overlay credit take the total above 100% while the standard parts still sum to the whole', () => {
    const parts = splitCredit({
      amountMinor: 50_000_00n,
      ruleName: 'overlay specialist',
      shares: [...sixtyForty, { payeeId: 'specialist', share: d('1'), overlay: true }],
    });
    expect(parts.map((p) => p.amountMinor)).toEqual([30_000_00n, 20_000_00n, 50_000_00n]);
    expect(parts[2]?.explanation).toMatchObject({ overlay: true, allocation: 'overlay-rounded', roundingMode: 'half-even' });
  });

  it('refuses standard shares that do not total exactly 100%, naming the field', () => {
    const call = () => splitPayout({ amountMinor: 100n, ruleName: 'r', shares: [{ payeeId: 'a', share: d('0.6') }, { payeeId: 'b', share: d('0.3') }] });
    expect(call).toThrow(DomainError);
    expect(call).toThrow(/shares: standard shares must total exactly 1 \(100%\), they total 0.9/);
    try {
      call();
    } catch (e) {
      expect((e as DomainError).issues[0]?.field).toBe('shares');
    }
  });

  it('refuses empty, negative, duplicate and overlay-only splits', () => {
    const run = (shares: SplitShare[]) => () => splitPayout({ amountMinor: 100n, ruleName: 'r', shares });
    expect(run([])).toThrow(/shares: /);
    expect(run([{ payeeId: 'a', share: d('1.5') }, { payeeId: 'b', share: d('-0.5') }])).toThrow(/shares\[1\]\.share/);
    expect(run([{ payeeId: 'a', share: d('0.5') }, { payeeId: 'a', share: d('0.5') }])).toThrow(/shares\[1\]\.payeeId/);
    expect(run([{ payeeId: 'a', share: d('1'), overlay: true }])).toThrow(/non-overlay/);
  });

  it('does not mutate its input and is deterministic', () => {
    const shares = sixtyForty.map((s) => ({ ...s }));
    const copy = structuredClone(shares);
    const first = splitCredit({ amountMinor: 12_345n, shares, ruleName: 'r' });
    expect(shares).toEqual(copy);
    expect(splitCredit({ amountMinor: 12_345n, shares, ruleName: 'r' })).toEqual(first);
  });
});

/** Random shares (scale 4) that total exactly 1, with distinct payee ids. */
const exactShares = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 })
  .map((raw) => {
    const sum = raw.reduce((a, b) => a + b, 0) || 1;
    const units = raw.map((r) => Math.floor((r * 10_000) / sum));
    units[0] = (units[0] ?? 0) + 10_000 - units.reduce((a, b) => a + b, 0);
    return units.map((u, i): SplitShare => ({ payeeId: `p${i}`, share: { units: BigInt(u), scale: 4 } }));
  });

describe('splits: properties', () => {
  it('standard parts sum exactly to the whole for any amount and shares', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), exactShares, (amountMinor, shares) => {
        const parts = splitAmount({ kind: 'payout', amountMinor, shares, ruleName: 'r' });
        expect(parts.reduce((sum, p) => sum + p.amountMinor, 0n)).toBe(amountMinor);
      }),
    );
  });

  it('the order of payees does not change any payee part', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        exactShares.chain((shares) => fc.tuple(fc.constant(shares), fc.shuffledSubarray(shares, { minLength: shares.length, maxLength: shares.length }))),
        (amountMinor, [shares, shuffled]) => {
          const byPayee = (list: SplitShare[]) =>
            Object.fromEntries(splitAmount({ kind: 'credit', amountMinor, shares: list, ruleName: 'r' }).map((p) => [p.payeeId, p.amountMinor]));
          expect(byPayee(shuffled)).toEqual(byPayee(shares));
        },
      ),
    );
  });
});
