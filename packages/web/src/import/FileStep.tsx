import { ENTITIES } from '../entities/entity-meta.js';
import { formatCount } from '../ui/format.js';
import { FilePicker } from './FilePicker.js';
import { IMPORT_ENTITIES, type ImportEntity } from './import-columns.js';
import { IMPORT_SOURCES, SOURCE_LABELS, type ImportSource } from './import-presets.js';
import { formatBytes, type LoadedFile } from './load-file.js';
import { StepHeading } from './StepHeading.js';

const SOURCE_HINTS: Readonly<Record<ImportSource, string>> = {
  native: 'Columns named as Attain exports them (name, ownerEmail, externalId…).',
  salesforce: 'A report or list view exported from Salesforce, or a Data Loader file; the report footer is ignored.',
  hubspot: 'An object export from HubSpot (companies, contacts, deals…).',
};

interface Props {
  readonly entity: ImportEntity;
  readonly source: ImportSource;
  readonly loaded: LoadedFile | null;
  readonly error: string | null;
  readonly reading: boolean;
  readonly focus: boolean;
  readonly onEntity: (entity: ImportEntity) => void;
  readonly onSource: (source: ImportSource) => void;
  readonly onFile: (file: File) => void;
  readonly onNext: () => void;
}

/** Step 1: what the file holds, where it comes from, and the file itself. */
export function FileStep({ entity, source, loaded, error, reading, focus, onEntity, onSource, onFile, onNext }: Props) {
  return (
    <section className="card import-step" aria-labelledby="import-step-title">
      <StepHeading id="import-step-title" focus={focus}>1. Choose the file</StepHeading>
      <div className="import-file-grid">
        <div className="field">
          <label htmlFor="import-entity">Records to import</label>
          <select id="import-entity" value={entity} onChange={(e) => onEntity(e.target.value as ImportEntity)}>
            {IMPORT_ENTITIES.map((key) => <option key={key} value={key}>{ENTITIES[key].plural}</option>)}
          </select>
        </div>
        <fieldset className="import-sources">
          <legend>Source of the file</legend>
          {IMPORT_SOURCES.map((key) => (
            <label key={key} className="import-source">
              <input type="radio" name="import-source" value={key} checked={source === key} onChange={() => onSource(key)} />
              <span><strong>{SOURCE_LABELS[key]}</strong><span className="muted small"> {SOURCE_HINTS[key]}</span></span>
            </label>
          ))}
        </fieldset>
      </div>
      <FilePicker onFile={onFile} busy={reading} />
      <div className="import-file-status" aria-live="polite">
        {reading && <p className="muted">Reading the file…</p>}
        {!reading && error && <p role="alert" className="error">{error}</p>}
        {!reading && !error && loaded && (
          <p data-testid="loaded-file">
            <strong>{loaded.file.name}</strong> <span className="muted">· {formatBytes(loaded.file.size)} · {formatCount(loaded.preview.header.length)} columns</span>
          </p>
        )}
      </div>
      <div className="actions import-nav">
        <button type="button" className="primary" onClick={onNext} disabled={!loaded || reading || error !== null}>Next: map columns</button>
      </div>
    </section>
  );
}
