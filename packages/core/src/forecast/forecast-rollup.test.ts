import { describe, expect, it } from 'vitest';
import { cumulative, ownPipelines, rollUpForecast, rollUpTerritories, EMPTY_PIPELINE, type ForecastNode } from './forecast-rollup.js';
import type { DealState } from './pipeline-replay.js';

const Q = { start: '2026-02-01', end: '2026-04-30' };
const deal = (ownerId: string, amount: bigint, closeDate: string, forecastCategory: string, state: 'open' | 'won' | 'lost' = 'open'): DealState => ({
  id: `${ownerId}-${amount}-${closeDate}`, ownerId, stageId: state, amountMinor: amount, closeDate, closed: state !== 'open', won: state === 'won',
  probabilityBps: 5000, forecastCategory, pushes: 0, createdAt: '2026-01-01T00:00:00Z',
});
const node = (personId: string, managerId: string | null, own = EMPTY_PIPELINE, extra: Partial<ForecastNode> = {}): ForecastNode =>
  ({ personId, managerId, own, call: {}, adjustment: {}, quotaMinor: null, ...extra });

describe('own pipelines by forecast category', () => {
  it('counts deals won in the period as closed, open ones by their category, and leaves out lost, omitted and other periods', () => {
    const pipes = ownPipelines([
      deal('ann', 100n, '2026-02-10', 'closed', 'won'),
      deal('ann', 200n, '2026-03-01', 'commit'),
      deal('ann', 300n, '2026-04-30', 'best_case'),
      deal('ann', 400n, '2026-04-01', 'pipeline'),
      deal('ann', 500n, '2026-04-01', 'omitted'),
      deal('ann', 600n, '2026-03-01', 'commit', 'lost'),
      deal('ann', 700n, '2026-05-01', 'commit'),
      deal('bob', 50n, '2026-02-01', 'closed', 'won'),
    ], Q);
    expect(pipes.get('ann')).toEqual({ closedMinor: 100n, commitMinor: 200n, bestCaseMinor: 300n, pipelineMinor: 400n });
    expect(pipes.get('bob')).toEqual({ closedMinor: 50n, commitMinor: 0n, bestCaseMinor: 0n, pipelineMinor: 0n });
    // Commit includes what is closed; best case includes commit; the open pipeline is every open deal not omitted.
    expect(cumulative(pipes.get('ann') ?? EMPTY_PIPELINE)).toEqual({ closed: 100n, commit: 300n, bestCase: 600n, open: 900n });
  });
});

describe('the forecast roll-up', () => {
  const own = (closed: bigint, commit: bigint, best: bigint) => ({ closedMinor: closed, commitMinor: commit, bestCaseMinor: best, pipelineMinor: 0n });

  it('sums each report\'s forecast (adjustment, else call, else what her deals say) into her manager\'s roll-up', () => {
    const rows = rollUpForecast([
      node('dir', null, EMPTY_PIPELINE, { quotaMinor: null }),
      node('maria', 'dir', EMPTY_PIPELINE, { call: { commit: 2_000n }, quotaMinor: null }),
      node('ray', 'maria', own(500n, 300n, 200n), { call: { commit: 700n, 'best-case': 1_200n }, quotaMinor: 1_000n }),
      node('sam', 'maria', own(100n, 100n, 100n), { call: { commit: 150n }, adjustment: { commit: 120n }, quotaMinor: 800n }),
      node('tia', 'maria', own(0n, 400n, 0n), { quotaMinor: 600n }),
    ], ['dir']);
    expect(rows.map((r) => [r.personId, r.depth])).toEqual([['dir', 0], ['maria', 1], ['ray', 2], ['sam', 2], ['tia', 2]]);
    const [dir, maria, ray, sam, tia] = rows;
    expect(ray?.forecast).toEqual({ commit: 700n, 'best-case': 1_200n });
    expect(sam?.forecast).toEqual({ commit: 120n, 'best-case': 300n }); // Maria's adjustment wins over Sam's call
    expect(tia?.forecast).toEqual({ commit: 400n, 'best-case': 400n }); // no call: her deals
    expect(maria?.rolledUp).toEqual({ commit: 700n + 120n + 400n, 'best-case': 1_200n + 300n + 400n });
    expect(maria?.forecast).toEqual({ commit: 2_000n, 'best-case': 1_900n });
    expect(maria?.pipeline).toEqual({ closed: 600n, commit: 600n + 400n + 400n, bestCase: 1_000n + 200n + 100n + 400n, open: 300n + 200n + 100n + 100n + 400n });
    expect(dir?.rolledUp).toEqual({ commit: 2_000n, 'best-case': 1_900n });
    expect(maria?.quotaMinor).toBe(2_400n);
    expect(dir?.quotaMinor).toBe(2_400n);
    expect(maria?.childIds).toEqual(['ray', 'sam', 'tia']);
  });

  it('keeps a manager\'s own quota and deals, counts a person reached twice once, and shows only the roots asked for', () => {
    const nodes = [
      node('m', null, own(10n, 0n, 0n), { quotaMinor: 5_000n }),
      node('a', 'm', own(1n, 0n, 0n), { quotaMinor: 100n }),
      node('b', 'a', own(2n, 0n, 0n)),
      node('a2', 'b', own(4n, 0n, 0n)),
    ];
    const rows = rollUpForecast([...nodes, { ...(nodes[1] as ForecastNode), managerId: 'b' }], ['m']);
    expect(rows[0]?.quotaMinor).toBe(5_000n);
    expect(rows[0]?.rolledUp.commit).toBe(17n);
    expect(rows.map((r) => r.personId)).toEqual(['m', 'a', 'b', 'a2']);
    expect(rollUpForecast(nodes, ['b']).map((r) => r.personId)).toEqual(['b', 'a2']);
    expect(rollUpForecast(nodes, ['nobody'])).toEqual([]);
  });
});

describe('the roll-up by territory hierarchy', () => {
  it('counts each deal in its territory and sums the territories up their parents', () => {
    const deals = [
      deal('ann', 100n, '2026-03-01', 'commit'), deal('ann', 50n, '2026-02-10', 'closed', 'won'), deal('bob', 70n, '2026-03-01', 'best_case'), deal('cy', 9n, '2026-03-01', 'commit'),
    ].map((d, i) => ({ ...d, territoryId: ['north-1', 'north-1', 'north-2', null][i] ?? null }));
    const own = ownPipelines(deals, Q, (d) => d.territoryId);
    expect(own.get('north-1')).toEqual({ closedMinor: 50n, commitMinor: 100n, bestCaseMinor: 0n, pipelineMinor: 0n });
    const rows = rollUpTerritories([
      { key: 'north', parent: null, ownerId: 'dir', own: EMPTY_PIPELINE },
      { key: 'north-1', parent: 'north', ownerId: 'ann', own: own.get('north-1') ?? EMPTY_PIPELINE },
      { key: 'north-2', parent: 'north', ownerId: 'bob', own: own.get('north-2') ?? EMPTY_PIPELINE },
      { key: 'lost', parent: 'gone', ownerId: null, own: EMPTY_PIPELINE },
    ]);
    expect(rows.map((r) => [r.key, r.depth])).toEqual([['north', 0], ['north-1', 1], ['north-2', 1], ['lost', 0]]);
    expect(rows[0]?.pipeline).toEqual({ closed: 50n, commit: 150n, bestCase: 220n, open: 170n });
  });
});
