import { formatCount } from '../ui/format.js';
import { distinctHeaders, sharedTargets, type Choice, type Choices } from './column-choices.js';
import type { CsvRecord } from './csv-preview.js';
import type { ImportEntity } from './import-columns.js';
import { StepHeading } from './StepHeading.js';
import { TargetSelect } from './TargetSelect.js';

interface Props {
  readonly entity: ImportEntity;
  readonly header: readonly string[];
  readonly rows: readonly CsvRecord[];
  readonly choices: Choices;
  readonly defaults: Choices;
  /** Headers the preset or our column names know. */
  readonly known: ReadonlySet<string>;
  readonly focus: boolean;
  /** Why the mapping cannot be sent (too long for the API), if so. */
  readonly mappingError: string | null;
  readonly onChoose: (header: string, choice: Choice) => void;
  readonly onReset: () => void;
  readonly onBack: () => void;
  readonly onNext: () => void;
}

/** The first non-empty value of a column among the sample rows. */
function sampleOf(header: readonly string[], rows: readonly CsvRecord[], name: string): string {
  const index = header.indexOf(name);
  for (const row of rows) {
    const cell = row.cells[index];
    if (cell !== undefined && cell.trim() !== '') return cell;
  }
  return '';
}

/** Step 2: which native column each column of the file feeds. */
export function MappingStep({ entity, header, rows, choices, defaults, known, focus, mappingError, onChoose, onReset, onBack, onNext }: Props) {
  const headers = distinctHeaders(header);
  const shared = sharedTargets(header, choices);
  const imported = headers.filter((h) => choices[h]).length;
  const changed = headers.some((h) => (choices[h] ?? null) !== (defaults[h] ?? null));

  return (
    <section className="card import-step" aria-labelledby="import-step-title">
      <StepHeading id="import-step-title" focus={focus}>2. Map the columns</StepHeading>
      <p className="muted">
        {formatCount(imported)} of {formatCount(headers.length)} columns will be imported. Pre-filled from the source's column names; change any
        target, or skip a column.
      </p>
      <div className="table-wrap import-mapping">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Sample value</th>
              <th scope="col">Imports into</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((h, index) => {
              const choice = choices[h] ?? null;
              const others = choice ? (shared.get(choice) ?? []).filter((o) => o !== h) : [];
              const sample = sampleOf(header, rows, h);
              return (
                <tr key={`${index}-${h}`}>
                  <th scope="row">
                    {h === '' ? <span className="muted">(no header, column {header.indexOf(h) + 1})</span> : h}
                    {!known.has(h) && <> <span className="badge warn">not recognised</span></>}
                    {choice !== (defaults[h] ?? null) && <> <span className="badge">changed</span></>}
                  </th>
                  <td className="import-sample" title={sample}>{sample === '' ? <span className="muted">(empty)</span> : sample}</td>
                  <td>
                    <TargetSelect id={`import-target-${index}`} entity={entity} value={choice} label={`Import ${h === '' ? `column ${header.indexOf(h) + 1}` : h} into`} onChange={(c) => onChoose(h, c)} />
                    {others.length > 0 && <p className="muted small import-shared">Also fed by {others.join(', ')}: the first non-empty cell wins.</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {mappingError && <p role="alert" className="error">{mappingError}</p>}
      <div className="actions import-nav">
        <button type="button" onClick={onBack}>Back</button>
        <button type="button" className="ghost" onClick={onReset} disabled={!changed}>Reset to suggested</button>
        <button type="button" className="primary" onClick={onNext} disabled={imported === 0}>Next: check the file</button>
      </div>
    </section>
  );
}
