import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor } from '@attain/core';
import type { Tx } from '@attain/store';
import type { AppContext } from '../context.js';
import { parsePlanFile } from '../comp/plan-file.js';
import { withPlanVersion } from './plan-source-position.js';
import { insertPlan, insertPlanVersion } from './save-plan-version.js';

/*
 * The templates shipped in plans/templates. Resolved from this module's own location, which
 * sits at the same depth in src/ and dist/ (packages/app/{src,dist}/plans/), so seeding works
 * from the sources (tests, tsx) and from the build alike.
 */
const TEMPLATES_DIR = fileURLToPath(new URL('../../../../plans/templates/', import.meta.url));

/** The template files (name and text), by file name. */
export function planTemplates(): { file: string; source: string }[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, source: readFileSync(`${TEMPLATES_DIR}${file}`, 'utf8') }));
}

/**
 * Gives an organisation every template as a plan whose version 1 is published (the text's
 * `plan.version` set to 1, nothing else changed), inside the
 * caller's transaction (the demo seeder's). Each write is audited as the actor's.
 * Returns how many plans were written.
 */
export async function seedPlanTemplates(ctx: AppContext, tx: Tx, actor: Actor): Promise<number> {
  const templates = planTemplates();
  for (const template of templates) {
    // A template may carry its own revision number; in an organisation it starts as version 1.
    const source = withPlanVersion(template.source, 1);
    const parsed = parsePlanFile({ text: source });
    const plan = await insertPlan(ctx, tx, actor, parsed);
    await insertPlanVersion(ctx, tx, actor, { plan, parsed, source, status: 'published', action: 'comp_plan.version.publish' });
  }
  return templates.length;
}
