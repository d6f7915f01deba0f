import { describe, expect, it } from 'vitest';
import { defaultChoice, defaultChoices, MAX_MAPPING_CHARS, mappingParam, sharedTargets } from './column-choices.js';
import { targetGroups } from './import-columns.js';

describe('defaultChoice', () => {
  it('maps native names exactly and case-insensitively', () => {
    expect(defaultChoice('accounts', 'native', 'employees')).toEqual({ choice: 'employees', known: true });
    expect(defaultChoice('accounts', 'native', ' OwnerEmail ')).toEqual({ choice: 'ownerEmail', known: true });
  });

  it('maps preset headers first, then native names', () => {
    expect(defaultChoice('accounts', 'salesforce', 'Account Name').choice).toBe('name');
    expect(defaultChoice('accounts', 'salesforce', 'account owner').choice).toBe('owner');
    expect(defaultChoice('accounts', 'salesforce', 'Id').choice).toBe('externalId');
    expect(defaultChoice('accounts', 'native', 'Id').choice).toBe('id');
    expect(defaultChoice('opportunities', 'hubspot', 'Deal Stage').choice).toBe('stageName');
  });

  it('skips unknown headers (the server would warn) and our export-only columns (silently)', () => {
    expect(defaultChoice('accounts', 'native', 'Account Name')).toEqual({ choice: null, known: false });
    expect(defaultChoice('accounts', 'native', 'createdAt')).toEqual({ choice: null, known: true });
  });
});

describe('targetGroups', () => {
  it('offers fields, relation columns by what the target can be found by, and our id', () => {
    const columns = targetGroups('contacts').flatMap((g) => g.options.map((o) => o.column));
    expect(columns).toEqual([
      'externalId', 'firstName', 'lastName', 'email', 'phone', 'title',
      'accountId', 'accountExternalId', 'accountName', 'account', 'ownerId', 'ownerExternalId', 'ownerEmail', 'ownerName', 'owner', 'id',
    ]);
  });
});

describe('mappingParam', () => {
  const header = ['Firma', 'name', 'Notiz', 'name'];
  const defaults = defaultChoices('accounts', 'native', header);

  it('names every distinct header with its choice', () => {
    const choices = { ...defaults, Firma: 'parentName' };
    expect(JSON.parse(mappingParam(header, choices, defaults) ?? '')).toEqual({ Firma: 'parentName', name: 'name', Notiz: null });
  });

  it('falls back to the changed columns when the whole mapping is too long, and to null when even they are', () => {
    const long = Array.from({ length: 900 }, (_, i) => `a rather long source column header number ${i}`);
    const longDefaults = defaultChoices('accounts', 'native', long);
    const oneChange = { ...longDefaults, [long[3] as string]: 'name' };
    expect(JSON.parse(mappingParam(long, oneChange, longDefaults) ?? '')).toEqual({ [long[3] as string]: 'name' });
    const allChanged = Object.fromEntries(long.map((h) => [h, 'industry']));
    const param = mappingParam(long, allChanged, longDefaults);
    expect(param).toBeNull();
    expect(JSON.stringify(allChanged).length).toBeGreaterThan(MAX_MAPPING_CHARS);
  });
});

describe('sharedTargets', () => {
  it('names the headers that feed one column', () => {
    const header = ['Account Currency', 'Annual Revenue Currency', 'Account Name'];
    const shared = sharedTargets(header, defaultChoices('accounts', 'salesforce', header));
    expect([...shared]).toEqual([['currency', ['Account Currency', 'Annual Revenue Currency']]]);
  });
});
