import { allocateQuotas } from '@attain/app';
import { formatMinorAsMajor, invalid, PERSON_KINDS, type PersonKind } from '@attain/core';
import type { QuotaAllocateBody, QuotaAllocation } from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import { output, runCommand, type GlobalOptions } from '../runtime.js';
import { amountOption } from './amount-option.js';
import { registerQuotaPlan } from './quota-plan.js';
import { table } from './territory-format.js';
import { acting, actorFor, whole, type ActingOptions } from './territory-options.js';

type AllocateOptions = ActingOptions & {
  year: string; target: string; historyWeight?: string; weight?: string; roles?: string; minGrowth?: string; maxGrowth?: string; override?: string[];
};

const isKind = (k: string): k is PersonKind => (PERSON_KINDS as readonly string[]).includes(k);

/** "am=0.8,ae=0.3": a history weight per role. */
function weightsOption(text: string): Partial<Record<PersonKind, string>> {
  return Object.fromEntries(text.split(',').map((part) => {
    const [role, weight] = part.split('=');
    if (!role || !isKind(role) || weight === undefined) throw invalid('--weight', `must be role=weight pairs, e.g. am=0.8,ae=0.3 (roles: ${PERSON_KINDS.join(', ')})`);
    return [role, weight];
  }));
}

const pct = (x: number | null) => (x === null ? '-' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`);

function diagnosticsLine(a: QuotaAllocation): string {
  const d = a.diagnostics;
  const share = d.shareAtQuota === null
    ? `at quota: not enough history to predict (${d.notEnoughHistory ?? ''})`
    : `predicted at or above quota: ${(100 * d.shareAtQuota.mean).toFixed(0)}% of ${d.shareAtQuota.sellers} sellers (P10-P90 ${(100 * d.shareAtQuota.p10).toFixed(0)}-${(100 * d.shareAtQuota.p90).toFixed(0)}%; healthy 55-70%)`;
  const potential = d.quotaPerPotential === null ? '' : `; quota per unit of potential: Gini ${d.quotaPerPotential.gini.toFixed(3)}`;
  const growth = d.totalOverBookings === null ? '' : `; the total is ${pct(d.totalOverBookings - 1)} over last year's bookings`;
  const ote = d.quotaToOte === null ? '' : `; quota to OTE: median ${d.quotaToOte.median.toFixed(1)}x (${d.quotaToOte.min.toFixed(1)}-${d.quotaToOte.max.toFixed(1)}x)`;
  return `${share}${potential}${growth}${ote}`;
}

export function formatAllocation(a: QuotaAllocation): string {
  const money = (minor: string) => formatMinorAsMajor(BigInt(minor), a.currency);
  return [
    `FY${a.fiscalYear}: ${money(a.totalMinor)} ${a.currency} to ${a.sellers.length} sellers (bookings from ${a.historyFrom} to ${a.historyTo})`,
    table(['seller', 'role', 'manager', 'bookings', 'potential', 'weight', 'share', 'quota', 'vs bookings', 'bound'],
      a.sellers.map((s) => [s.name, s.role, s.managerName ?? '-', money(s.historyMinor), money(s.potentialMinor), s.historyWeight, `${(100 * s.share).toFixed(1)}%`, money(s.quotaMinor), pct(s.growth),
        s.bound === null ? '' : s.bound === 'override' ? `override: ${s.reason ?? ''}` : s.bound]), [3, 4, 5, 6, 7, 8]),
    diagnosticsLine(a),
    'The cascade: each manager\'s sellers summed',
    table(['manager', 'sellers', 'bookings', 'quota'], a.managers.map((m) => [m.name, String(m.sellers), money(m.historyMinor), money(m.quotaMinor)]), [1, 2, 3]),
  ].join('\n');
}

/** `attain quota`: quota planning (docs/quotas.md). */
export function registerQuota(program: Command): void {
  const quota = program.command('quota').description('quota planning: the company number cascaded to the sellers');
  acting(quota
    .command('allocate')
    .description("cascade a fiscal year's company number to the sellers by last year's bookings and the potential they cover (a preview: nothing is written)")
    .requiredOption('--year <fiscal-year>', 'the fiscal year, named by the calendar year it ends in, e.g. 2027')
    .requiredOption('--target <amount>', 'the company number in the organisation currency, e.g. 12000000.00')
    .option('--history-weight <w>', 'how much last year\'s bookings count against potential, 0..1', '0.5')
    .option('--weight <role=w,...>', 'a history weight per role, e.g. am=0.8,ae=0.3')
    .option('--roles <roles>', 'the roles that carry quota, comma separated', 'ae,am')
    .option('--min-growth <g>', 'each quota at least last year\'s bookings x (1 + g), e.g. -0.1')
    .option('--max-growth <g>', 'each quota at most last year\'s bookings x (1 + g), e.g. 0.5')
    .option('--override <person=amount:reason>', 'a quota set by hand (e-mail or id), repeatable', (v: string, all: string[] = []) => [...all, v]))
    .action((o: AllocateOptions, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const { org, actor } = await actorFor(rt, o);
        const targetMinor = amountOption(o.target, '--target', org.defaultCurrency, `must be an amount in ${org.defaultCurrency}, e.g. 12000000.00`).toString();
        const roles = (o.roles ?? 'ae,am').split(',').map((r) => r.trim());
        const bad = roles.find((r) => !isKind(r));
        if (bad !== undefined) throw invalid('--roles', `"${bad}" is not a role (${PERSON_KINDS.join(', ')})`);
        const overrides = await Promise.all((o.override ?? []).map(async (text) => {
          const m = /^([^=]+)=([^:]+):(.+)$/.exec(text);
          if (!m) throw invalid('--override', 'must be person=amount:reason, e.g. rita@example.com=850000.00:new territory');
          const amountMinor = amountOption(m[2] as string, '--override', org.defaultCurrency, `"${m[2]}" is not an amount in ${org.defaultCurrency}`).toString();
          return { personId: await resolvePerson(rt, org, (m[1] as string).trim()), amountMinor, reason: (m[3] as string).trim() };
        }));
        const body: QuotaAllocateBody = {
          fiscalYear: whole(o.year, '--year', 2000, 2100), targetMinor, historyWeight: o.historyWeight ?? '0.5', roles: roles as PersonKind[], overrides,
          ...(o.weight === undefined ? {} : { weightsByRole: weightsOption(o.weight) }),
          ...(o.minGrowth === undefined ? {} : { minGrowth: o.minGrowth }),
          ...(o.maxGrowth === undefined ? {} : { maxGrowth: o.maxGrowth }),
        };
        const allocation = await allocateQuotas(rt.ctx, actor, body);
        output(rt, allocation, () => formatAllocation(allocation));
      }),
    );
  registerQuotaPlan(quota);
}
