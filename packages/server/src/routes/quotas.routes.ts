import {
  allocateQuotas, approveQuotaPlan, carryTerritoryQuota, compareQuotaPlanVersions, quotaByTerritory, createQuotaPlan, getQuotaPlan, getTeamQuotaPlan, listQuotaPlans, listTeamQuotaPlans, proposeQuotas,
  rejectQuotaPlan, saveQuotaPlan, signOffQuotaPlan, submitQuotaPlan,
} from '@attain/app';
import {
  ApproveQuotaPlanBody, CreateQuotaPlanBody, QuotaAllocateBody, QuotaAllocation, QuotaPlanApproved, QuotaPlanCommentBody, QuotaPlanCompareQuery, QuotaPlanComparison,
  QuotaPlanDetail, QuotaPlanGetQuery, QuotaPlanSummary, QuotaByTerritory, QuotaProposalBody, QuotaSignOffBody, QuotaTerritoriesQuery, QuotaTeamSummary, QuotaTeamView, QuotaTerritoryChangeBody, RejectQuotaPlanBody, SaveQuotaPlanBody,
} from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** Quota planning: sales ops, finance and admins plan; finance and admins approve; managers propose for their teams (docs/quotas.md). */
export function mountQuotaRoutes(api: Api, registry: RouteRegistry): void {
  const id = (c: Parameters<typeof valid>[0]) => valid<{ id: string }>(c, 'param').id;
  defineRoute(api, registry, {
    method: 'post', path: '/quotas/allocate', ability: 'quota:plan', tag: 'quotas',
    summary: "A fiscal year's company number cascaded to the sellers by last year's bookings and their potential, with floors, caps and overrides (a preview: nothing is written)",
    body: QuotaAllocateBody, response: QuotaAllocation,
    handler: async (c) => c.json(await allocateQuotas(c.get('ctx'), actorOf(c), valid<QuotaAllocateBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/quota-plans', ability: 'quota:plan', tag: 'quotas',
    summary: 'Quota plans, latest fiscal year first', response: z.object({ items: z.array(QuotaPlanSummary) }),
    handler: async (c) => c.json({ items: await listQuotaPlans(c.get('ctx'), actorOf(c)) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/quota-plans', ability: 'quota:plan', tag: 'quotas', status: 201,
    summary: "A fiscal year's quota plan from the top-down allocation, with seasonality, ramps per role and to-be-hired placeholders; version 1, a draft (409 if the year has one)",
    body: CreateQuotaPlanBody, response: QuotaPlanDetail,
    handler: async (c) => c.json(await createQuotaPlan(c.get('ctx'), actorOf(c), valid<CreateQuotaPlanBody>(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/quota-plans/{id}', ability: 'quota:plan', tag: 'quotas',
    summary: 'A version of a quota plan (the latest unless asked): the lines over the hierarchy with in-year quarters, the cascade, capacity, diagnostics, versions and events',
    params: IdParam, query: QuotaPlanGetQuery, response: QuotaPlanDetail,
    handler: async (c) => c.json(await getQuotaPlan(c.get('ctx'), actorOf(c), id(c), valid<{ version?: number }>(c, 'query').version)),
  });
  defineRoute(api, registry, {
    method: 'put', path: '/quota-plans/{id}', ability: 'quota:plan', tag: 'quotas',
    summary: 'The next version: quotas set by hand with reasons, placeholders, seasonality, ramps, bounds (409 if in review or not from the latest; once approved, a change reason is required)',
    params: IdParam, body: SaveQuotaPlanBody, response: QuotaPlanDetail,
    handler: async (c) => c.json(await saveQuotaPlan(c.get('ctx'), actorOf(c), id(c), valid<SaveQuotaPlanBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/quota-plans/{id}/territory-change', ability: 'quota:plan', tag: 'quotas',
    summary: "A territory model's moves carry quota from its effective day, pro-rated by the potential each seller gains or loses: the next version, approved like any other",
    params: IdParam, body: QuotaTerritoryChangeBody, response: QuotaPlanDetail,
    handler: async (c) => c.json(await carryTerritoryQuota(c.get('ctx'), actorOf(c), id(c), valid<QuotaTerritoryChangeBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/quota-plans/{id}/submit', ability: 'quota:plan', tag: 'quotas',
    summary: 'Submit the latest version for approval', params: IdParam, body: QuotaPlanCommentBody, response: QuotaPlanDetail,
    handler: async (c) => c.json(await submitQuotaPlan(c.get('ctx'), actorOf(c), id(c), valid<QuotaPlanCommentBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/quota-plans/{id}/approve', ability: 'quota:approve', tag: 'quotas',
    summary: 'Approve the version in review (not by whoever submitted it; padding over the bound needs a comment): the quotas are written into the plan assignments',
    params: IdParam, body: ApproveQuotaPlanBody, response: QuotaPlanApproved,
    handler: async (c) => c.json(await approveQuotaPlan(c.get('ctx'), actorOf(c), id(c), valid<ApproveQuotaPlanBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/quota-plans/{id}/reject', ability: 'quota:approve', tag: 'quotas',
    summary: 'Send the plan in review back to draft, with a comment', params: IdParam, body: RejectQuotaPlanBody, response: QuotaPlanDetail,
    handler: async (c) => c.json(await rejectQuotaPlan(c.get('ctx'), actorOf(c), id(c), valid<RejectQuotaPlanBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/quota-plans/{id}/territories', ability: 'quota:plan', tag: 'quotas',
    summary: "The plan's quotas over a territory model's territories (the active one unless `modelId`): owners, accounts, potential, quota apportioned by potential, and quota per unit of potential",
    params: IdParam, query: QuotaTerritoriesQuery, response: QuotaByTerritory,
    handler: async (c) => c.json(await quotaByTerritory(c.get('ctx'), actorOf(c), id(c), valid<{ modelId?: string }>(c, 'query').modelId)),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/quota-plans/{id}/compare', ability: 'quota:plan', tag: 'quotas',
    summary: 'What changed between two versions: the target, each line whose quota differs (with its reason), the settings',
    params: IdParam, query: QuotaPlanCompareQuery, response: QuotaPlanComparison,
    handler: async (c) => {
      const q = valid<{ from: number; to: number }>(c, 'query');
      return c.json(await compareQuotaPlanVersions(c.get('ctx'), actorOf(c), id(c), q.from, q.to));
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/team-quotas', ability: 'quota:propose', tag: 'quotas',
    summary: 'The quota plans in which the calling manager has a team', response: z.object({ items: z.array(QuotaTeamSummary) }),
    handler: async (c) => c.json({ items: await listTeamQuotaPlans(c.get('ctx'), actorOf(c)) }),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/team-quotas/{id}', ability: 'quota:propose', tag: 'quotas',
    summary: "The manager's own line of a quota plan and her team's (never another team's), her proposals and whether she signed off the latest version",
    params: IdParam, response: QuotaTeamView,
    handler: async (c) => c.json(await getTeamQuotaPlan(c.get('ctx'), actorOf(c), id(c))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/team-quotas/{id}/proposals', ability: 'quota:propose', tag: 'quotas',
    summary: "A manager's numbers for lines of her team, each with a reason, and a comment (not on an approved plan)",
    params: IdParam, body: QuotaProposalBody, response: QuotaTeamView,
    handler: async (c) => c.json(await proposeQuotas(c.get('ctx'), actorOf(c), id(c), valid<QuotaProposalBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/team-quotas/{id}/sign-off', ability: 'quota:propose', tag: 'quotas',
    summary: "A manager signs off her team's numbers in the version in review, with a comment",
    params: IdParam, body: QuotaSignOffBody, response: QuotaTeamView,
    handler: async (c) => c.json(await signOffQuotaPlan(c.get('ctx'), actorOf(c), id(c), valid<QuotaSignOffBody>(c, 'json'))),
  });
}
