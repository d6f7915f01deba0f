import { outputAnalytics } from '@attain/app';
import { formatMinorAsMajor } from '@attain/core';
import type { OutputAnalyticsWire, OutputFiguresWire } from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import { output } from '../runtime.js';
import { table } from './territory-format.js';
import { acting, asActor, type ActingOptions } from './territory-options.js';

/* `attain analytics output`: a period's output for a team (or the organisation), the level below it and a seller's deals (docs/analytics.md). */

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
}
