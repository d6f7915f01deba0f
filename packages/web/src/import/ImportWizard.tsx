import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ENTITIES } from '../entities/entity-meta.js';
import { useSession } from '../session/SessionProvider.js';
import { defaultChoice, defaultChoices, distinctHeaders, mappingParam, type Choice, type Choices } from './column-choices.js';
import { CommitStep } from './CommitStep.js';
import { DryRunStep } from './DryRunStep.js';
import { FileStep } from './FileStep.js';
import { runImport } from './import-api.js';
import type { ImportEntity } from './import-columns.js';
import type { ImportSource } from './import-presets.js';
import { loadCsvFile, type LoadedFile } from './load-file.js';
import { MappingStep } from './MappingStep.js';
import { asApiError, IDLE, type RunState } from './run-state.js';
import { StepList } from './StepList.js';

const NO_HEADER: readonly string[] = [];

/**
 * The import wizard: file, mapping, dry run, import. The server does all the checking; the
 * browser reads the file only to show its columns and, after a dry run, the bad rows.
 * Changing what was checked (entity, source, file, mapping) means checking again: the
 * import step is reached only from a clean dry run of exactly what will be sent.
 */
export function ImportWizard() {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [entity, setEntity] = useState<ImportEntity>('accounts');
  const [source, setSource] = useState<ImportSource>('native');
  const [loaded, setLoaded] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  /** The user's changes to the suggested mapping, by header. */
  const [overrides, setOverrides] = useState<Choices>({});
  const [step, setStep] = useState(0);
  const [moved, setMoved] = useState(false);
  const [dry, setDry] = useState<RunState>(IDLE);
  const [commit, setCommit] = useState<RunState>(IDLE);
  const running = useRef<AbortController | null>(null);
  const reads = useRef(0);

  useEffect(() => () => running.current?.abort(), []);

  const header = loaded?.preview.header ?? NO_HEADER;
  const defaults = useMemo(() => defaultChoices(entity, source, header), [entity, source, header]);
  const known = useMemo(() => new Set(distinctHeaders(header).filter((h) => defaultChoice(entity, source, h).known)), [entity, source, header]);
  const choices = useMemo<Choices>(
    () => ({ ...defaults, ...Object.fromEntries(Object.entries(overrides).filter(([h]) => h in defaults)) }),
    [defaults, overrides],
  );
  const mapping = mappingParam(header, choices, defaults);

  const go = (next: number) => {
    running.current?.abort();
    if (next < 3) setCommit(IDLE);
    if (next < 2) setDry(IDLE);
    setStep(next);
    setMoved(true);
  };

  const start = (dryRun: boolean) => {
    if (!loaded || mapping === null) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const set = dryRun ? setDry : setCommit;
    const live = () => !controller.signal.aborted;
    set({ status: 'running', progress: null });
    runImport({
      entity, source, dryRun, mapping, body: loaded.text, signal: controller.signal,
      onProgress: (progress) => live() && set({ status: 'running', progress }),
    }).then(
      (report) => {
        if (!live()) return;
        set({ status: 'done', report });
        // Lists, records and counts may all show imported rows now.
        if (!dryRun) void queryClient.invalidateQueries();
      },
      (error: unknown) => live() && set({ status: 'failed', error: asApiError(error) }),
    );
  };

  const chooseFile = async (file: File) => {
    const read = ++reads.current;
    setReading(true);
    const result = await loadCsvFile(file, entity);
    if (read !== reads.current) return;
    setReading(false);
    setDry(IDLE);
    setCommit(IDLE);
    setLoaded(result.ok ? result.loaded : null);
    setFileError(result.ok ? null : result.message);
  };

  const changeTarget = (entityOrSource: { entity?: ImportEntity; source?: ImportSource }) => {
    // Targets differ per entity and suggestions per source: start the mapping afresh.
    if (entityOrSource.entity) setEntity(entityOrSource.entity);
    if (entityOrSource.source) setSource(entityOrSource.source);
    setOverrides({});
  };

  const startOver = () => {
    setLoaded(null);
    setFileError(null);
    setOverrides({});
    go(0);
  };

  return (
    <div className="import-wizard">
      <StepList current={step} finished={step === 3 && commit.status === 'done'} />
      {step === 0 && (
        <FileStep
          entity={entity} source={source} loaded={loaded} error={fileError} reading={reading} focus={moved}
          onEntity={(e) => changeTarget({ entity: e })} onSource={(s) => changeTarget({ source: s })}
          onFile={(f) => void chooseFile(f)} onNext={() => go(1)}
        />
      )}
      {step === 1 && loaded && (
        <MappingStep
          entity={entity} header={header} rows={loaded.preview.rows} choices={choices} defaults={defaults} known={known} focus={moved}
          mappingError={mapping === null ? `This file has too many columns to send its mapping from the browser. Import it with the command line and a mapping file: attain import ${entity} ${loaded.file.name} --mapping mapping.json` : null}
          onChoose={(h: string, c: Choice) => setOverrides((o) => ({ ...o, [h]: c }))} onReset={() => setOverrides({})}
          onBack={() => go(0)} onNext={() => { go(2); start(true); }}
        />
      )}
      {step === 2 && loaded && (
        <DryRunStep
          run={dry} header={header} text={loaded.text} focus={moved}
          onBack={() => go(1)} onChooseFile={() => go(0)} onRetry={() => start(true)} onCommit={() => { go(3); start(false); }}
        />
      )}
      {step === 3 && loaded && (
        <CommitStep
          run={commit} entity={entity} header={header} text={loaded.text} focus={moved} canList={can(`${ENTITIES[entity].resource}:list`)}
          onBack={() => go(1)} onChooseFile={() => go(0)} onStartOver={startOver}
        />
      )}
    </div>
  );
}
