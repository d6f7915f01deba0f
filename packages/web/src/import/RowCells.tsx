/** All cells of a bad row under their headers, the offending one marked: the context of a problem. */
export function RowCells({ header, cells, column, line }: { header: readonly string[]; cells: readonly string[]; column: number; line: number }) {
  const width = Math.max(header.length, cells.length);
  const indexes = Array.from({ length: width }, (_, i) => i);
  return (
    <div className="import-row-cells">
      <table aria-label={`Cells of line ${line}`}>
        <thead>
          <tr>{indexes.map((i) => <th key={i} scope="col">{header[i] || `column ${i + 1}`}</th>)}</tr>
        </thead>
        <tbody>
          <tr>
            {indexes.map((i) => {
              const cell = cells[i];
              const shown = cell === undefined ? <span className="muted">(missing)</span> : cell === '' ? <span className="muted">(empty)</span> : cell;
              return <td key={i} className={i === column ? 'offending' : undefined}>{i === column ? <mark>{shown}</mark> : shown}</td>;
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
