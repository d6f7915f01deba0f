import { isCurrencyCode, invalid, type Actor, type Organisation } from '@attain/core';
import { inTransaction, orgRepo, type Tx } from '@attain/store';
import { recordAudit } from './audit.js';
import type { AppContext } from './context.js';
import { createPipelineInTx, type StageInput } from './crm/pipelines.js';

/** The stages of a new organisation's first pipeline: a common B2B sales process. */
export const DEFAULT_STAGES: readonly StageInput[] = [
  { name: 'Qualification', probabilityBps: 1000, forecastCategory: 'pipeline', isClosed: false, isWon: false },
  { name: 'Discovery', probabilityBps: 2000, forecastCategory: 'pipeline', isClosed: false, isWon: false },
  { name: 'Solution', probabilityBps: 4000, forecastCategory: 'pipeline', isClosed: false, isWon: false },
  { name: 'Proposal', probabilityBps: 6000, forecastCategory: 'best_case', isClosed: false, isWon: false },
  { name: 'Negotiation', probabilityBps: 8000, forecastCategory: 'commit', isClosed: false, isWon: false },
  { name: 'Closed Won', probabilityBps: 10000, forecastCategory: 'closed', isClosed: true, isWon: true },
  { name: 'Closed Lost', probabilityBps: 0, forecastCategory: 'omitted', isClosed: true, isWon: false },
];

/** The actor used when the system itself writes (bootstrap, seeding): it has no user. */
export const systemActor = (orgId: string): Actor => ({ orgId, userId: 'system', role: 'admin', personId: null, teamPersonIds: [] });

/**
 * Creates an organisation with its default pipeline. Run by the CLI and the demo seeder;
 * there is no sign-up route, since each deployment holds the organisations its admin made.
 */
export async function createOrganisation(
  ctx: AppContext,
  input: { name: string; fiscalYearStartMonth?: number; defaultCurrency?: string; currencies?: string[] },
  tx?: Tx,
): Promise<Organisation> {
  const month = input.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw invalid('fiscalYearStartMonth', 'must be 1 to 12');
  const currency = input.defaultCurrency ?? 'USD';
  if (!isCurrencyCode(currency)) throw invalid('defaultCurrency', 'must be a 3-letter ISO 4217 code');
  const org: Organisation = {
    id: ctx.newId('org'),
    name: input.name,
    fiscalYearStartMonth: month,
    defaultCurrency: currency,
    currencies: [...new Set([currency, ...(input.currencies ?? [])])],
    createdAt: ctx.now(),
  };
  const work = async (t: Tx) => {
    await orgRepo.insert(t, org);
    const actor = systemActor(org.id);
    await recordAudit(ctx, t, { actor, action: 'org.create', entity: 'org', entityId: org.id, before: null, after: org });
    await createPipelineInTx(ctx, t, actor, org, { name: 'New business', isDefault: true, stages: DEFAULT_STAGES });
  };
  if (tx) await work(tx);
  else await inTransaction(ctx.database.db, work);
  return org;
}
