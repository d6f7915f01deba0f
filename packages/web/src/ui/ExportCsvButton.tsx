import { downloadCsv, tableCsv } from './table-csv.js';

/** "Export CSV" for a table on screen: the rows are built when clicked, formula-safe (table-csv.ts). */
export function ExportCsvButton({ fileName, head, rows, label = 'Export CSV' }: { fileName: string; head: readonly string[]; rows: () => readonly (readonly string[])[]; label?: string }) {
  return <button type="button" className="ghost" onClick={() => downloadCsv(fileName, tableCsv(head, rows()))}>{label}</button>;
}
