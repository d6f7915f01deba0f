import { formatDecimal, invalid, parseDecimal, pow10, type Decimal } from '@attain/core';
import type { OpportunitySplit, SplitKind } from '@attain/store';

/*
 * What a deal's split set must be for crediting to take it (docs/crediting.md): credit shares
 * total exactly 1 or there are none, payout shares likewise, never both kinds at once; overlay
 * shares any value in (0, 1]; every share above 0; a person once in the set (two lines would
 * credit her twice under one id); an overlay never names the owner when she holds the 100%.
 */

const KINDS: readonly SplitKind[] = ['credit', 'payout', 'overlay'];
const SHARE = /^\d{1,3}(\.\d{1,8})?$/;

function total(shares: readonly Decimal[]): Decimal {
  const scale = Math.max(0, ...shares.map((s) => s.scale));
  return { units: shares.reduce((sum, s) => sum + s.units * pow10(scale - s.scale), 0n), scale };
}

const isOne = (d: Decimal): boolean => d.units === pow10(d.scale);

/** The split set, checked and normalised (shares written without trailing zeros), sorted by kind then person. */
export function checkedSplits(splits: readonly { personId: string; kind: string; share: string }[], ownerId: string | null): OpportunitySplit[] {
  const seen = new Map<string, number>();
  const byKind: Record<SplitKind, Decimal[]> = { credit: [], payout: [], overlay: [] };
  const out = splits.map((s, i) => {
    const field = `splits.${i}`;
    if (!(KINDS as readonly string[]).includes(s.kind)) throw invalid(`${field}.kind`, "must be 'credit', 'payout' or 'overlay'");
    if (!SHARE.test(s.share.trim())) throw invalid(`${field}.share`, 'must be a decimal such as 0.25 (at most 8 decimals)');
    const share = parseDecimal(s.share.trim());
    if (share.units <= 0n || share.units > pow10(share.scale)) throw invalid(`${field}.share`, `must be above 0 and at most 1 (got ${s.share})`);
    const earlier = seen.get(s.personId);
    if (earlier !== undefined) throw invalid(`${field}.personId`, `is already in splits.${earlier}`);
    seen.set(s.personId, i);
    const kind = s.kind as SplitKind;
    byKind[kind].push(share);
    return { personId: s.personId, kind, share: formatDecimal(share) };
  });
  if (byKind.credit.length > 0 && byKind.payout.length > 0) throw invalid('splits', 'a deal has credit splits or payout splits, not both');
  for (const kind of ['credit', 'payout'] as const) {
    if (byKind[kind].length > 0 && !isOne(total(byKind[kind]))) throw invalid('splits', `${kind} shares must total exactly 1, they total ${formatDecimal(total(byKind[kind]))}`);
  }
  if (byKind.credit.length === 0 && byKind.payout.length === 0 && ownerId !== null) {
    const i = out.findIndex((s) => s.personId === ownerId);
    if (i >= 0) throw invalid(`splits.${i}.personId`, 'the owner already holds the whole deal; an overlay cannot name her');
  }
  return out.sort((a, b) => (a.kind === b.kind ? (a.personId < b.personId ? -1 : 1) : a.kind < b.kind ? -1 : 1));
}
