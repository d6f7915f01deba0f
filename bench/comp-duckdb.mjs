/*
 * The benchmark's AE plan in DuckDB SQL (used by bench/comp-throughput.mjs): the same data
 * in an in-memory table, aggregated per payee and quarter, marginal tiers on attainment
 * (0-100% at 5%, 100-150% at 8%, above at 10%, each slice rounded half-even), capped at
 * 2x the target incentive. No explanations. Two variants of the arithmetic:
 * - 'double': the sum is exact (BIGINT -> HUGEINT), the tiers in DOUBLE;
 * - 'decimal': the tiers in DECIMAL(18,0) x DECIMAL rates, exact like Attain.
 */
import { DuckDBInstance, dateValue } from '@duckdb/node-api';
import { CREDIT_TYPES, YEAR } from './comp-data.mjs';

const EPOCH_DAY_OF_YEAR_START = Date.UTC(YEAR, 0, 1) / 86_400_000;

export async function openDuckDB({ threads }) {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  await connection.run(`SET threads = ${threads}`);
  return { instance, connection };
}

/** Loads credits and quotas with the appender; returns the load time in ms. */
export async function loadDuckDB(connection, data) {
  const started = performance.now();
  await connection.run('CREATE OR REPLACE TABLE credits (payee INTEGER, credit_date DATE, credit_type VARCHAR, amount BIGINT)');
  await connection.run('CREATE OR REPLACE TABLE quotas (payee INTEGER, q INTEGER, quota BIGINT, ti BIGINT)');
  const dates = Array.from({ length: 365 }, (_, d) => dateValue(EPOCH_DAY_OF_YEAR_START + d));
  const credits = await connection.createAppender('credits');
  for (let i = 0; i < data.credits; i++) {
    credits.appendInteger(data.payee[i]);
    credits.appendDate(dates[data.day[i]]);
    credits.appendVarchar(CREDIT_TYPES[data.type[i]]);
    credits.appendBigInt(data.amount[i]);
    credits.endRow();
  }
  credits.closeSync();
  const quotas = await connection.createAppender('quotas');
  for (let pq = 0; pq < data.payees * 4; pq++) {
    quotas.appendInteger(Math.floor(pq / 4));
    quotas.appendInteger(pq % 4);
    quotas.appendBigInt(data.quota[pq]);
    quotas.appendBigInt(data.targetIncentive[pq]);
    quotas.endRow();
  }
  quotas.closeSync();
  return performance.now() - started;
}

const SQL = {
  double: `
    WITH m AS (
      SELECT payee, quarter(credit_date) - 1 AS q, sum(amount) AS v
      FROM credits WHERE credit_type = 'booking' GROUP BY ALL
    ), x AS (
      SELECT k.payee, k.q, greatest(coalesce(m.v, 0), 0)::DOUBLE AS v, k.quota::DOUBLE AS quota, k.ti
      FROM quotas k LEFT JOIN m USING (payee, q)
    )
    SELECT payee, q, least(
        round_even(least(v, quota) * 0.05, 0)
      + round_even(greatest(least(v, quota * 1.5) - quota, 0) * 0.08, 0)
      + round_even(greatest(v - quota * 1.5, 0) * 0.10, 0),
      2 * ti)::DOUBLE AS pay
    FROM x`,
  decimal: `
    WITH m AS (
      SELECT payee, quarter(credit_date) - 1 AS q, sum(amount) AS v
      FROM credits WHERE credit_type = 'booking' GROUP BY ALL
    ), x AS (
      SELECT k.payee, k.q, greatest(coalesce(m.v, 0), 0)::DECIMAL(18,0) AS v, k.quota::DECIMAL(18,0) AS quota, k.ti
      FROM quotas k LEFT JOIN m USING (payee, q)
    )
    SELECT payee, q, least(
        round_even(least(v, quota) * 0.05, 0)
      + round_even(greatest(least(v, quota * 1.5) - quota, 0) * 0.08, 0)
      + round_even(greatest(v - quota * 1.5, 0) * 0.10, 0),
      2 * ti)::BIGINT AS pay
    FROM x`,
};

/** Runs the plan; returns the query time in ms (including reading the 40,000 result rows) and pay per payee*4+quarter. */
export async function runDuckDBPlan(connection, data, variant) {
  const started = performance.now();
  const reader = await connection.runAndReadAll(SQL[variant]);
  const ms = performance.now() - started;
  const columns = reader.getColumns();
  const pay = new Float64Array(data.payees * 4);
  const [payee, q, amount] = columns;
  for (let r = 0; r < payee.length; r++) pay[payee[r] * 4 + q[r]] = Number(amount[r]);
  return { ms, pay };
}
