import type { Db, Tx } from './database.js';
import { insertRows } from './insert-rows.js';

/** A pay period of the organisation: a fiscal key ('2026-Q3', '2026-M07') with inclusive dates. */
export interface CompPeriod {
  readonly orgId: string;
  readonly key: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly status: 'open' | 'closed';
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  /** The last transaction number when it was closed (null while open, or closed before this was kept). */
  readonly closedSeq: bigint | null;
  readonly updatedAt: string;
}

export type CalcRunStatus = 'running' | 'published' | 'failed' | 'interrupted';

/**
 * One calculation of a period. `inputs` is the frozen input snapshot (canonical JSON: plan
 * versions, assignments, reporting lines, `seqThrough`); results exist only once `publication`
 * is set, in the same transaction that writes them. Money in minor units of `currency`.
 */
export interface CalcRun {
  readonly orgId: string;
  readonly id: string;
  readonly periodKey: string;
  readonly kind: 'full' | 'incremental';
  readonly status: CalcRunStatus;
  /** 'manual', or what caused an incremental run ('opportunity opp_...'). */
  readonly trigger: string;
  readonly preparedBy: string | null;
  /** host:pid of the process computing it, to tell a live run from one whose process died. */
  readonly worker: string;
  readonly startedAt: string;
  readonly heartbeatAt: string;
  readonly finishedAt: string | null;
  readonly progressDone: number;
  readonly progressTotal: number;
  readonly seqThrough: bigint;
  readonly inputs: string;
  readonly inputsHash: string | null;
  readonly outputsHash: string | null;
  readonly payeeCount: number | null;
  readonly payoutMinor: bigint | null;
  readonly currency: string;
  readonly publication: bigint | null;
  readonly error: string | null;
}

/** One payee's result of a run: the statement body as canonical JSON, and its SHA-256. */
export interface CalcResult {
  readonly orgId: string;
  readonly runId: string;
  readonly personId: string;
  readonly periodKey: string;
  readonly publication: bigint;
  readonly earnedMinor: bigint;
  readonly payoutMinor: bigint;
  readonly currency: string;
  readonly body: string;
  readonly hash: string;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));
const bigOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : big(v));

const toPeriod = (r: Record<string, unknown>): CompPeriod => ({
  orgId: String(r.org_id), key: String(r.key), startDate: String(r.start_date), endDate: String(r.end_date), status: String(r.status) as CompPeriod['status'],
  closedAt: text(r.closed_at), closedBy: text(r.closed_by), closedSeq: bigOrNull(r.closed_seq), updatedAt: String(r.updated_at),
});

const toRun = (r: Record<string, unknown>): CalcRun => ({
  orgId: String(r.org_id), id: String(r.id), periodKey: String(r.period_key), kind: String(r.kind) as CalcRun['kind'], status: String(r.status) as CalcRunStatus,
  trigger: String(r.trigger), preparedBy: text(r.prepared_by), worker: String(r.worker), startedAt: String(r.started_at), heartbeatAt: String(r.heartbeat_at),
  finishedAt: text(r.finished_at), progressDone: Number(r.progress_done), progressTotal: Number(r.progress_total), seqThrough: big(r.seq_through),
  inputs: String(r.inputs), inputsHash: text(r.inputs_hash), outputsHash: text(r.outputs_hash), payeeCount: r.payee_count == null ? null : Number(r.payee_count),
  payoutMinor: bigOrNull(r.payout_minor), currency: String(r.currency), publication: bigOrNull(r.publication), error: text(r.error),
});

const toResult = (r: Record<string, unknown>): CalcResult => ({
  orgId: String(r.org_id), runId: String(r.run_id), personId: String(r.person_id), periodKey: String(r.period_key), publication: big(r.publication),
  earnedMinor: big(r.earned_minor), payoutMinor: big(r.payout_minor), currency: String(r.currency), body: String(r.body), hash: String(r.hash),
});

/** Columns of a run listing: everything but the (large) frozen inputs. */
const RUN_SUMMARY = ['org_id', 'id', 'period_key', 'kind', 'status', 'trigger', 'prepared_by', 'worker', 'started_at', 'heartbeat_at', 'finished_at', 'progress_done',
  'progress_total', 'seq_through', 'inputs_hash', 'outputs_hash', 'payee_count', 'payout_minor', 'currency', 'publication', 'error'] as const;


export const compPeriodRepo = {
  async find(db: Db | Tx, orgId: string, key: string): Promise<CompPeriod | undefined> {
    const row = await db.selectFrom('comp_periods').selectAll().where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
    return row ? toPeriod(row) : undefined;
  },
  /** Creates the period open if it does not exist yet; returns it either way. */
  async ensure(db: Db | Tx, period: Pick<CompPeriod, 'orgId' | 'key' | 'startDate' | 'endDate' | 'updatedAt'>): Promise<CompPeriod> {
    const found = await this.find(db, period.orgId, period.key);
    if (found) return found;
    await db.insertInto('comp_periods').values({
      org_id: period.orgId, key: period.key, start_date: period.startDate, end_date: period.endDate, status: 'open', closed_at: null, closed_by: null, updated_at: period.updatedAt,
    }).execute();
    return { ...period, status: 'open', closedAt: null, closedBy: null, closedSeq: null };
  },
  async list(db: Db | Tx, orgId: string): Promise<CompPeriod[]> {
    const rows = await db.selectFrom('comp_periods').selectAll().where('org_id', '=', orgId).orderBy('start_date').execute();
    return rows.map(toPeriod);
  },
  /** Closing records who, when and the last transaction number (`seq`); opening clears them. */
  async setStatus(tx: Tx, orgId: string, key: string, change: { status: 'open'; at: string } | { status: 'closed'; at: string; by: string | null; seq: bigint }): Promise<void> {
    const closed = change.status === 'closed' ? change : null;
    await tx.updateTable('comp_periods').set({
      status: change.status, updated_at: change.at, closed_at: closed ? closed.at : null, closed_by: closed ? closed.by : null, closed_seq: closed ? closed.seq : null,
    }).where('org_id', '=', orgId).where('key', '=', key).execute();
  },
};

export const calcRunRepo = {
  async insert(db: Db | Tx, run: CalcRun): Promise<void> {
    await db.insertInto('calc_runs').values({
      org_id: run.orgId, id: run.id, period_key: run.periodKey, kind: run.kind, status: run.status, trigger: run.trigger, prepared_by: run.preparedBy,
      worker: run.worker, started_at: run.startedAt, heartbeat_at: run.heartbeatAt, finished_at: run.finishedAt, progress_done: run.progressDone,
      progress_total: run.progressTotal, seq_through: run.seqThrough, inputs: run.inputs, inputs_hash: run.inputsHash, outputs_hash: run.outputsHash,
      payee_count: run.payeeCount, payout_minor: run.payoutMinor, currency: run.currency, publication: run.publication, error: run.error,
    }).execute();
  },
  /** The run with its frozen inputs. */
  async find(db: Db | Tx, orgId: string, id: string): Promise<CalcRun | undefined> {
    const row = await db.selectFrom('calc_runs').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toRun(row) : undefined;
  },
  /** The run without its (large) frozen inputs: `inputs` is ''. */
  async findSummary(db: Db | Tx, orgId: string, id: string): Promise<CalcRun | undefined> {
    const row = await db.selectFrom('calc_runs').select([...RUN_SUMMARY]).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toRun({ ...row, inputs: '' }) : undefined;
  },
  /** Runs latest first, without their inputs (`inputs` is ''). */
  async list(db: Db | Tx, orgId: string, query: { periodKey?: string; status?: CalcRunStatus; limit?: number } = {}): Promise<CalcRun[]> {
    let q = db.selectFrom('calc_runs').select([...RUN_SUMMARY]).where('org_id', '=', orgId);
    if (query.periodKey !== undefined) q = q.where('period_key', '=', query.periodKey);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    const rows = await q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(query.limit ?? 200).execute();
    return rows.map((r) => toRun({ ...r, inputs: '' }));
  },
  async progress(db: Db | Tx, orgId: string, id: string, p: { done: number; total: number; at: string }): Promise<void> {
    await db.updateTable('calc_runs').set({ progress_done: p.done, progress_total: p.total, heartbeat_at: p.at }).where('org_id', '=', orgId).where('id', '=', id).execute();
  },
  async finish(db: Db | Tx, orgId: string, id: string, f: Partial<Pick<CalcRun, 'inputsHash' | 'outputsHash' | 'payeeCount' | 'payoutMinor' | 'publication' | 'error'>> & { status: CalcRunStatus; at: string }): Promise<void> {
    await db.updateTable('calc_runs').set({
      status: f.status, finished_at: f.at, heartbeat_at: f.at, ...(f.inputsHash === undefined ? {} : { inputs_hash: f.inputsHash }),
      ...(f.outputsHash === undefined ? {} : { outputs_hash: f.outputsHash }), ...(f.payeeCount === undefined ? {} : { payee_count: f.payeeCount }),
      ...(f.payoutMinor === undefined ? {} : { payout_minor: f.payoutMinor }), ...(f.publication === undefined ? {} : { publication: f.publication }),
      ...(f.error === undefined ? {} : { error: f.error }),
    }).where('org_id', '=', orgId).where('id', '=', id).execute();
  },
  /** The periods with at least one published run. */
  async publishedPeriods(db: Db | Tx, orgId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('calc_runs').select('period_key').distinct().where('org_id', '=', orgId).where('status', '=', 'published').execute();
    return new Set(rows.map((r) => String(r.period_key)));
  },
  async lastPublication(db: Db | Tx, orgId: string): Promise<bigint> {
    const row = await db.selectFrom('calc_runs').select((eb) => eb.fn.max('publication').as('p')).where('org_id', '=', orgId).executeTakeFirst();
    return row?.p === null || row?.p === undefined ? 0n : big(row.p);
  },
  async insertResults(tx: Tx, results: readonly CalcResult[]): Promise<void> {
    await insertRows(tx, 'calc_results', ['org_id', 'run_id', 'person_id', 'period_key', 'publication', 'earned_minor', 'payout_minor', 'currency', 'body', 'hash'],
      results.map((r) => [r.orgId, r.runId, r.personId, r.periodKey, r.publication, r.earnedMinor, r.payoutMinor, r.currency, r.body, r.hash]));
  },
  /** Payees of a period whose published result was computed from later transactions than `seqThrough` (a newer run). */
  async peopleWithNewerResults(db: Db | Tx, orgId: string, periodKey: string, seqThrough: bigint): Promise<Set<string>> {
    const rows = await db.selectFrom('calc_results as r').innerJoin('calc_runs as run', (j) => j.onRef('run.org_id', '=', 'r.org_id').onRef('run.id', '=', 'r.run_id'))
      .select('r.person_id').distinct().where('r.org_id', '=', orgId).where('r.period_key', '=', periodKey).where('run.seq_through', '>', seqThrough).execute();
    return new Set(rows.map((r) => String(r.person_id)));
  },
  /** A run's results by person id. */
  async resultsOfRun(db: Db | Tx, orgId: string, runId: string): Promise<CalcResult[]> {
    const rows = await db.selectFrom('calc_results').selectAll().where('org_id', '=', orgId).where('run_id', '=', runId).orderBy('person_id').execute();
    return rows.map(toResult);
  },
  /**
   * The payee's latest published result for a period (the statement), if any; with `asOf`, the
   * latest published by then (a closed period keeps the statement it was closed with).
   */
  async latestResult(db: Db | Tx, orgId: string, personId: string, periodKey: string, asOf?: string): Promise<CalcResult | undefined> {
    let q = db.selectFrom('calc_results as r').selectAll('r').where('r.org_id', '=', orgId).where('r.person_id', '=', personId).where('r.period_key', '=', periodKey);
    if (asOf !== undefined) {
      q = q.innerJoin('calc_runs as run', (j) => j.onRef('run.org_id', '=', 'r.org_id').onRef('run.id', '=', 'r.run_id')).where('run.finished_at', '<=', asOf);
    }
    const row = await q.orderBy('r.publication', 'desc').limit(1).executeTakeFirst();
    return row ? toResult(row) : undefined;
  },
  /** The latest published result (by `asOf`, if given) of every payee of a period, by person id (bodies left out: `body` is ''). */
  async latestResultsOfPeriod(db: Db | Tx, orgId: string, periodKey: string, personIds?: readonly string[], asOf?: string): Promise<CalcResult[]> {
    let q = db.selectFrom('calc_results as r').select(['r.org_id', 'r.run_id', 'r.person_id', 'r.period_key', 'r.publication', 'r.earned_minor', 'r.payout_minor', 'r.currency', 'r.hash'])
      .where('r.org_id', '=', orgId).where('r.period_key', '=', periodKey);
    if (personIds !== undefined) {
      if (personIds.length === 0) return [];
      q = q.where('r.person_id', 'in', [...personIds]);
    }
    if (asOf !== undefined) {
      q = q.innerJoin('calc_runs as run', (j) => j.onRef('run.org_id', '=', 'r.org_id').onRef('run.id', '=', 'r.run_id')).where('run.finished_at', '<=', asOf);
    }
    const rows = await q.orderBy('r.person_id').orderBy('r.publication', 'desc').execute();
    const latest = new Map<string, CalcResult>();
    for (const r of rows) if (!latest.has(String(r.person_id))) latest.set(String(r.person_id), toResult({ ...r, body: '' }));
    return [...latest.values()];
  },
};
