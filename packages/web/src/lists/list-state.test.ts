import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../entities/entity-meta.js';
import { apiQueryOf, nextSort, parseListState, serializeListState, sortDirectionOf } from './list-state.js';

const meta = ENTITIES.opportunities;

describe('list state in the address', () => {
  it('starts from the entity defaults', () => {
    expect(parseListState(meta, '')).toEqual({ q: '', sort: 'closeDate', columns: meta.defaultColumns, filters: {} });
    expect(serializeListState(meta, parseListState(meta, ''))).toBe('');
  });

  it('round-trips search, sort, columns and filters, dropping unknown columns', () => {
    const search = 'q=acme&sort=-amountMinor&cols=nextStep,amountMinor,bogus&ownerId=per_1&closeDate.gte=2027-01-01&utm_source=mail&limit=5&stageId.in=x';
    const state = parseListState(meta, search);
    expect(state).toEqual({
      q: 'acme', sort: '-amountMinor', columns: ['nextStep', 'amountMinor'], filters: { ownerId: 'per_1', 'closeDate.gte': '2027-01-01' },
    });
    expect(parseListState(meta, serializeListState(meta, state))).toEqual(state);
    expect(apiQueryOf(state)).toEqual({ ownerId: 'per_1', 'closeDate.gte': '2027-01-01', q: 'acme', sort: '-amountMinor' });
  });

  it('sorts ascending first, then descending', () => {
    expect(nextSort('closeDate', 'amountMinor')).toBe('amountMinor');
    expect(nextSort('amountMinor', 'amountMinor')).toBe('-amountMinor');
    expect(nextSort('-amountMinor', 'amountMinor')).toBe('amountMinor');
    expect(sortDirectionOf('-amountMinor', 'amountMinor')).toBe('descending');
    expect(sortDirectionOf('name', 'amountMinor')).toBe('none');
  });
});
