#!/usr/bin/env node
import { Command } from 'commander';
import { registerAdmin } from './commands/admin.js';
import { registerAssignment } from './commands/assignment.js';
import { registerCalc } from './commands/calc.js';
import { registerCoverage } from './commands/coverage.js';
import { registerForecast } from './commands/forecast.js';
import { registerAnalytics } from './commands/analytics.js';
import { registerQuota } from './commands/quota.js';
import { registerTerritory } from './commands/territory.js';
import { registerPeriod } from './commands/period.js';
import { registerDispute } from './commands/dispute.js';
import { registerCapitalization } from './commands/capitalization.js';
import { registerImportExport } from './commands/import-export.js';
import { registerPlan } from './commands/plan.js';
import { registerPlanVersions } from './commands/plan-versions.js';
import { registerSeed } from './commands/seed.js';
import { registerServe } from './commands/serve.js';
import { registerTransaction } from './commands/transaction.js';
import { registerWhatIf } from './commands/what-if.js';
import { EXIT } from './runtime.js';
import { VERSION } from './version.js';

const program = new Command('attain')
  .description('Attain: sales performance management. Every command takes --db (or DATABASE_URL) and --json.')
  .version(VERSION)
  .option('--db <url>', 'database: a SQLite file path or postgres://... (default: DATABASE_URL, ATTAIN_DB, ./data/attain.db)')
  .option('--json', 'print machine-readable JSON')
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  });

registerServe(program);
registerAdmin(program);
registerSeed(program);
registerImportExport(program);
registerPlan(program);
registerPlanVersions(program);
registerAssignment(program);
registerCalc(program);
registerPeriod(program);
registerCoverage(program);
registerTerritory(program);
registerQuota(program);
registerForecast(program);
registerAnalytics(program);
registerDispute(program);
registerCapitalization(program);
registerTransaction(program);
registerWhatIf(program);

await program.parseAsync(process.argv);
