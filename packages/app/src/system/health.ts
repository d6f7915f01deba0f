import { sql } from 'kysely';
import type { AppContext } from '../context.js';

/** Whether the database answers; used by GET /api/v1/health and load balancers. */
export async function checkHealth(ctx: AppContext, version: string) {
  const db = await sql`select 1 as ok`.execute(ctx.database.db).then(
    () => 'ok' as const,
    () => 'down' as const,
  );
  return { status: db === 'ok' ? ('ok' as const) : ('degraded' as const), db, version, dialect: ctx.database.dialect };
}
