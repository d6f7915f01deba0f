import { z } from 'zod';
import { Instant, MinorUnits } from './primitives.schema.js';

/**
 * The coverage model as JSON (checked by core readCoverageModel, which names each bad field):
 * segments with a rule over account fields (the last without one) and the hours each role gives
 * an account, and roles with the hours a rep has and an optional headcount.
 */
export const CoverageModelJson = z.object({
  segments: z.array(z.object({
    key: z.string(), name: z.string(), rule: z.unknown(),
    coverage: z.array(z.object({ role: z.string(), hoursPerAccount: z.string() })),
  })),
  roles: z.array(z.object({ key: z.string(), name: z.string(), hoursPerRep: z.string(), headcount: z.number().int().nullable().optional() })),
});
export type CoverageModelJson = z.infer<typeof CoverageModelJson>;

/** GET /coverage/model: the model in force, or a starting point when none was saved (version null). */
export const CoverageModelDetail = z.object({
  version: z.number().int().nullable(),
  model: CoverageModelJson,
  createdBy: z.string().nullable(),
  createdAt: Instant.nullable(),
});
export type CoverageModelDetail = z.infer<typeof CoverageModelDetail>;

/** PUT /coverage/model: a new version; `baseVersion` is the version it was edited from (409 if another was saved since). */
export const CoverageModelSaveBody = z.object({ model: z.unknown(), baseVersion: z.number().int().nullable() });
export type CoverageModelSaveBody = z.infer<typeof CoverageModelSaveBody>;

/** POST /coverage/analysis: the analysis of a draft model, or of the saved one when `model` is absent. */
export const CoverageAnalysisBody = z.object({ model: z.unknown().optional() });
export type CoverageAnalysisBody = z.infer<typeof CoverageAnalysisBody>;

const Hours = z.string().describe('hours, a decimal with at most two decimals');

export const CoverageAnalysisWire = z.object({
  currency: z.string(),
  accounts: z.number().int(),
  potentialMinor: MinorUnits,
  /** Accounts whose stored segment differs from the one the model gives them (what applying changes). */
  changes: z.number().int(),
  segments: z.array(z.object({
    key: z.string(), name: z.string(), accounts: z.number().int(), potentialMinor: MinorUnits,
    workload: z.array(z.object({ role: z.string(), hours: Hours })),
  })),
  roles: z.array(z.object({
    key: z.string(), name: z.string(), workloadHours: Hours, hoursPerRep: Hours,
    /** Reps for full coverage: workload over one rep's hours, rounded up. */
    repsNeeded: z.string(),
    headcount: z.number().int().nullable(),
    covered: z.object({ accounts: z.number().int(), potentialMinor: MinorUnits, hours: Hours }).nullable(),
    uncovered: z.object({
      accounts: z.number().int(), potentialMinor: MinorUnits,
      /** The largest accounts left uncovered (up to 10), by potential. */
      largest: z.array(z.object({ id: z.string(), name: z.string(), potentialMinor: MinorUnits })),
    }).nullable(),
  })),
});
export type CoverageAnalysisWire = z.infer<typeof CoverageAnalysisWire>;

/** POST /coverage/apply: every account's segment set from the saved model. */
export const CoverageApplyResult = z.object({ version: z.number().int(), changed: z.number().int(), bySegment: z.record(z.string(), z.number().int()) });
export type CoverageApplyResult = z.infer<typeof CoverageApplyResult>;
