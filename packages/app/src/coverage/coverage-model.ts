import {
  analyzeCoverage, dateOfInstant, DomainError, filterReads, formatHours, readCoverageModel, segmentOf, writeCoverageModel,
  type Actor, type CoverageAnalysis, type CoverageModel,
} from '@attain/core';
import type { CoverageAnalysisWire, CoverageApplyResult, CoverageModelDetail, CoverageModelJson } from '@attain/contract';
import { coverageRepo } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { countyAt } from '../territories/us-counties.js';
import { modelAccounts } from './model-accounts.js';

/**
 * Where an organisation without a saved model starts: segments by employees (2,000 and 200, the
 * cut the demo data is made with), an account executive on every account and an account manager
 * on the largest. The hours are a starting point to edit, not a benchmark.
 */
export const STARTER_COVERAGE_MODEL: CoverageModelJson = {
  segments: [
    { key: 'enterprise', name: 'Enterprise', rule: { field: 'employees', op: 'gte', value: '2000' }, coverage: [{ role: 'ae', hoursPerAccount: '60' }, { role: 'am', hoursPerAccount: '40' }] },
    { key: 'mid-market', name: 'Mid-Market', rule: { field: 'employees', op: 'gte', value: '200' }, coverage: [{ role: 'ae', hoursPerAccount: '20' }] },
    { key: 'smb', name: 'SMB', rule: null, coverage: [{ role: 'ae', hoursPerAccount: '4' }] },
  ],
  roles: [
    { key: 'ae', name: 'Account executive', hoursPerRep: '1200', headcount: null },
    { key: 'am', name: 'Account manager', hoursPerRep: '1200', headcount: null },
  ],
};

/** The model in force, or the starter model (version null) when none was saved. */
export async function getCoverageModel(ctx: AppContext, actor: Actor): Promise<CoverageModelDetail> {
  requireAbility(actor, 'coverage:read');
  const saved = await coverageRepo.latest(ctx.database.db, actor.orgId);
  if (!saved) return { version: null, model: STARTER_COVERAGE_MODEL, createdBy: null, createdAt: null };
  return { version: saved.version, model: JSON.parse(saved.definition) as CoverageModelJson, createdBy: saved.createdBy, createdAt: saved.createdAt };
}

/**
 * Saves a model as the next version (checked first: every problem named by its path, 422).
 * `baseVersion` is the version it was edited from: another save since is a conflict (409), so
 * two people editing at once do not overwrite each other. Audited.
 */
export async function saveCoverageModel(ctx: AppContext, actor: Actor, input: { model: unknown; baseVersion: number | null }): Promise<CoverageModelDetail> {
  requireAbility(actor, 'coverage:write');
  const definition = JSON.stringify(writeCoverageModel(readCoverageModel(input.model)));
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const latest = (await coverageRepo.latest(tx, actor.orgId))?.version ?? null;
    if (latest !== input.baseVersion) throw new DomainError('conflict', `the coverage model was saved as version ${latest} since version ${input.baseVersion ?? 'none'} was read: reload it`, [{ field: 'baseVersion', message: `must be ${latest}` }]);
    const saved = { orgId: actor.orgId, version: (latest ?? 0) + 1, definition, createdBy: actor.userId, createdAt: ctx.now() };
    await coverageRepo.insert(tx, saved);
    await recordAudit(ctx, tx, { actor, action: 'coverage_model.save', entity: 'coverage_model', entityId: String(saved.version), before: null, after: { version: saved.version, model: JSON.parse(definition) } });
    return { version: saved.version, model: JSON.parse(definition) as CoverageModelJson, createdBy: saved.createdBy, createdAt: saved.createdAt };
  });
}

function present(analysis: CoverageAnalysis, currency: string, changes: number, nameOf: ReadonlyMap<string, string>): CoverageAnalysisWire {
  return {
    currency, accounts: analysis.accounts, potentialMinor: analysis.potentialMinor.toString(), changes,
    segments: analysis.segments.map((s) => ({ key: s.key, name: s.name, accounts: s.accounts, potentialMinor: s.potentialMinor.toString(), workload: s.workload.map((w) => ({ role: w.role, hours: formatHours(w.hundredths) })) })),
    roles: analysis.roles.map((r) => ({
      key: r.key, name: r.name, workloadHours: formatHours(r.workloadHundredths), hoursPerRep: formatHours(r.hundredthsPerRep), repsNeeded: r.repsNeeded.toString(), headcount: r.headcount,
      covered: r.covered && { accounts: r.covered.accounts, potentialMinor: r.covered.potentialMinor.toString(), hours: formatHours(r.covered.hundredths) },
      uncovered: r.uncovered && {
        accounts: r.uncovered.accounts, potentialMinor: r.uncovered.potentialMinor.toString(),
        largest: r.uncovered.largest.map((a) => ({ id: a.id, name: nameOf.get(a.id) ?? '', potentialMinor: a.potentialMinor.toString() })),
      },
    })),
  };
}

/** An account's segment field holds its segment's name, as the CRM shows it (keys name segments in the model and the API). */
const segmentNames = (model: CoverageModel): Map<string, string> => new Map(model.segments.map((s) => [s.key, s.name]));

const readsCounty = (model: CoverageModel): boolean => model.segments.some((s) => s.rule !== null && filterReads(s.rule, 'county'));

async function modelOf(ctx: AppContext, actor: Actor, raw: unknown): Promise<CoverageModel> {
  return readCoverageModel(raw === undefined ? (await getCoverageModel(ctx, actor)).model : raw);
}

/**
 * Every account of the organisation (not archived) placed by a model, a draft or the one in
 * force: accounts, potential (in the organisation's currency) and workload per segment; per
 * role the reps full coverage needs and, for a headcount, what it covers and leaves uncovered.
 */
export async function analyzeCoverageModel(ctx: AppContext, actor: Actor, input: { model?: unknown } = {}): Promise<CoverageAnalysisWire> {
  requireAbility(actor, 'coverage:read');
  const model = await modelOf(ctx, actor, input.model);
  const { currency, accounts } = await modelAccounts(ctx.database.db, actor.orgId, dateOfInstant(ctx.now()), { county: readsCounty(model) });
  const segmentName = segmentNames(model);
  const changes = accounts.filter((a) => a.segment !== segmentName.get(segmentOf(model, a))).length;
  const analysis = analyzeCoverage(model, accounts);
  const listed = new Set(analysis.roles.flatMap((r) => r.uncovered?.largest.map((a) => a.id) ?? []));
  return present(analysis, currency, changes, new Map(accounts.filter((a) => listed.has(a.id)).map((a) => [a.id, a.name])));
}

/**
 * Sets every account's segment (to its segment's name) from the saved model, in one transaction
 * (all or nothing), writing only the accounts whose segment changes. Audited with the counts.
 */
export async function applyCoverageSegments(ctx: AppContext, actor: Actor): Promise<CoverageApplyResult> {
  requireAbility(actor, 'coverage:write');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const saved = await coverageRepo.latest(tx, actor.orgId);
    if (!saved) throw new DomainError('conflict', 'no coverage model is saved yet: save one before applying it', [{ field: 'version', message: 'none saved' }]);
    const model = readCoverageModel(JSON.parse(saved.definition));
    const nameOf = segmentNames(model);
    const moves = new Map<string, string[]>(model.segments.map((s) => [s.key, []]));
    const county = readsCounty(model);
    for await (const page of coverageRepo.accounts(tx, actor.orgId)) {
      for (const a of page) {
        const key = segmentOf(model, { ...a, county: county ? countyAt(a.latitude, a.longitude) : null });
        if (a.segment !== nameOf.get(key)) moves.get(key)?.push(a.id);
      }
    }
    const at = ctx.now();
    for (const [key, ids] of moves) await coverageRepo.setSegment(tx, actor.orgId, nameOf.get(key) as string, ids, at);
    const bySegment = Object.fromEntries([...moves].map(([key, ids]) => [key, ids.length]));
    const changed = [...moves.values()].reduce((n, ids) => n + ids.length, 0);
    await recordAudit(ctx, tx, { actor, action: 'coverage_model.apply', entity: 'coverage_model', entityId: String(saved.version), before: null, after: { version: saved.version, changed, bySegment } });
    return { version: saved.version, changed, bySegment };
  });
}
