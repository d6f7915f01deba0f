import { describe, expect, it } from 'vitest';
import { Rng } from './prng.js';
import { FiscalCalendar, dayOf, instantAt, weekday, workday } from './timeline.js';

describe('the demo PRNG', () => {
  it('repeats its sequence for the same key and differs for another', () => {
    const draw = (key: string) => Array.from({ length: 5 }, (() => { const r = new Rng(key); return () => r.next(); })());
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('forks streams that do not depend on how much of the parent was used', () => {
    const a = new Rng('root');
    const b = new Rng('root');
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('keeps integers in their bounds and hits both ends', () => {
    const r = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('draws Poisson counts with about the right mean', () => {
    const r = new Rng(2);
    let sum = 0;
    for (let i = 0; i < 5000; i++) sum += r.poisson(3.5);
    expect(sum / 5000).toBeGreaterThan(3.3);
    expect(sum / 5000).toBeLessThan(3.7);
  });
});

describe('the demo timeline', () => {
  it('writes instants from days, minutes and seconds', () => {
    expect(instantAt(dayOf('2026-02-01'), 14 * 60, 61)).toBe('2026-02-01T14:01:01.000Z');
    expect(instantAt(dayOf('2026-02-01'), 23 * 60 + 59, 120)).toBe('2026-02-02T00:01:00.000Z');
  });

  it('moves weekend days to the Friday before', () => {
    const saturday = dayOf('2026-11-28');
    expect(weekday(saturday)).toBe(6);
    expect(workday(saturday)).toBe(dayOf('2026-11-27'));
    expect(workday(saturday + 1)).toBe(dayOf('2026-11-27'));
  });

  it('knows fiscal quarter ends of a year starting in February', () => {
    const calendar = new FiscalCalendar(2);
    expect(calendar.quarterEnd(dayOf('2026-11-10'))).toBe(dayOf('2027-01-31'));
    expect(calendar.isFourthQuarter(dayOf('2026-12-01'))).toBe(true);
    expect(calendar.isFourthQuarter(dayOf('2026-02-01'))).toBe(false);
    expect(calendar.fiscalYear(dayOf('2026-02-01'))).toBe(2027);
  });
});
