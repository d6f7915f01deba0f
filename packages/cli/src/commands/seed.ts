import { DEMO_PASSWORD, seedDemo, type DemoSize } from '@attain/app';
import { invalid } from '@attain/core';
import { refreshStatistics } from '@attain/store';
import type { Command } from 'commander';
import { output, runCommand, type GlobalOptions, type Runtime } from '../runtime.js';
import { phasedBar } from '../progress-bar.js';

const SIZES: readonly DemoSize[] = ['small', 'medium', 'large'];

/** Seeds the small demo organisation; used by `serve` on an empty database. */
export async function ensureDemo(rt: Runtime) {
  const result = await seedDemo(rt.ctx, { size: 'small', seed: 1 });
  return { ...result, password: DEMO_PASSWORD };
}

export function registerSeed(program: Command): void {
  const seed = program.command('seed').description('generate data');
  seed
    .command('demo')
    .description('generate a realistic demo organisation, deterministic by seed')
    .option('--size <size>', 'small (the demo, seconds), medium, or large (about 100k accounts and 1M opportunities)', 'small')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '1')
    .option('--org-name <name>', 'name of the organisation to create')
    .action(async (o: { size: string; seed: string; orgName?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await runCommand(globals, async (rt) => {
        if (!SIZES.includes(o.size as DemoSize)) throw invalid('--size', 'must be small, medium or large');
        if (!/^\d+$/.test(o.seed)) throw invalid('--seed', 'must be a whole number');
        const bar = phasedBar(!rt.json);
        const result = await seedDemo(rt.ctx, {
          size: o.size as DemoSize,
          seed: Number(o.seed),
          ...(o.orgName ? { orgName: o.orgName } : {}),
          onProgress: bar.update,
        }).finally(() => bar.stop());
        await refreshStatistics(rt.database.db);
        output(rt, { org: result.org, counts: result.counts, logins: result.logins }, () =>
          [
            `seeded "${result.org.name}" (${result.org.id})`,
            ...Object.entries(result.counts).map(([k, v]) => `  ${k.padEnd(22)} ${v}`),
            `demo logins (password "${DEMO_PASSWORD}"): ${result.logins.map((l) => l.email).join(', ')}`,
          ].join('\n'),
        );
      });
    });
}
