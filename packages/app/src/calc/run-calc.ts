import { hostname } from 'node:os';
import { canonicalJson, DomainError, invalid, parseFiscalPeriod, type Actor, type FiscalPeriod } from '@attain/core';
import { calcRunRepo, compPeriodRepo, type CalcRun, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import { orgCurrency } from '../assignments/assignment-rules.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { freezeCalcInputs, type CalcInputs } from './calc-inputs.js';
import { computeRun, partitionCount } from './compute-run.js';
import { publishCalcRun } from './publish-calc-run.js';

/** This process, as a run's worker: a run whose worker is gone was interrupted. */
export const THIS_WORKER = `${hostname()}:${process.pid}`;
/** How often a run's progress (and heartbeat) is written while it computes. */
const PROGRESS_EVERY_MS = 500;
/** A run not heard from for this long is taken as interrupted, whatever its worker. */
const STALE_AFTER_MS = 10 * 60 * 1000;

/** "2026-Q3", "FY2026-Q3", "2026-M07" by the organisation's fiscal year. Pay periods are quarters or months. */
export function parseRunPeriod(text: string, fiscalYearStartMonth: number): FiscalPeriod {
  let period: FiscalPeriod;
  try {
    period = parseFiscalPeriod(text, fiscalYearStartMonth);
  } catch (error) {
    throw invalid('period', (error as Error).message);
  }
  if (period.kind === 'year') throw invalid('period', `a pay period is a quarter or a month (e.g. ${period.key}-Q1 or ${period.key}-M01)`);
  return period;
}

function workerAlive(worker: string): boolean {
  const [host, pid] = worker.split(':');
  if (host !== hostname()) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

/** Marks the organisation's runs whose process died (or fell silent) as interrupted; they never published anything. */
async function markInterrupted(ctx: AppContext, tx: Tx, orgId: string): Promise<void> {
  const now = ctx.now();
  for (const run of await calcRunRepo.list(tx, orgId, { status: 'running' })) {
    const silent = Date.parse(now) - Date.parse(run.heartbeatAt) > STALE_AFTER_MS;
    if (silent || (run.worker !== THIS_WORKER && !workerAlive(run.worker))) {
      await calcRunRepo.finish(tx, orgId, run.id, { status: 'interrupted', at: now, error: 'the process computing it stopped before it published; nothing of it was kept' });
    }
  }
}

/**
 * Starts a calc run of a pay period: freezes its inputs under the organisation's write lock and
 * records the run as running. Refused while another run of the period is computing. A run of a
 * closed period is a correction: its differences post to the next open period, and the closed
 * period keeps the statements it was closed with.
 */
export async function startCalcRun(
  ctx: AppContext, actor: Actor, input: { period: string; personIds?: readonly string[]; kind?: CalcRun['kind']; trigger?: string },
): Promise<CalcRun> {
  return (await startRun(ctx, actor, input, false)) as CalcRun;
}

/** Starts an incremental run of some payees, or returns null (recording nothing) when none of them is on a plan in the period. */
export function startIncrementalRun(ctx: AppContext, actor: Actor, input: { period: string; personIds: readonly string[]; trigger: string }): Promise<CalcRun | null> {
  return startRun(ctx, actor, { ...input, kind: 'incremental' }, true);
}

async function startRun(
  ctx: AppContext, actor: Actor, input: { period: string; personIds?: readonly string[]; kind?: CalcRun['kind']; trigger?: string }, skipEmpty: boolean,
): Promise<CalcRun | null> {
  requireAbility(actor, 'calc_run:run');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const org = await orgCurrency(tx, actor.orgId);
    const fiscal = parseRunPeriod(input.period, org.fiscalYearStartMonth);
    await compPeriodRepo.ensure(tx, { orgId: actor.orgId, key: fiscal.key, startDate: fiscal.start, endDate: fiscal.end, updatedAt: ctx.now() });
    await markInterrupted(ctx, tx, actor.orgId);
    const busy = (await calcRunRepo.list(tx, actor.orgId, { periodKey: fiscal.key, status: 'running' })).find((r) => r.kind === 'full');
    if (busy && (input.kind ?? 'full') === 'full') throw new DomainError('conflict', `run ${busy.id} of ${fiscal.key} is still computing`, [{ field: 'period', message: 'busy' }]);
    const { inputs } = await freezeCalcInputs(tx, {
      orgId: actor.orgId, periodKey: fiscal.key, period: { from: fiscal.start, to: fiscal.end }, payPeriod: fiscal.kind === 'month' ? 'month' : 'quarter', currency: org.currency,
      fiscalYearStartMonth: org.fiscalYearStartMonth, personIds: input.personIds ?? null, partitions: (payees) => partitionCount(ctx.database.url, input.personIds ?? null, payees),
    });
    if (skipEmpty && inputs.assignments.length === 0) return null;
    const now = ctx.now();
    const run: CalcRun = {
      orgId: actor.orgId, id: ctx.newId('run'), periodKey: fiscal.key, kind: input.kind ?? 'full', status: 'running', trigger: input.trigger ?? 'manual',
      preparedBy: actor.userId, worker: THIS_WORKER, startedAt: now, heartbeatAt: now, finishedAt: null, progressDone: 0,
      progressTotal: new Set(inputs.assignments.map((a) => a.personId)).size, seqThrough: BigInt(inputs.seqThrough), inputs: canonicalJson(inputs),
      inputsHash: null, outputsHash: null, payeeCount: null, payoutMinor: null, currency: org.currency, publication: null, error: null,
    };
    await calcRunRepo.insert(tx, run);
    await recordAudit(ctx, tx, { actor, action: 'calc_run.start', entity: 'calc_run', entityId: run.id, before: null, after: { periodKey: run.periodKey, kind: run.kind, trigger: run.trigger } });
    return run;
  });
}

/**
 * Computes a started run and publishes it: every result and ledger delta in one transaction, or
 * nothing (a failure marks the run failed; a killed process leaves it running until the next
 * start marks it interrupted). Returns the finished run.
 */
export async function executeCalcRun(ctx: AppContext, actor: Actor, runId: string, onProgress?: (done: number, total: number) => void): Promise<CalcRun> {
  const db = ctx.database.db;
  const run = await calcRunRepo.find(db, actor.orgId, runId);
  if (!run) throw new DomainError('not_found', 'calc run not found');
  try {
    const inputs = JSON.parse(run.inputs) as CalcInputs;
    let written = -Infinity;
    const { results, inputsHash: hash } = await computeRun(db, actor.orgId, inputs, {
      databaseUrl: ctx.database.url,
      onProgress: async (done, total) => {
        onProgress?.(done, total);
        // The run's row at most every PROGRESS_EVERY_MS, and when every payee is done: each write is a commit of its own.
        if (done < total && performance.now() - written < PROGRESS_EVERY_MS) return;
        written = performance.now();
        await calcRunRepo.progress(db, actor.orgId, run.id, { done, total, at: ctx.now() });
      },
    });
    await publishCalcRun(ctx, actor, { run, inputs, results, inputsHash: hash });
  } catch (error) {
    await calcRunRepo.finish(db, actor.orgId, run.id, { status: 'failed', at: ctx.now(), error: (error as Error).message });
    throw error;
  }
  return (await calcRunRepo.find(db, actor.orgId, runId)) as CalcRun;
}

/** Starts and computes a run in this process (the CLI, tests). */
export async function runCalc(ctx: AppContext, actor: Actor, input: { period: string }, onProgress?: (done: number, total: number) => void): Promise<CalcRun> {
  const run = await startCalcRun(ctx, actor, input);
  return executeCalcRun(ctx, actor, run.id, onProgress);
}
