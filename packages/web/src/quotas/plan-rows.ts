import type { QuotaPlanDetail } from '@attain/contract';
import { percentToFraction } from './AllocationForm.js';

/*
 * The quota grid's pure parts: percent lists as typed ("20, 20, 20, 40") as exact decimal weights, and the geometry of
 * the cascade chart (children's sum against each parent's quota).
 */

export type PlanLine = QuotaPlanDetail['lines'][number];
export type CascadeNode = QuotaPlanDetail['cascade'][number];

/**
 * A list of percents ("20, 20, 20, 40" or "0/25/50/75") as exact decimal fractions, or null when
 * one is not a percent from 0 to 100 or the count is not one of `counts`.
 */
export function percentList(text: string, counts: readonly number[]): string[] | null {
  const parts = text.split(/[\s,/]+/).filter((p) => p !== '');
  if (!counts.includes(parts.length)) return null;
  const out = parts.map((p) => percentToFraction(p, 0, 100));
  return out.every((x): x is string => x !== null) ? out : null;
}

export const CASCADE_CHART = { width: 720, labelWidth: 170, rowHeight: 28, barHeight: 12, top: 8 } as const;

export interface CascadeBar {
  readonly key: string;
  readonly name: string;
  readonly y: number;
  /** Lengths of the parent's quota and of her children's sum. */
  readonly quota: number;
  readonly children: number;
  readonly overBound: boolean;
  readonly short: boolean;
  readonly padding: number | null;
}

/** The company and every manager with children: her quota (outline) against her children's sum (filled), on one scale. */
export function cascadeBars(nodes: readonly CascadeNode[]): { bars: CascadeBar[]; height: number } {
  const { width, labelWidth, rowHeight, top } = CASCADE_CHART;
  const shown = nodes.filter((n) => n.children > 0);
  const scaleTo = width - labelWidth - 120;
  const max = shown.reduce((m, n) => Math.max(m, Number(n.quotaMinor), Number(n.childrenMinor)), 0);
  const length = (minor: string) => (max === 0 ? 0 : (Number(minor) / max) * scaleTo);
  return {
    bars: shown.map((n, k) => ({
      key: n.key ?? 'company', name: n.name, y: top + k * rowHeight, quota: length(n.quotaMinor), children: length(n.childrenMinor),
      overBound: n.overBound, short: n.short, padding: n.padding,
    })),
    height: top + shown.length * rowHeight + 4,
  };
}
