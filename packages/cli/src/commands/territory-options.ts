import { getTerritoryModel, listTerritoryModels } from '@attain/app';
import { DomainError, invalid, isCalendarDate, type Actor, type Organisation } from '@attain/core';
import type { TerritoryModelSummary } from '@attain/contract';
import type { Command } from 'commander';
import { readText } from '../files.js';
import { actAs } from '../lookup/act-as.js';
import { resolveOrg, runCommand, type GlobalOptions, type Runtime } from '../runtime.js';

/*
 * What the `attain territory` commands share: parsing their options, reading a model file, and
 * who and which model a command acts on.
 */

/** The one parser of the commands' whole numbers: digits only, within [min, max]. */
export const whole = (text: string, option: string, min: number, max: number): number => {
  if (!/^\d{1,7}$/.test(text) || Number(text) < min || Number(text) > max) throw invalid(option, `must be a whole number from ${min} to ${max}`);
  return Number(text);
};

/** A band such as 0.05 (+/-5%), within [min, max]. */
export const fraction = (text: string, option: string, min: number, max: number): number => {
  const value = Number(text);
  if (!/^0(\.\d{1,6})?$/.test(text) || value < min || value > max) throw invalid(option, `must be a fraction from ${min} to ${max}, e.g. 0.05`);
  return value;
};

export const calendarDate = (text: string, option: string): string => {
  if (!isCalendarDate(text)) throw invalid(option, 'must be a date YYYY-MM-DD');
  return text;
};

/**
 * A model definition file: JSON, at most 5 MB (a model of every US county in rules is about
 * 40 kB). What `attain territory show --json` prints is taken too: its `definition`.
 */
export function readDefinitionFile(file: string): unknown {
  const text = readText(file, '--file', 5_000_000);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError('validation_failed', `${file} is not JSON: ${(error as Error).message}`, [{ field: '--file', message: `${file} is not JSON` }]);
  }
  const wrapped = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'definition' in parsed && !('ownerRole' in parsed);
  return wrapped ? (parsed as { definition: unknown }).definition : parsed;
}

export interface ActingOptions {
  readonly as?: string;
  readonly org?: string;
}

/** `--as` and `--org`, as every model command takes them. */
export const acting = (c: Command): Command => c.option('--as <email>', 'act as this user (her role applies)').option('--org <org>', 'organisation id or name');

export async function actorFor(rt: Runtime, o: ActingOptions): Promise<{ org: Organisation; actor: Actor }> {
  const org = await resolveOrg(rt, o.org);
  return { org, actor: await actAs(rt, org, o.as) };
}

/** Runs `body` as the `--as` user of the `--org` organisation, as a command's action. */
export const asActor = (o: ActingOptions, command: Command, body: (rt: Runtime, org: Organisation, actor: Actor) => Promise<void>) =>
  runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
    const { org, actor } = await actorFor(rt, o);
    await body(rt, org, actor);
  });

/** A model by id, or by its name when exactly one model has it (ignoring case). */
export async function resolveModel(rt: Runtime, actor: Actor, text: string): Promise<TerritoryModelSummary> {
  const models = await listTerritoryModels(rt.ctx, actor);
  const byId = models.find((m) => m.id === text);
  if (byId) return byId;
  const named = models.filter((m) => m.name.toLowerCase() === text.trim().toLowerCase());
  if (named.length > 1) throw invalid('<model>', `${named.length} models are named "${text}": give the id (${named.map((m) => m.id).join(', ')})`);
  if (named[0]) return named[0];
  // As the use case reports it (404).
  return getTerritoryModel(rt.ctx, actor, text);
}
