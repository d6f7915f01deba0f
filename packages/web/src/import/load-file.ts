import { CsvSyntaxError, previewCsv, type CsvPreview } from './csv-preview.js';

/** The API takes bodies up to 10 MB; bigger files go through the CLI, which streams them. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Rows shown as samples in the mapping step. */
const SAMPLE_ROWS = 5;

/** A file read in the browser: its text is previewed, sent, and searched for the rows the server names. */
export interface LoadedFile {
  readonly file: File;
  readonly text: string;
  readonly preview: CsvPreview;
}

export type LoadResult = { readonly ok: true; readonly loaded: LoadedFile } | { readonly ok: false; readonly message: string };

/** "2.4 MB", "812 KB", "93 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Reads a chosen file, or says why it cannot be imported here. */
export async function loadCsvFile(file: File, cliEntity: string): Promise<LoadResult> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `${file.name} is ${formatBytes(file.size)}; the web import takes files up to 10 MB. Import it with the command line instead: attain import ${cliEntity} ${file.name}`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `${file.name} could not be read. Choose it again.` };
  }
  try {
    const preview = previewCsv(text, SAMPLE_ROWS);
    if (preview.header.length === 0) return { ok: false, message: `${file.name} is empty: a CSV file starts with a header line naming its columns.` };
    return { ok: true, loaded: { file, text, preview } };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, message: `${file.name}: ${error.message}` };
    throw error;
  }
}
