import { dataQuality, outputAnalytics } from '@attain/app';
import { formatMinorAsMajor } from '@attain/core';
import type { DataQualityWire, OutputAnalyticsWire, OutputFiguresWire } from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import { output } from '../runtime.js';
import { table } from './territory-format.js';
import { acting, asActor, whole, type ActingOptions } from './territory-options.js';

/*
 * `attain analytics output|quality`: a period's output for a team (or the organisation), the level
 * below it and a seller's deals; the CRM's data quality per person and the deals that fail (docs/analytics.md).
 */

const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
const times = (x: number | null) => (x === null ? '-' : `${x.toFixed(2)}x`);

export function formatOutput(a: OutputAnalyticsWire): string {
  const money = (m: string | null) => (m === null ? '-' : formatMinorAsMajor(BigInt(m), a.currency));
  const row = (name: string, f: OutputFiguresWire) => [name, money(f.bookingsMinor), String(f.bookingsCount), money(f.quotaMinor), pct(f.attainment), pct(f.winRateByCount), pct(f.winRateByValue),
    money(f.averageDealMinor), f.cycleMedianDays === null ? '-' : `${f.cycleMedianDays} d`, times(f.coverage), money(f.velocityPerDayMinor), f.productivityIndex === null ? '-' : f.productivityIndex.toFixed(2)];
  const d = a.distribution;
  return [
    `${a.periodKey} (${a.period.start}..${a.period.end}) as of ${a.asOf}, ${a.currency}: ${a.root.name}`,
    table(['', 'bookings', 'won', 'quota', 'attainment', 'win rate (#)', 'win rate ($)', 'avg deal', 'cycle', 'coverage', 'velocity/day', 'productivity'],
      [row(a.root.name, a.root.figures), ...a.children.map((c) => row(`  ${c.name}`, c.figures))], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    d.sellers === 0 ? 'no seller with a quota below' : `attainment of ${d.sellers} sellers with a quota: ${pct(d.atOrAbove)} at or above 100%; quartiles ${pct(d.p25)} / ${pct(d.p50)} / ${pct(d.p75)}`,
    ...(a.deals === null ? [] : [table(['deal', 'status', 'amount', 'created', 'close'], a.deals.map((x) => [x.name, x.status, money(x.amountMinor), x.createdOn, x.closeDate]), [2])]),
  ].join('\n');
}

const CHECKS = ['missing-fields', 'past-due', 'no-activity', 'pushed', 'lost-without-reason', 'duplicate'] as const;

export function formatQuality(q: DataQualityWire): string {
  const row = (name: string, t: DataQualityWire['root']['tally']) => [name, String(t.openDeals), t.openDeals === 0 ? '-' : `${((100 * t.clean) / t.openDeals).toFixed(0)}%`, ...CHECKS.map((c) => String(t.counts[c])), String(t.pushes)];
  return [
    `data quality as of ${q.asOf}: ${q.root.name} (no activity in ${q.staleDays} days; pushed ${q.pushLimit}+ times; lost since ${q.lostSince} without a reason)`,
    table(['', 'open', 'clean', ...CHECKS, 'pushes'], [row(q.root.name, q.root.tally), ...q.children.map((c) => row(`  ${c.name}`, c.tally))], [1, 2, 3, 4, 5, 6, 7, 8, 9]),
    `${q.issuesTotal} deals fail a check${q.issuesTotal > q.issues.length ? ` (the first ${q.issues.length} listed)` : ''}`,
    ...(q.issues.length === 0 ? [] : [table(['deal', 'owner', 'close', 'checks', 'missing'], q.issues.map((i) => [i.name, i.ownerName ?? '-', i.closeDate, i.checks.join(', '), i.missingFields.join(', ')]))]),
  ].join('\n');
}

export function registerAnalytics(program: Command): void {
  const analytics = program.command('analytics').description('output analytics: bookings, attainment, win rate, deal size, cycle, coverage, velocity and the fair productivity index');
  acting(analytics.command('output').description('a period\'s output for you (your team), a person in your reach, or the organisation, with the level below')
    .option('--period <period>', 'a fiscal quarter (FY2027-Q3) or year (FY2027); this quarter by default')
    .option('--person <who>', 'whose team (e-mail or id)'))
    .action((o: ActingOptions & { period?: string; person?: string }, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const personId = o.person === undefined ? undefined : await resolvePerson(rt, org, o.person);
      const a = await outputAnalytics(rt.ctx, actor, { ...(o.period ? { period: o.period } : {}), ...(personId ? { personId } : {}) });
      output(rt, a, () => formatOutput(a));
    }));

  acting(analytics.command('quality').description('the CRM\'s data quality for you (your team), a person in your reach, or the organisation: per person below, and the deals that fail a check')
    .option('--person <who>', 'whose team (e-mail or id)')
    .option('--stale-days <n>', 'no activity done in this many days (default 30)')
    .option('--push-limit <n>', 'close date pushed this many times or more (default 2)'))
    .action((o: ActingOptions & { person?: string; staleDays?: string; pushLimit?: string }, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const personId = o.person === undefined ? undefined : await resolvePerson(rt, org, o.person);
      const q = await dataQuality(rt.ctx, actor, {
        ...(personId ? { personId } : {}), ...(o.staleDays ? { staleDays: whole(o.staleDays, '--stale-days', 1, 365) } : {}), ...(o.pushLimit ? { pushLimit: whole(o.pushLimit, '--push-limit', 1, 20) } : {}),
      });
      output(rt, q, () => formatQuality(q));
    }));
}
