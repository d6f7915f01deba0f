import { IMPORT_PRESETS, type ImportPreset } from '@attain/core';

/*
 * The source systems a file may come from. Their column presets are core's
 * (`presetFor`), the same the server applies, so the mapping step pre-fills exactly what
 * the import will do.
 */

export const IMPORT_SOURCES = IMPORT_PRESETS;
export type ImportSource = ImportPreset;

export const SOURCE_LABELS: Readonly<Record<ImportSource, string>> = {
  native: 'Attain CSV',
  salesforce: 'Salesforce report export',
  hubspot: 'HubSpot export',
};
