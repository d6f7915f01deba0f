import { allocateQuotas } from '@attain/app';
import { formatMinorAsMajor, measureName } from '@attain/core';
import type { QuotaAllocation } from '@attain/contract';
import type { Command } from 'commander';
import { output } from '../runtime.js';
import { allocationBody, allocationOptions, quotaIn, unitName, type AllocationOptions } from './quota-options.js';
import { registerQuotaPlan } from './quota-plan.js';
import { registerQuotaTeam } from './quota-team.js';
import { table } from './territory-format.js';
import { acting, asActor, type ActingOptions } from './territory-options.js';

type AllocateOptions = ActingOptions & AllocationOptions;

const pct = (x: number | null) => (x === null ? '-' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`);

function diagnosticsLine(a: QuotaAllocation): string {
  const d = a.diagnostics;
  const share = d.shareAtQuota === null
    ? `at quota: not enough history to predict (${d.notEnoughHistory ?? ''})`
    : `predicted at or above quota: ${(100 * d.shareAtQuota.mean).toFixed(0)}% of ${d.shareAtQuota.sellers} sellers (P10-P90 ${(100 * d.shareAtQuota.p10).toFixed(0)}-${(100 * d.shareAtQuota.p90).toFixed(0)}%; healthy 55-70%)`;
  const potential = d.quotaPerPotential === null ? '' : `; quota per unit of potential: Gini ${d.quotaPerPotential.gini.toFixed(3)}`;
  const growth = d.totalOverBookings === null ? '' : `; the total is ${pct(d.totalOverBookings - 1)} over last year's ${measureName(a.measure)}`;
  const ote = d.quotaToOte === null ? '' : `; quota to OTE: median ${d.quotaToOte.median.toFixed(1)}x (${d.quotaToOte.min.toFixed(1)}-${d.quotaToOte.max.toFixed(1)}x)`;
  return `${share}${potential}${growth}${ote}`;
}

/** Allocated over territories: each territory's part, and what no seller carries. */
function territoryLines(a: QuotaAllocation): string[] {
  if (a.basis !== 'territories') return [];
  const quota = quotaIn(a);
  const money = (minor: string) => formatMinorAsMajor(BigInt(minor), a.currency);
  const history = measureName(a.measure);
  return [
    `By the territories of ${a.territoryModel?.name ?? ''}; ${quota(a.vacantMinor)} ${unitName(a)} in territories no seller owns`,
    table(['territory', 'owner', 'accounts', history, 'potential', 'weight', 'share', 'quota', 'bound'],
      a.territories.map((t) => [t.name, t.ownerId === null ? `(no seller${t.ownerName ? `: ${t.ownerName}` : ''})` : (t.ownerName ?? ''), String(t.accounts), quota(t.historyMinor), money(t.potentialMinor),
        t.historyWeight, `${(100 * t.share).toFixed(1)}%`, quota(t.quotaMinor), t.bound ?? '']), [2, 3, 4, 5, 6, 7]),
  ];
}

export function formatAllocation(a: QuotaAllocation): string {
  const money = (minor: string) => formatMinorAsMajor(BigInt(minor), a.currency);
  const quota = quotaIn(a);
  const history = measureName(a.measure);
  return [
    `FY${a.fiscalYear}: ${quota(a.totalMinor)} ${unitName(a)} to ${a.sellers.length} sellers (${history} from ${a.historyFrom} to ${a.historyTo})`,
    table(['seller', 'role', 'manager', history, 'potential', 'weight', 'share', 'quota', `vs ${history}`, 'bound'],
      a.sellers.map((s) => [s.name, s.role, s.managerName ?? '-', quota(s.historyMinor), money(s.potentialMinor), s.historyWeight, `${(100 * s.share).toFixed(1)}%`, quota(s.quotaMinor), pct(s.growth),
        s.bound === null ? '' : s.bound === 'override' ? `override: ${s.reason ?? ''}` : s.bound]), [3, 4, 5, 6, 7, 8]),
    ...territoryLines(a),
    diagnosticsLine(a),
    'The cascade: each manager\'s sellers summed',
    table(['manager', 'sellers', history, 'quota'], a.managers.map((m) => [m.name, String(m.sellers), quota(m.historyMinor), quota(m.quotaMinor)]), [1, 2, 3]),
  ].join('\n');
}

/** `attain quota`: quota planning (docs/quotas.md). */
export function registerQuota(program: Command): void {
  const quota = program.command('quota').description('quota planning: the company number cascaded to the sellers');
  acting(allocationOptions(quota
    .command('allocate')
    .description("cascade a fiscal year's company number to the sellers by last year's bookings and the potential they cover (a preview: nothing is written)")))
    .action((o: AllocateOptions, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const allocation = await allocateQuotas(rt.ctx, actor, await allocationBody(rt, org, actor, o));
      output(rt, allocation, () => formatAllocation(allocation));
    }));
  registerQuotaPlan(quota);
  registerQuotaTeam(quota);
}
