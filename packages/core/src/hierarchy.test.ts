import { describe, expect, it } from 'vitest';
import { managerOn, managersAbove, subtreeOn, wouldCreateCycle, type ReportingLine } from './hierarchy.js';

const lines: ReportingLine[] = [
  { personId: 'dir', managerId: 'vp', validFrom: '2020-01-01', validTo: null },
  { personId: 'mgr', managerId: 'dir', validFrom: '2020-01-01', validTo: null },
  { personId: 'rep', managerId: 'mgr', validFrom: '2021-01-01', validTo: '2026-07-01' },
  { personId: 'rep', managerId: 'mgr2', validFrom: '2026-07-01', validTo: null },
  { personId: 'mgr2', managerId: 'dir', validFrom: '2020-01-01', validTo: null },
];

describe('effective-dated hierarchy', () => {
  it('answers who managed whom on a date, with half-open ranges', () => {
    expect(managerOn(lines, 'rep', '2026-06-30')).toBe('mgr');
    expect(managerOn(lines, 'rep', '2026-07-01')).toBe('mgr2');
    expect(managerOn(lines, 'rep', '2020-06-01')).toBeNull();
  });

  it('rolls teams up through the levels as of the date', () => {
    expect(subtreeOn(lines, 'mgr', '2026-06-30')).toEqual(['mgr', 'rep']);
    expect(subtreeOn(lines, 'mgr', '2026-07-01')).toEqual(['mgr']);
    expect(subtreeOn(lines, 'dir', '2026-07-01').sort()).toEqual(['dir', 'mgr', 'mgr2', 'rep']);
    expect(managersAbove(lines, 'rep', '2026-08-01')).toEqual(['mgr2', 'dir', 'vp']);
  });

  it('detects cycles and survives cyclic data', () => {
    expect(wouldCreateCycle(lines, 'vp', 'rep', '2026-08-01')).toBe(true);
    expect(wouldCreateCycle(lines, 'rep', 'mgr', '2026-08-01')).toBe(false);
    const cyclic: ReportingLine[] = [
      { personId: 'a', managerId: 'b', validFrom: '2020-01-01', validTo: null },
      { personId: 'b', managerId: 'a', validFrom: '2020-01-01', validTo: null },
    ];
    expect(subtreeOn(cyclic, 'a', '2021-01-01')).toEqual(['a', 'b']);
    expect(managersAbove(cyclic, 'a', '2021-01-01')).toEqual(['b']);
  });
});
