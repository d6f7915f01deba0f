import { dateOfInstant, invalid, wouldCreateCycle, type Person } from '@attain/core';
import { reportingLineRepo } from '@attain/store';
import type { WriteArgs } from './definition.js';

/**
 * Keeps the effective-dated reporting hierarchy in step with a person's manager: a new
 * manager closes the current line today and opens a new one from today (from the hire date
 * for a new person), so the past stays as it was for crediting and roll-ups.
 */
export async function checkManager({ tx, actor, before, next }: WriteArgs<Person>): Promise<Person> {
  if (next.managerId && next.managerId !== before?.managerId) {
    const lines = await reportingLineRepo.listForOrg(tx, actor.orgId);
    const today = dateOfInstant(next.updatedAt);
    if (wouldCreateCycle(lines, next.id, next.managerId, today)) throw invalid('managerId', 'would make this person report to herself');
  }
  return next;
}

export async function writeReportingLine({ ctx, tx, actor, before, after }: WriteArgs<Person> & { after: Person }): Promise<void> {
  if ((before?.managerId ?? null) === after.managerId) return;
  const today = dateOfInstant(after.updatedAt);
  const lines = await reportingLineRepo.listForPerson(tx, actor.orgId, after.id);
  // A first manager counts from the hire date, whatever order the person and manager came in.
  const from = lines.length === 0 && after.hireDate && after.hireDate < today ? after.hireDate : today;
  for (const line of lines) {
    if (line.validTo === null || line.validTo > from) await reportingLineRepo.close(tx, actor.orgId, line.id, line.validFrom > from ? line.validFrom : from);
  }
  if (after.managerId) {
    await reportingLineRepo.insert(tx, actor.orgId, { id: ctx.newId('rl'), personId: after.id, managerId: after.managerId, validFrom: from, validTo: null });
  }
}
