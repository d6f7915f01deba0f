import type { Actor } from '@attain/core';
import { inTransaction } from '@attain/store';
import { assignPlan } from '../assignments/assign-plan.js';
import type { AppContext } from '../context.js';
import { opportunities } from '../crm/entities.js';
import { getPipeline } from '../crm/pipelines.js';
import { createRecord, updateRecord } from '../crm/records.js';
import { listPlans } from '../plans/plan-queries.js';
import { seedPlanTemplates } from '../plans/seed-plan-templates.js';
import type { Database } from '@attain/store';
import { openTestDatabase, type TestDialect } from '@attain/store/test-support';
import { createTestOrg, testContext, type TestOrg } from './factories.js';

/** A test organisation ready for the pay cycle: the plan templates, and a way to assign them and win deals. */
export interface PayCycleOrg extends TestOrg {
  /** Plan ids by template key. */
  readonly plans: Readonly<Record<string, string>>;
  /** Puts a person on version 1 of a template from `validFrom` (default 2026-01-01), amounts in minor units. */
  assign(personId: string, planKey: string, targetIncentiveMinor: string, annualQuotaMinor: string | null, validFrom?: string): Promise<void>;
  /** Creates a deal as `actor` and moves it to the won stage (which books its transaction). */
  winDeal(actor: Actor, amountMinor: string, closeDate: string): Promise<{ id: string }>;
  /** Puts AEs on the AE quota plan for 2026: target incentive 60,000.00, annual quota 800,000.00. */
  assignAes(...personIds: string[]): Promise<void>;
  /** Moves a deal to the lost stage (a won one is reversed and its clawback event recorded). */
  loseDeal(actor: Actor, id: string): Promise<void>;
}

export async function createPayCycleOrg(ctx: AppContext, name: string): Promise<PayCycleOrg> {
  const t = await createTestOrg(ctx, name);
  await inTransaction(ctx.database.db, (tx) => seedPlanTemplates(ctx, tx, t.admin));
  const plans = Object.fromEntries((await listPlans(ctx, t.actors.ops)).map((p) => [p.key, p.id]));
  const probe = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Probe', amountMinor: '1', closeDate: '2026-06-01' });
  const stages = (await getPipeline(ctx, t.actors.rep, probe.pipelineId)).stages;
  const won = stages.find((s) => s.isWon)?.id as string;
  const lost = stages.find((s) => s.isClosed && !s.isWon)?.id as string;
  return {
    ...t,
    plans,
    assign: async (personId, planKey, targetIncentiveMinor, annualQuotaMinor, validFrom = '2026-01-01') => {
      await assignPlan(ctx, t.actors.finance, { personId, planId: plans[planKey] as string, planVersion: 1, validFrom, targetIncentiveMinor, annualQuotaMinor, reason: 'test plan' });
    },
    winDeal: async (actor, amountMinor, closeDate) => {
      const deal = await createRecord(ctx, actor, opportunities, { name: `Deal ${amountMinor}`, amountMinor, closeDate });
      await updateRecord(ctx, actor, opportunities, deal.id, { stageId: won });
      return deal;
    },
    assignAes: async (...personIds) => {
      for (const personId of personIds) {
        await assignPlan(ctx, t.actors.finance, { personId, planId: plans['ae-quota-commission'] as string, planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '6000000', annualQuotaMinor: '80000000', reason: 'test plan' });
      }
    },
    loseDeal: async (actor, id) => {
      await updateRecord(ctx, actor, opportunities, id, { stageId: lost, lostReason: 'cancelled' });
    },
  };
}

/** A fresh database (of the dialect) with one pay-cycle organisation: what a pay-cycle test opens before all its tests. */
export async function openPayCycleOrg(dialect: TestDialect, name: string): Promise<{ database: Database; ctx: AppContext; t: PayCycleOrg }> {
  const database = await openTestDatabase(dialect);
  const ctx = testContext(database);
  return { database, ctx, t: await createPayCycleOrg(ctx, name) };
}
