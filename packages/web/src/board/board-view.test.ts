import { describe, expect, it } from 'vitest';
import { boardViewSearch, changeBoardView, parseBoardView } from './board-view.js';

describe('board view in the URL', () => {
  it('defaults to this quarter of the default pipeline, and writes nothing for it', () => {
    expect(parseBoardView('')).toEqual({ period: 'quarter' });
    expect(boardViewSearch({ period: 'quarter' })).toBe('');
  });

  it('round-trips every field', () => {
    const search = 'pipeline=pip_2&owner=per_4&team=tea_1&period=custom&from=2027-01-01&to=2027-03-31';
    const view = parseBoardView(`?${search}`);
    expect(view).toEqual({ pipelineId: 'pip_2', ownerId: 'per_4', teamId: 'tea_1', period: 'custom', from: '2027-01-01', to: '2027-03-31' });
    expect(boardViewSearch(view)).toBe(search);
  });

  it('ignores an unknown period and custom dates of a preset', () => {
    expect(parseBoardView('period=decade&from=2027-01-01')).toEqual({ period: 'quarter' });
    expect(parseBoardView('period=year&from=2027-01-01&to=2027-02-01')).toEqual({ period: 'year' });
  });

  it('changes and clears fields', () => {
    const view = parseBoardView('owner=per_4&period=custom&from=2027-01-01');
    expect(changeBoardView(view, { ownerId: '' })).toEqual({ period: 'custom', from: '2027-01-01' });
    expect(changeBoardView(view, { period: 'all' })).toEqual({ ownerId: 'per_4', period: 'all' });
    expect(changeBoardView(view, { teamId: 'tea_9', to: '2027-06-30' })).toEqual({ ownerId: 'per_4', teamId: 'tea_9', period: 'custom', from: '2027-01-01', to: '2027-06-30' });
  });
});
