import { executeCalcRun, getStatement, listCalcRuns, listPeriods, listStatements, presentRun, startCalcRun, statementCsv, verifyCalcRun } from '@attain/app';
import { formatMinorAsMajor, invalid, type Actor } from '@attain/core';
import type { CalcRunItem, StatementWire } from '@attain/contract';
import type { CalcRunVerification } from '@attain/app';
import type { Command } from 'commander';
import { actAs } from '../lookup/act-as.js';
import { resolvePerson } from '../lookup/resolve-person.js';
import { phasedBar } from '../progress-bar.js';
import { cliActor, EXIT, output, resolveOrg, runCommand, type GlobalOptions, type Runtime } from '../runtime.js';

const money = (minor: string | null, currency: string): string => (minor === null ? '-' : `${formatMinorAsMajor(BigInt(minor), currency)} ${currency}`);

const describeRun = (r: CalcRunItem): string =>
  `${r.id}  ${r.periodKey}  ${r.kind}  ${r.status}  ${r.payeeCount ?? r.progressTotal} payees  payout ${money(r.payoutMinor, r.currency)}  ${r.startedAt}${r.error ? `  error: ${r.error}` : ''}`;

function describeVerification(v: CalcRunVerification): string {
  return [
    `${v.ok ? 'verified' : 'MISMATCH'}: run ${v.runId} (${v.periodKey}), ${v.payees} payees recomputed`,
    `  inputs  ${v.inputsHash.recomputed}${v.inputsHash.stored === v.inputsHash.recomputed ? '' : ` (stored ${v.inputsHash.stored})`}`,
    `  outputs ${v.outputsHash.recomputed}${v.outputsHash.stored === v.outputsHash.recomputed ? '' : ` (stored ${v.outputsHash.stored})`}`,
    ...(v.mismatches.length ? [`  payees differing: ${v.mismatches.join(', ')}`] : []),
  ].join('\n');
}

function describeStatement(s: StatementWire): string {
  const m = (minor: string | undefined) => (minor === undefined ? '' : money(minor, s.currency));
  return [
    `${s.personName}, ${s.periodKey} (${s.period.from}..${s.period.to}, ${s.period.status}), run ${s.run.id}`,
    `  earned ${m(s.earnedMinor)}; calculated payout ${m(s.payoutMinor)}; posted to the period ${m(s.postedMinor)}`,
    ...s.plans.flatMap((p) => [
      `plan ${p.planName} v${p.planVersion}:`,
      ...p.terms.steps.map((x) => `  ${x}`),
      ...p.explanation.map((r) => `  ${r.componentName} ${r.step}${r.tier === undefined ? '' : ` tier ${r.tier}`}${r.rate ? ` at ${r.rate}` : ''}${r.attainment ? ` attainment ${r.attainment}` : ''}${r.acted ? ` (${r.acted})` : ''}${r.amountMinor === undefined ? '' : `: ${m(r.amountMinor)}`}`),
    ]),
    `credits (${s.credits.length}):`,
    ...s.credits.map((c) => `  ${c.date} ${c.creditType} ${m(c.amountMinor)} from ${c.transactionId}${c.via ? ` via ${c.via}` : ''}`),
    'ledger:',
    ...s.ledger.map((e) => `  ${e.type}${e.componentId ? ` ${e.componentId}` : ''} ${m(e.amountMinor)}: ${e.reason}`),
  ].join('\n');
}

/** The published runs of the organisation's closed periods, oldest first. */
async function publishedRunsOfClosedPeriods(rt: Runtime, actor: Actor): Promise<string[]> {
  const closed = new Set((await listPeriods(rt.ctx, actor)).filter((p) => p.status === 'closed').map((p) => p.key));
  return (await listCalcRuns(rt.ctx, actor)).filter((r) => r.status === 'published' && closed.has(r.periodKey)).map((r) => r.id).reverse();
}

export function registerCalc(program: Command): void {
  const calc = program.command('calc').description('calc runs: calculate a pay period, verify a run, list runs');
  calc
    .command('run')
    .description('calculate a pay period for every payee and publish it (all or nothing)')
    .requiredOption('--period <period>', 'a fiscal quarter or month of the organisation: 2026-Q3, 2026-M07')
    .option('--as <email>', 'act as this user (she becomes the preparer, who may not approve)')
    .option('--org <org>', 'organisation id or name')
    .action((o: { period: string; org?: string; as?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const actor = await actAs(rt, org, o.as);
        const started = await startCalcRun(rt.ctx, actor, { period: o.period });
        const bar = phasedBar(!rt.json);
        try {
          const run = presentRun(await executeCalcRun(rt.ctx, actor, started.id, (done, total) => bar.update({ phase: 'calc payees', done, total })));
          bar.stop();
          output(rt, run, () => `published ${describeRun(run)}\n  inputs  ${run.inputsHash}\n  outputs ${run.outputsHash}`);
        } finally {
          bar.stop();
        }
      }),
    );
  calc
    .command('verify')
    .description('recompute published runs from their frozen inputs and compare every hash (exit 5 on a mismatch)')
    .argument('[run]', 'run id')
    .option('--closed', 'every published run of every closed period')
    .option('--org <org>', 'organisation id or name')
    .action((runId: string | undefined, o: { org?: string; closed?: boolean }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const actor = cliActor(await resolveOrg(rt, o.org));
        if (runId === undefined && !o.closed) throw invalid('run', 'name a run, or verify --closed');
        const ids = runId !== undefined ? [runId] : await publishedRunsOfClosedPeriods(rt, actor);
        const results: CalcRunVerification[] = [];
        for (const id of ids) results.push(await verifyCalcRun(rt.ctx, actor, id));
        const ok = results.every((v) => v.ok);
        output(rt, runId !== undefined ? results[0] : { ok, runs: results }, () => (results.length ? results.map(describeVerification).join('\n') : 'no closed period has a published run'));
        return ok ? EXIT.ok : EXIT.verificationFailed;
      }),
    );
  calc
    .command('list')
    .description('calc runs, latest first')
    .option('--period <period>', 'only this period')
    .option('--org <org>', 'organisation id or name')
    .action((o: { period?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const items = await listCalcRuns(rt.ctx, cliActor(await resolveOrg(rt, o.org)), o.period === undefined ? {} : { period: o.period });
        output(rt, { items }, () => (items.length ? items.map(describeRun).join('\n') : 'no runs'));
      }),
    );

  const statement = program.command('statement').description("payees' statements: what a period pays and why");
  statement
    .command('list')
    .description("a period's statements")
    .requiredOption('--period <period>', '2026-Q3, 2026-M07')
    .option('--org <org>', 'organisation id or name')
    .action((o: { period: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const items = await listStatements(rt.ctx, cliActor(await resolveOrg(rt, o.org)), { period: o.period });
        output(rt, { items }, () => (items.length ? items.map((s) => `${s.personId}  ${s.personName}  earned ${money(s.earnedMinor, s.currency)}  payout ${money(s.payoutMinor, s.currency)}`).join('\n') : 'no statements'));
      }),
    );
  statement
    .command('show')
    .description("a payee's statement: plan terms, every earning line explained, credits, ledger")
    .requiredOption('--person <email|id>', 'the payee')
    .requiredOption('--period <period>', '2026-Q3, 2026-M07')
    .option('--csv', 'print it as CSV (one row per fact)')
    .option('--org <org>', 'organisation id or name')
    .action((o: { person: string; period: string; csv?: boolean; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const s = await getStatement(rt.ctx, cliActor(org), { personId: await resolvePerson(rt, org, o.person), period: o.period });
        if (o.csv) process.stdout.write(statementCsv(s));
        else output(rt, s, () => describeStatement(s));
      }),
    );
}
