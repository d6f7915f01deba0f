import type { Actor } from '@attain/core';
import type { AppContext } from '../context.js';
import { accounts, opportunities } from '../crm/entities.js';
import { getPipeline } from '../crm/pipelines.js';
import { createRecord, updateRecord } from '../crm/records.js';

/**
 * For each seller an account of the given potential that she owns and one deal won on it on
 * `closeDate`, through the real use cases: the history and potential quota planning reads.
 */
export async function sellersBook(ctx: AppContext, actor: Actor, sellers: readonly { ownerId: string; potentialMinor: string; bookedMinor: string }[], closeDate: string): Promise<{ wonStageId: string; accountIds: string[] }> {
  let won: string | undefined;
  const accountIds: string[] = [];
  for (const s of sellers) {
    const account = await createRecord(ctx, actor, accounts, { name: `Account of ${s.ownerId}`, potentialMinor: s.potentialMinor, ownerId: s.ownerId });
    const deal = await createRecord(ctx, actor, opportunities, { name: 'Won', accountId: account.id, amountMinor: s.bookedMinor, closeDate, ownerId: s.ownerId });
    won ??= (await getPipeline(ctx, actor, deal.pipelineId)).stages.find((st) => st.isWon)?.id;
    await updateRecord(ctx, actor, opportunities, deal.id, { stageId: won });
    accountIds.push(account.id);
  }
  return { wonStageId: won as string, accountIds };
}
