import { DomainError, type Actor } from '@attain/core';
import { calcRunRepo } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import type { CalcInputs } from './calc-inputs.js';
import { outputsHash } from './calculate-payees.js';
import { computeRun } from './compute-run.js';

/** What `attain calc verify` reports: the stored and recomputed hashes, and the payees whose results differ. */
export interface CalcRunVerification {
  readonly runId: string;
  readonly periodKey: string;
  readonly ok: boolean;
  readonly inputsHash: { readonly stored: string | null; readonly recomputed: string };
  readonly outputsHash: { readonly stored: string | null; readonly recomputed: string };
  readonly payees: number;
  /** Payees whose stored result is missing, extra, or not byte-identical to the recomputed one. */
  readonly mismatches: readonly string[];
}

/**
 * Recomputes a published run from its frozen inputs (the same plan versions, assignments,
 * reporting lines and transactions up to its number) and compares every hash with what was
 * stored: proof that the results follow from the inputs and that nothing was edited since.
 */
export async function verifyCalcRun(ctx: AppContext, actor: Actor, runId: string): Promise<CalcRunVerification> {
  requireAbility(actor, 'calc_run:read');
  const db = ctx.database.db;
  const run = await calcRunRepo.find(db, actor.orgId, runId);
  if (!run) throw new DomainError('not_found', 'calc run not found');
  if (run.status !== 'published') throw new DomainError('conflict', `run ${run.id} is ${run.status}: only a published run can be verified`);
  const computed = await computeRun(db, actor.orgId, JSON.parse(run.inputs) as CalcInputs, { databaseUrl: ctx.database.url });
  const stored = new Map((await calcRunRepo.resultsOfRun(db, actor.orgId, run.id)).map((r) => [r.personId, r.hash]));
  // A run publishes every payee it computed except those a newer run had already recalculated (see publishCalcRun);
  // the stored count says how many it kept, so a deleted result still shows.
  const results = computed.results.filter((r) => stored.has(r.personId));
  const mismatches = results.filter((r) => stored.get(r.personId) !== r.hash).map((r) => r.personId);
  const recomputed = new Set(results.map((r) => r.personId));
  for (const id of stored.keys()) if (!recomputed.has(id)) mismatches.push(id);
  if (run.payeeCount !== stored.size) mismatches.push(`(${run.payeeCount ?? 0} results published, ${stored.size} stored)`);
  const inputsHash = computed.inputsHash;
  const recomputedOutputs = outputsHash(results);
  return {
    runId: run.id, periodKey: run.periodKey, payees: results.length, mismatches: mismatches.sort(),
    inputsHash: { stored: run.inputsHash, recomputed: inputsHash }, outputsHash: { stored: run.outputsHash, recomputed: recomputedOutputs },
    ok: mismatches.length === 0 && inputsHash === run.inputsHash && recomputedOutputs === run.outputsHash,
  };
}
