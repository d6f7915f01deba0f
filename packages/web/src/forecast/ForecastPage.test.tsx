// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatisticalForecastWire } from '@attain/contract';
import { nextQuarter } from './ForecastPage.js';
import { RangeBand } from './RangeBand.js';
import { visibleRows } from './rollup-rows.js';
import { majorOf, tableCsv } from '../ui/table-csv.js';

afterEach(cleanup);

const forecast: StatisticalForecastWire = {
  periodKey: 'FY2027-Q4', period: { start: '2026-11-01', end: '2027-01-31' }, asOf: '2026-11-27', currency: 'USD',
  wonMinor: '74032760', openDeals: 528, baselineMinor: '240877780', notEnoughHistory: null,
  range: { p10: '182966900', p50: '214233680', p90: '248934280', expected: '215707341' },
};

describe('the forecast page', () => {
  it('names the quarter after this one', () => {
    expect([nextQuarter('FY2027-Q4'), nextQuarter('FY2027-Q1')]).toEqual(['FY2028-Q1', 'FY2027-Q2']);
  });

  it('draws P10 to P90 as a band on one scale with what is won and the baseline, and says it in words', () => {
    render(<RangeBand forecast={forecast} />);
    const band = screen.getByTestId('forecast-band');
    expect(band.getAttribute('aria-label')).toMatch(/^Won \$740\.3K; stage-weighted \$2\.4M; P10 \$1\.8M, P50 \$2\.1M, P90 \$2\.5M$/);
    const rect = screen.getByTestId('forecast-band-range');
    expect(Number(rect.getAttribute('width'))).toBeGreaterThan(0);
    expect(render(<RangeBand forecast={{ ...forecast, range: null }} />).container.innerHTML).toBe('');
  });
});

describe('the roll-up table and its export', () => {
  const row = (personId: string, depth: number) => ({ personId, depth });
  it('hides the team of a collapsed manager, and only hers', () => {
    const rows = [row('dir', 0), row('maria', 1), row('ray', 2), row('ann', 2), row('omar', 1), row('tim', 2)];
    expect(visibleRows(rows, new Set()).map((r) => r.personId)).toEqual(['dir', 'maria', 'ray', 'ann', 'omar', 'tim']);
    expect(visibleRows(rows, new Set(['maria'])).map((r) => r.personId)).toEqual(['dir', 'maria', 'omar', 'tim']);
    expect(visibleRows(rows, new Set(['dir', 'maria'])).map((r) => r.personId)).toEqual(['dir']);
  });

  it('writes CSV with quoting, keeps numbers as numbers and makes formulas inert', () => {
    expect(tableCsv(['person', 'amount'], [['=HYPERLINK("x")', '-1200.50'], ['Smith, Ann', '0.00']]))
      .toBe('person,amount\r\n"\'=HYPERLINK(""x"")",-1200.50\r\n"Smith, Ann",0.00\r\n');
  });

  it('marks the call on the same scale as the range', () => {
    render(<RangeBand forecast={forecast} call={{ commit: '200000000', bestCase: '260000000' }} />);
    expect(screen.getByTestId('forecast-band').getAttribute('aria-label')).toContain('called: commit $2.0M, best case $2.6M');
    expect(screen.getByTestId('forecast-band-commit')).toBeTruthy();
  });
});

describe('CSV cells of money', () => {
  it('writes minor units as the currency\'s plain decimal, and nothing for none', () => {
    expect([majorOf('123450', 'USD'), majorOf('-5', 'USD'), majorOf('7', 'JPY'), majorOf(null, 'USD')]).toEqual(['1234.50', '-0.05', '7', '']);
  });
});
