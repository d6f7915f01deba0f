import type { Component, FieldIssue } from '@attain/core';

/** Limits checked before work grows, so a hostile plan file is refused quickly. */
export const PLAN_FILE_LIMITS = {
  maxBytes: 1_000_000,
  maxComponents: 50,
  maxTiers: 100,
  maxExamples: 200,
  maxCreditsPerExample: 10_000,
  /** Alias expansions allowed while reading one file (a "billion laughs" file needs many). */
  maxAliases: 100,
} as const;

/** A problem in a plan file: the field path and where it is (1-based line and column). */
export interface PlanIssue extends FieldIssue {
  readonly line: number;
  readonly column: number;
}

/**
 * A component as the plan file declares it: core's Component plus an optional date window
 * (a SPIF counts only credits dated inside it, whatever the period).
 */
export interface PlanComponent extends Component {
  readonly window?: { readonly from: string; readonly to: string };
}

/** A reading of another measure a gate or qualifier names, minor units. */
export interface PlanMeasureReading {
  readonly valueMinor: bigint;
  readonly quotaMinor?: bigint;
}

export interface PlanExampleCredit {
  readonly id: string;
  readonly type: string;
  readonly amountMinor: bigint;
  readonly date: string;
}

/** A worked example written in the plan: inputs and the expected pay per component and in total. */
export interface PlanExample {
  readonly name: string;
  /** Quota of the money (sum) components, minor units. */
  readonly quotaMinor: bigint;
  /** Per-component quota overrides: minor units for sum measures, a count for count measures. */
  readonly quotas: Readonly<Record<string, bigint>>;
  readonly targetIncentiveMinor?: bigint;
  readonly period: { readonly from: string; readonly to: string };
  readonly yearStart?: string;
  readonly measures: Readonly<Record<string, PlanMeasureReading>>;
  readonly credits: readonly PlanExampleCredit[];
  /** Expected amounts in minor units by component id, and optionally 'total'. */
  readonly expect: Readonly<Record<string, bigint>>;
  readonly line: number;
}

export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly effective: { readonly from: string; readonly to?: string };
  readonly currency: string;
  readonly components: readonly PlanComponent[];
  readonly examples: readonly PlanExample[];
}
