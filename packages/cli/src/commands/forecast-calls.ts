import { adjustForecast, forecastRollup, forecastRollupRange, forecastTerritoryRollup, listForecastCalls, submitForecastCall, takeForecastSnapshot } from '@attain/app';
import { formatMinorAsMajor, invalid } from '@attain/core';
import type { ForecastCallItem, ForecastRollupRangeWire, ForecastRollupWire, ForecastTerritoryRollupWire } from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import { output } from '../runtime.js';
import { amountOption } from './amount-option.js';
import { table } from './territory-format.js';
import { acting, asActor, calendarDate, type ActingOptions } from './territory-options.js';

/*
 * `attain forecast rollup|call|adjust|calls|snapshot`: forecast calls and their roll-up up the
 * reporting hierarchy, with managers' adjustments, quotas and the statistical range beside
 * (docs/forecasting.md#calls-and-the-roll-up).
 */

type CallOptions = ActingOptions & { period: string; commit?: string; bestCase?: string };

/** The categories given as options, in the organisation's currency; at least one. */
function amountsOf(o: CallOptions, currency: string): { category: 'commit' | 'best-case'; amountMinor: string }[] {
  const out: { category: 'commit' | 'best-case'; amountMinor: string }[] = [];
  if (o.commit !== undefined) out.push({ category: 'commit', amountMinor: String(amountOption(o.commit, '--commit', currency)) });
  if (o.bestCase !== undefined) out.push({ category: 'best-case', amountMinor: String(amountOption(o.bestCase, '--best-case', currency)) });
  if (out.length === 0) throw invalid('--commit', 'give --commit, --best-case or both (amounts such as 1400000.00)');
  return out;
}

export function formatRollup(r: ForecastRollupWire, range: ForecastRollupRangeWire): string {
  const money = (m: string | null) => (m === null ? '-' : formatMinorAsMajor(BigInt(m), r.currency));
  const s = range.statistical;
  return [
    `${r.periodKey} (${r.period.start}..${r.period.end}) ${r.snapshot === null ? `as of ${r.asOf}` : `as the snapshot of ${r.snapshot} kept it`}, ${r.currency}; cumulative: commit includes closed, best case includes commit`,
    table(['person', 'quota', 'closed', 'commit (deals)', 'best case (deals)', 'call', 'adjusted', 'forecast commit', 'forecast best case'],
      r.rows.map((x) => [`${'  '.repeat(x.depth)}${x.name}`, money(x.quotaMinor), money(x.pipeline.closed), money(x.pipeline.commit), money(x.pipeline.bestCase),
        money(x.call.commit), money(x.adjustment.commit), money(x.forecast.commit), money(x.forecast.bestCase)]), [1, 2, 3, 4, 5, 6, 7, 8]),
    s === null ? 'statistical forecast: none (the quarter had ended)'
      : s.range === null ? `statistical forecast: ${s.notEnoughHistory}`
        : `statistical forecast of the same deals: P10 ${money(s.range.p10)}   P50 ${money(s.range.p50)}   P90 ${money(s.range.p90)}   (stage-weighted ${money(s.baselineMinor)})`,
  ].join('\n');
}

export function formatTerritoryRollup(r: ForecastTerritoryRollupWire): string {
  const money = (m: string | null) => (m === null ? '-' : formatMinorAsMajor(BigInt(m), r.currency));
  if (r.model === null) return `${r.periodKey}: no territory model is active (attain territory activate); the roll-up by people is \`attain forecast rollup\``;
  return [
    `${r.periodKey} (${r.period.start}..${r.period.end}) as of ${r.asOf}, ${r.currency}, by the territories of "${r.model.name}"`,
    table(['territory', 'level', 'owner', 'quota', 'closed', 'commit (deals)', 'best case (deals)', 'open pipeline', 'owner\'s forecast commit'],
      r.rows.map((x) => [`${'  '.repeat(x.depth)}${x.name}`, x.level, x.ownerName ?? '-', money(x.quotaMinor), money(x.pipeline.closed), money(x.pipeline.commit), money(x.pipeline.bestCase), money(x.pipeline.open), money(x.ownerForecast?.commit ?? null)]),
      [3, 4, 5, 6, 7, 8]),
    `in no territory: closed ${money(r.outside.closed)}, open ${money(r.outside.open)}`,
  ].join('\n');
}

const formatCalls = (items: readonly ForecastCallItem[]) => items.length === 0 ? 'no calls yet' : table(['when', 'person', 'by', 'kind', 'category', 'amount', 'note'],
  items.map((c) => [c.createdAt.slice(0, 16).replace('T', ' '), c.personName, c.byPersonName, c.kind, c.category, formatMinorAsMajor(BigInt(c.amountMinor), c.currency), c.note]), [5]);

export function registerForecastCalls(forecast: Command): void {
  acting(forecast.command('rollup').description('a quarter\'s calls rolled up the reporting hierarchy under you (or a person in your reach), with adjustments, quotas and the statistical range')
    .option('--period <quarter>', 'a fiscal quarter such as FY2027-Q4 (this one by default)')
    .option('--person <who>', 'the person at the top (e-mail or id)')
    .option('--snapshot <date>', 'the roll-up as the weekly snapshot of that day kept it')
    .option('--by <hierarchy>', 'people (the reporting hierarchy, default) or territory (the active territory model\'s, live)', 'people'))
    .action((o: ActingOptions & { period?: string; person?: string; snapshot?: string; by: string }, command: Command) => asActor(o, command, async (rt, org, actor) => {
      if (o.by !== 'people' && o.by !== 'territory') throw invalid('--by', 'must be people or territory');
      if (o.by === 'territory') {
        const t = await forecastTerritoryRollup(rt.ctx, actor, o.period ? { period: o.period } : {});
        return output(rt, t, () => formatTerritoryRollup(t));
      }
      const personId = o.person === undefined ? undefined : await resolvePerson(rt, org, o.person);
      const input = { ...(o.period ? { period: o.period } : {}), ...(personId ? { personId } : {}), ...(o.snapshot ? { snapshot: calendarDate(o.snapshot, '--snapshot') } : {}) };
      const [r, range] = [await forecastRollup(rt.ctx, actor, input), await forecastRollupRange(rt.ctx, actor, input)];
      output(rt, { ...r, statistical: range.statistical }, () => formatRollup(r, range));
    }));

  acting(forecast.command('call').description('your own call for a quarter that has not ended: commit and/or best case, cumulative, in the organisation\'s currency')
    .requiredOption('--period <quarter>', 'a fiscal quarter such as FY2027-Q4')
    .option('--commit <amount>', 'what you will close, including what is closed, e.g. 1400000.00')
    .option('--best-case <amount>', 'what you could close, including commit')
    .option('--note <text>', 'what it rests on', ''))
    .action((o: CallOptions & { note: string }, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const made: ForecastCallItem[] = [];
      for (const a of amountsOf(o, org.defaultCurrency)) made.push(await submitForecastCall(rt.ctx, actor, { period: o.period, ...a, note: o.note }));
      output(rt, made, () => formatCalls(made));
    }));

  acting(forecast.command('adjust').description('adjust a direct report\'s call, with the reason: it counts in your roll-up, she keeps her own')
    .requiredOption('--period <quarter>', 'a fiscal quarter such as FY2027-Q4')
    .requiredOption('--person <who>', 'your direct report (e-mail or id)')
    .option('--commit <amount>', 'her commit as you call it')
    .option('--best-case <amount>', 'her best case as you call it')
    .requiredOption('--reason <text>', 'why'))
    .action((o: CallOptions & { person: string; reason: string }, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const personId = await resolvePerson(rt, org, o.person);
      const made: ForecastCallItem[] = [];
      for (const a of amountsOf(o, org.defaultCurrency)) made.push(await adjustForecast(rt.ctx, actor, { period: o.period, personId, ...a, reason: o.reason }));
      output(rt, made, () => formatCalls(made));
    }));

  acting(forecast.command('calls').description('the calls and adjustments of a quarter you may see, latest first')
    .option('--period <quarter>', 'a fiscal quarter (this one by default)')
    .option('--person <who>', 'only hers'))
    .action((o: ActingOptions & { period?: string; person?: string }, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const personId = o.person === undefined ? undefined : await resolvePerson(rt, org, o.person);
      const items = await listForecastCalls(rt.ctx, actor, { ...(o.period ? { period: o.period } : {}), ...(personId ? { personId } : {}) });
      output(rt, items, () => formatCalls(items));
    }));

  acting(forecast.command('snapshot').description('take the roll-up\'s snapshot of a day (today by default) for this quarter and the next; the server takes Mondays by itself')
    .option('--date <date>', 'a past day, as it stood at its start'))
    .action((o: ActingOptions & { date?: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const r = await takeForecastSnapshot(rt.ctx, actor, o.date ? { date: calendarDate(o.date, '--date') } : {});
      output(rt, r, () => `snapshot of ${r.takenOn}: ${r.periods.map((p) => `${p.periodKey} (${p.people} people)`).join(', ')}`);
    }));
}
