import type { Actor } from '@attain/core';
import { auditRepo, type Tx } from '@attain/store';
import type { AppContext } from './context.js';

/** Records one mutation in the hash-chained audit log, inside the mutation's transaction. */
export async function recordAudit(
  ctx: AppContext,
  tx: Tx,
  input: { actor: Pick<Actor, 'orgId' | 'userId'>; action: string; entity: string; entityId: string; before: unknown; after: unknown },
): Promise<void> {
  await auditRepo.append(tx, [
    {
      orgId: input.actor.orgId,
      at: ctx.now(),
      actorUserId: input.actor.userId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before: input.before,
      after: input.after,
    },
  ]);
}
