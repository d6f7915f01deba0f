import { describe, expect, it } from 'vitest';
// Test-only: the wizard's copy of the column lists, and its reading of the presets, must match what the server maps.
import { CSV_ENTITIES, CSV_SPECS, IMPORT_PRESETS, mapColumns, nativeColumns, presetFor } from '@attain/app';
import { defaultChoice } from './column-choices.js';
import { IMPORT_ENTITIES, nativeColumnsOf } from './import-columns.js';
import { IMPORT_SOURCES } from './import-presets.js';

describe('the import wizard and the server agree', () => {
  it('on entities and sources', () => {
    expect([...IMPORT_ENTITIES]).toEqual([...CSV_ENTITIES]);
    expect([...IMPORT_SOURCES]).toEqual([...IMPORT_PRESETS]);
  });

  it.each(CSV_ENTITIES)('on the native columns of %s', (entity) => {
    const server = nativeColumns(CSV_SPECS[entity]);
    const web = nativeColumnsOf(entity);
    expect([...web.keys()].sort()).toEqual([...server.keys()].sort());
    for (const [column, target] of server) expect(web.get(column), column).toBe(target === 'ignored' ? 'ignored' : 'imported');
  });

  it.each(CSV_ENTITIES.flatMap((entity) => IMPORT_PRESETS.map((preset) => [entity, preset] as const)))('on the %s columns of the %s preset', (entity, preset) => {
    // Every header the preset knows, and every native name, maps to the same column by default.
    const headers = [...Object.keys(presetFor(preset, entity).columns), ...nativeColumns(CSV_SPECS[entity]).keys()];
    const mapping = mapColumns(CSV_SPECS[entity], headers, presetFor(preset, entity));
    for (const column of mapping.columns) expect(defaultChoice(entity, preset, column.header).choice, column.header).toBe(column.native);
  });
});
