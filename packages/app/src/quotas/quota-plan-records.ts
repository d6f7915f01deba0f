import { can, DomainError, invalid, parseDecimal, readQuotaPlan, type Actor, type QuotaPlanDocument, type QuotaPlanLine, type User } from '@attain/core';
import type { CreateQuotaPlanBody } from '@attain/contract';
import { quotaPlanRepo, type Db, type QuotaPlanEventKind, type QuotaPlanEventRow, type QuotaPlanRow, type Tx } from '@attain/store';
import type { z } from 'zod';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';

/*
 * What the quota plan use cases share: reading a plan and a version, moving the plan on (refused
 * when another writer moved it first), recording a step of its history, and the parts of a
 * document built from a request (placeholders, seasonality, the bounds' limits).
 */

type Placeholder = z.output<typeof CreateQuotaPlanBody>['placeholders'][number];

export const PADDING_MAX = 10n;
export const ATTAINMENT_MAX = 3n;

export async function loadPlan(db: Db | Tx, orgId: string, id: string): Promise<QuotaPlanRow> {
  const plan = await quotaPlanRepo.find(db, orgId, id);
  if (!plan) throw new DomainError('not_found', 'quota plan not found');
  return plan;
}

export async function latestDocument(db: Db | Tx, plan: QuotaPlanRow, version = plan.version) {
  const row = await quotaPlanRepo.findVersion(db, plan.orgId, plan.id, version);
  if (!row) throw invalid('version', `the plan has no version ${version} (it has 1 to ${plan.version})`);
  return { row, doc: readQuotaPlan(row.document) };
}

export const phasingOf = (p: { by: 'quarter' | 'month'; weights: string[] } | null) => p && { by: p.by, weights: p.weights.map((w) => parseDecimal(w)) };

/** A placeholder's line under her manager's line; the manager must be in the plan. */
export function placeholderLine(p: Placeholder, key: string, managers: ReadonlySet<string>, field: string): QuotaPlanLine {
  if (p.managerId !== null && !managers.has(p.managerId)) throw invalid(`${field}.managerId`, 'is not a manager in the plan');
  return { key, kind: 'placeholder', personId: null, name: p.name, role: p.role, parentKey: p.managerId, startDate: p.startDate, annualMinor: BigInt(p.annualMinor), reason: p.reason, historyMinor: 0n, potentialMinor: 0n, earlier: [] };
}

/** Records a step of the plan's history (and audits it against the plan as it was). */
export async function event(ctx: AppContext, tx: Tx, actor: Actor, plan: QuotaPlanRow, version: number, kind: QuotaPlanEventKind, comment: string): Promise<void> {
  await quotaPlanRepo.addEvent(tx, actor.orgId, plan.id, { version, kind, comment, detail: null, createdBy: actor.userId, createdAt: ctx.now() });
  await recordAudit(ctx, tx, { actor, action: `quota_plan.${kind}`, entity: 'quota_plan', entityId: plan.id, before: { status: plan.status, version: plan.version }, after: { version, comment } });
}

export async function move(tx: Tx, plan: QuotaPlanRow, next: { version?: number; status: QuotaPlanRow['status']; approvedVersion?: number | null; at: string }): Promise<QuotaPlanRow> {
  const moved = { version: next.version ?? plan.version, status: next.status, approvedVersion: next.approvedVersion === undefined ? plan.approvedVersion : next.approvedVersion, updatedAt: next.at };
  if (!(await quotaPlanRepo.update(tx, plan.orgId, plan.id, { version: plan.version, status: plan.status }, moved))) {
    throw new DomainError('conflict', 'the plan was changed at the same time by someone else: reload it', [{ field: 'baseVersion', message: 'changed meanwhile' }]);
  }
  return { ...plan, ...moved };
}

/**
 * The plan's managers who can sign off (a login of hers with the proposing ability) and have not
 * signed off `version`, in the plan's order. A manager without a login is not waited for: she
 * could never sign.
 */
export function missingSignOffs(doc: QuotaPlanDocument, users: readonly User[], events: readonly QuotaPlanEventRow[], version: number): { personId: string; name: string }[] {
  const signers = new Map(users.filter((u) => u.personId !== null && u.disabledAt === null && can(u, 'quota:propose')).map((u) => [u.personId as string, u.id]));
  const signed = new Set(events.filter((e) => e.kind === 'signed_off' && e.version === version).map((e) => e.createdBy));
  return doc.lines
    .filter((l) => l.kind === 'manager' && l.personId !== null && signers.has(l.personId) && !signed.has(signers.get(l.personId) as string))
    .map((l) => ({ personId: l.personId as string, name: l.name }));
}
