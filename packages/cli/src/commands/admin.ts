import { createOrganisation, createUser, verifyAuditLog } from '@attain/app';
import { isRole, invalid } from '@attain/core';
import type { Command } from 'commander';
import { migrateToLatest, migrationStatus, openDatabase } from '@attain/store';
import { cliActor, databaseUrl, EXIT, output, reportError, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

export function registerAdmin(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (refuses a database with an unknown history)')
    .action(async (_o: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const database = openDatabase(databaseUrl(globals));
      try {
        const report = await migrateToLatest(database.db);
        const status = await migrationStatus(database.db);
        output({ json: globals.json ?? false }, { dialect: database.dialect, applied: report.applied, migrations: status }, () =>
          [`${database.dialect} ${database.location}`, ...status.map((m) => `  ${m.executedAt ? 'applied' : 'pending'}  ${m.name}${report.applied.includes(m.name) ? '  (now)' : ''}`)].join('\n'),
        );
      } catch (error) {
        process.exitCode = reportError(error, globals.json ?? false);
      } finally {
        await database.close();
      }
    });

  const org = program.command('org').description('organisations');
  org
    .command('create')
    .description('create an organisation with a default pipeline')
    .requiredOption('--name <name>', 'organisation name')
    .option('--fiscal-year-start <month>', 'first month of the fiscal year, 1-12', '1')
    .option('--currency <code>', 'default currency', 'USD')
    .action(async (o: { name: string; fiscalYearStart: string; currency: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const created = await createOrganisation(rt.ctx, { name: o.name, fiscalYearStartMonth: Number(o.fiscalYearStart), defaultCurrency: o.currency });
        output(rt, created, () => `created organisation ${created.name} (${created.id})`);
      }),
    );

  const users = program.command('users').description('users and logins');
  users
    .command('create')
    .description('create a user who can sign in')
    .requiredOption('--email <email>', 'login e-mail')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'admin, sales_ops, finance, manager or rep')
    .requiredOption('--password <password>', 'at least 12 characters (or ATTAIN_PASSWORD)')
    .option('--person <id>', 'the person in the sales org this user is')
    .option('--org <org>', 'organisation id or name')
    .action(async (o: { email: string; name: string; role: string; password: string; person?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (!isRole(o.role)) throw invalid('--role', 'must be admin, sales_ops, finance, manager or rep');
        if (o.password.length < 12) throw invalid('--password', 'must have at least 12 characters');
        const target = await resolveOrg(rt, o.org);
        const user = await createUser(rt.ctx, cliActor(target), { email: o.email, name: o.name, role: o.role, personId: o.person ?? null, password: o.password });
        output(rt, user, () => `created ${user.role} ${user.email} (${user.id}) in ${target.name}`);
      }),
    );

  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check that no audit entry was changed, removed or reordered')
    .option('--org <org>', 'organisation id or name (default: every organisation)')
    .action(async (o: { org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const { orgRepo } = await import('@attain/store');
        const orgs = o.org ? [await resolveOrg(rt, o.org)] : await orgRepo.list(rt.database.db);
        const results: ({ org: string; orgId: string } & Awaited<ReturnType<typeof verifyAuditLog>>)[] = [];
        for (const each of orgs) results.push({ org: each.name, orgId: each.id, ...(await verifyAuditLog(rt.ctx, each.id)) });
        output(rt, results, () =>
          results.map((r) => (r.ok ? `ok       ${r.org}: ${r.checked} entries, chain intact` : `BROKEN   ${r.org}: entry ${r.brokenAt} (${r.reason}) after ${r.checked} good entries`)).join('\n'),
        );
        return results.every((r) => r.ok) ? EXIT.ok : EXIT.verificationFailed;
      }),
    );
}
