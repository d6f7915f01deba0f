import { accountTerritoryHistory, archiveTerritoryModel, createTerritoryModel, getTerritoryModel, listTerritoryModels, repos, saveTerritoryModel, territoriesSupported, territoryMap } from '@attain/app';
import { formatMinorAsMajor, invalid } from '@attain/core';
import type { Command } from 'commander';
import { output, runCommand, type GlobalOptions } from '../runtime.js';
import { amountOption } from './amount-option.js';
import { formatHistory, formatModel, formatModels, summaryLine } from './territory-format.js';
import { acting, actorFor, readDefinitionFile, resolveModel, whole, type ActingOptions } from './territory-options.js';

/*
 * `attain territory models|show|create|save|archive|history|supported`: territory models as documents
 * (docs/territories.md). A <model> is its id, or its name when one model has it.
 */

/** `models`, `show`, `create` and `save`. */
export function registerTerritoryModels(territory: Command): void {
  acting(territory
    .command('models')
    .description('the territory models: planning, active and archived'))
    .action((o: ActingOptions, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const { actor } = await actorFor(rt, o);
        const models = await listTerritoryModels(rt.ctx, actor);
        output(rt, models, () => formatModels(models));
      }),
    );

  acting(territory
    .command('show')
    .description("a model and its territories: key, name, parent, level, owner, and the accounts and potential each holds on the model's date")
    .argument('<model>', 'model id or name'))
    .action((text: string, o: ActingOptions, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const { actor } = await actorFor(rt, o);
        const { id } = await resolveModel(rt, actor, text);
        const model = await getTerritoryModel(rt.ctx, actor, id);
        const map = await territoryMap(rt.ctx, actor, id);
        // The map's counties and account points are for drawing: the sums per territory are what a terminal shows.
        const sums = { currency: map.currency, territories: map.territories, accountsTotal: map.accountsTotal, unassigned: map.unassigned, balance: map.balance };
        output(rt, { ...model, map: sums }, () => formatModel(model, map));
      }),
    );

  acting(territory
    .command('create')
    .description('a new planning model: empty, from a definition file (JSON), or a copy of another model')
    .requiredOption('--name <name>', 'its name')
    .option('--file <file>', 'the definition (JSON, as `attain territory show --json` prints it or its `definition`)')
    .option('--copy-of <model>', 'copy this model (id or name)'))
    .action((o: ActingOptions & { name: string; file?: string; copyOf?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (o.file !== undefined && o.copyOf !== undefined) throw invalid('--copy-of', 'give --file or --copy-of, not both');
        const definition = o.file === undefined ? undefined : readDefinitionFile(o.file);
        const { actor } = await actorFor(rt, o);
        const copyOf = o.copyOf === undefined ? undefined : (await resolveModel(rt, actor, o.copyOf)).id;
        const created = await createTerritoryModel(rt.ctx, actor, { name: o.name, ...(definition === undefined ? {} : { definition }), ...(copyOf === undefined ? {} : { copyOf }) });
        output(rt, created, () => `created ${summaryLine(created)}`);
      }),
    );

  acting(territory
    .command('save')
    .description("save a planning model's definition from a file as its next version; each problem is named by its path (exit 3)")
    .argument('<model>', 'model id or name')
    .requiredOption('--file <file>', 'the definition (JSON, as `attain territory show --json` prints it or its `definition`)')
    .option('--name <name>', 'a new name (the current one otherwise)')
    .option('--base-version <n>', 'the version the file was edited from (the current one otherwise); a later save is a conflict'))
    .action((text: string, o: ActingOptions & { file: string; name?: string; baseVersion?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const definition = readDefinitionFile(o.file);
        const baseVersion = o.baseVersion === undefined ? undefined : whole(o.baseVersion, '--base-version', 1, 1_000_000);
        const { actor } = await actorFor(rt, o);
        const current = await resolveModel(rt, actor, text);
        const saved = await saveTerritoryModel(rt.ctx, actor, current.id, { name: o.name ?? current.name, definition, baseVersion: baseVersion ?? current.version });
        output(rt, saved, () => `saved ${summaryLine(saved)}`);
      }),
    );

}

/** `archive` and `history`, listed after the commands that plan and activate a model. */
export function registerTerritoryArchiveAndHistory(territory: Command): void {
  acting(territory
    .command('archive')
    .description('archive a planning model, or the active one (accounts stay where they are; no model places them from then on)')
    .argument('<model>', 'model id or name'))
    .action((text: string, o: ActingOptions, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const { actor } = await actorFor(rt, o);
        const archived = await archiveTerritoryModel(rt.ctx, actor, (await resolveModel(rt, actor, text)).id);
        output(rt, archived, () => `archived ${summaryLine(archived)}`);
      }),
    );

  acting(territory
    .command('history')
    .description("an account's territory and owner over time, one row per activation that changed them")
    .argument('<account-id>', 'the account'))
    .action((accountId: string, o: ActingOptions, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const { org, actor } = await actorFor(rt, o);
        const history = await accountTerritoryHistory(rt.ctx, actor, accountId);
        // Owners by name: the caller may read the account, and so who owns it.
        const people = await repos.person.getMany(rt.database.db, org.id, [...new Set(history.items.flatMap((r) => (r.ownerId === null ? [] : [r.ownerId])))]);
        output(rt, history, () => formatHistory(accountId, history, new Map([...people].map(([id, p]) => [id, p.name]))));
      }),
    );

  acting(territory
    .command('supported')
    .description('how many territories the market supports with at least this potential each (major units of the org currency)')
    .requiredOption('--minimum <amount>', 'the least potential a territory needs, e.g. 2500000.00'))
    .action((o: ActingOptions & { minimum: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const { org, actor } = await actorFor(rt, o);
        const minimumMinor = amountOption(o.minimum, '--minimum', org.defaultCurrency, `must be an amount in ${org.defaultCurrency}, e.g. 2500000.00`).toString();
        const r = await territoriesSupported(rt.ctx, actor, { minimumMinor });
        const money = (m: string) => `${formatMinorAsMajor(BigInt(m), r.currency)} ${r.currency}`;
        output(rt, r, () => r.territories === 0
          ? `The market (${money(r.totalMinor)} of potential) does not support one territory of ${money(r.minimumMinor)}.`
          : `${r.territories} territories of at least ${money(r.minimumMinor)} each: ${money(r.totalMinor)} of potential, the smallest ${money(r.smallestMinor as string)}, the largest ${money(r.largestMinor as string)}.`);
      }),
    );
}
