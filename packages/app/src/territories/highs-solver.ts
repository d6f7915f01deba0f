import { lpText, type MipModel, type MipSolution, type MipSolver } from '@attain/core';
import highsModule from 'highs';

/*
 * HiGHS (compiled to WebAssembly, the `highs` package) behind core's solver interface. The model
 * goes over as CPLEX LP text; a solve blocks the thread it runs on, so it is for checks and
 * benchmarks, not for a request's path.
 */

// The package's types describe its CommonJS build, where the loader is `default`; imported as an
// ES module, the loader is the default export itself.
const highsLoader = highsModule as unknown as typeof highsModule.default;
type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loading: Promise<Highs> | undefined;

const STATUS: Record<string, MipSolution['status']> = { Optimal: 'optimal', Infeasible: 'infeasible', 'Time limit reached': 'limit' };

export function highsSolver(): MipSolver {
  return {
    async solve(model: MipModel, limits: { readonly seconds: number }): Promise<MipSolution> {
      loading ??= highsLoader();
      const highs = await loading;
      const result = highs.solve(lpText(model), { time_limit: limits.seconds, mip_rel_gap: 0, output_flag: false });
      const values = new Map(Object.entries(result.Columns).map(([name, column]) => [name, (column as { Primal: number }).Primal]));
      return { status: STATUS[result.Status] ?? 'other', objective: result.ObjectiveValue, values };
    },
  };
}
