import type { CreditingRule } from '@attain/core';

/**
 * The organisation's crediting rules (docs/pay-cycle.md, "Crediting in a run"): which credit
 * types each transaction kind earns, and to whom. The owner (or the deal's splits) is credited
 * by kind; every manager above her on the transaction date gets a team credit of the same
 * amount. Imported kinds (invoice, payment) earn a credit type of their own name.
 */
export const DEFAULT_CREDITING_RULES: readonly CreditingRule[] = [
  { name: 'owner-booking', creditType: 'booking', filters: { kinds: ['new-business', 'expansion'] }, source: { type: 'owner' } },
  { name: 'owner-renewal', creditType: 'renewal', filters: { kinds: ['renewal'] }, source: { type: 'owner' } },
  { name: 'owner-expansion', creditType: 'expansion', filters: { kinds: ['expansion'] }, source: { type: 'owner' } },
  { name: 'owner-invoice', creditType: 'invoice', filters: { kinds: ['invoice'] }, source: { type: 'owner' } },
  { name: 'owner-payment', creditType: 'payment', filters: { kinds: ['payment'] }, source: { type: 'owner' } },
  { name: 'team-booking', creditType: 'team-booking', source: { type: 'rollup', of: ['owner-booking', 'owner-renewal'], levels: 'all' } },
  // A new logo: a won deal of type new business, counted against an assignment's new-logos quota.
  { name: 'owner-new-logo', creditType: 'new-logo', filters: { kinds: ['new-business'] }, source: { type: 'owner' } },
  // ACV: a won new or expansion deal's annual contract value (a three-year deal credits a third), against an assignment's ACV quota.
  { name: 'owner-acv', creditType: 'acv', filters: { kinds: ['new-business', 'expansion'] }, source: { type: 'owner' }, basis: 'acv' },
];

/**
 * Credit types made only when a plan of the run measures them: a new logo or an ACV credit is also a booking, and
 * crediting every new-business deal twice for plans that never count logos would double a large
 * run's credits and list each deal twice on statements.
 */
const WHEN_MEASURED: ReadonlySet<string> = new Set(['new-logo', 'acv']);

/** The rules of a run whose plans measure these credit types. */
export const creditingRulesFor = (measured: ReadonlySet<string>): CreditingRule[] =>
  DEFAULT_CREDITING_RULES.filter((r) => !WHEN_MEASURED.has(r.creditType) || measured.has(r.creditType));
