import { useMemo, useState } from 'react';
import type { CoverageModelDetail } from '@attain/contract';
import { ApiError } from '../api/client.js';
import { formatCount, formatInstant, formatMoney } from '../ui/format.js';
import { ApplyPanel } from './ApplyPanel.js';
import { CoverageReport } from './CoverageReport.js';
import { draftOf, modelOf } from './draft-model.js';
import { errorsOfIssues, unplacedMessages } from './draft-paths.js';
import { ModelEditor } from './ModelEditor.js';
import { useCoverageAnalysis, useSaveCoverageModel } from './use-coverage.js';

interface Props {
  readonly detail: CoverageModelDetail;
  readonly writer: boolean;
  /** The organisation's currency, in which money in rules is typed. */
  readonly currency: string;
  readonly onSaved: (saved: CoverageModelDetail) => void;
  readonly onReload: () => void;
}

/** Readers ask for the analysis of the saved model; writers for that of their draft. */
const SAVED_MODEL = {};

const issuesOf = (error: unknown) => (error instanceof ApiError && error.status === 422 ? errorsOfIssues(error.issues) : {});

/**
 * One version of the model: its analysis, and for writers the draft edited from it, saved as
 * the next version and applied to the accounts. Mounted anew per version, so a save or a
 * reload starts the draft from what is saved.
 */
export function CoverageWorkspace({ detail, writer, currency, onSaved, onReload }: Props) {
  const [initial] = useState(() => draftOf(detail.model, currency));
  const [draft, setDraft] = useState(initial);
  const save = useSaveCoverageModel(onSaved);
  const built = useMemo(() => modelOf(draft, currency), [draft, currency]);
  const readable = Object.keys(built.errors).length === 0;
  const body = useMemo(() => (!writer ? SAVED_MODEL : readable ? { model: built.model } : undefined), [writer, readable, built]);
  const { analysis, error, current } = useCoverageAnalysis(body);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const errors = { ...issuesOf(error), ...issuesOf(save.error), ...built.errors };
  const shown = writer ? built.model : detail.model;
  const rules = new Map(shown.segments.map((s) => [s.key, s.rule]));

  const edit = (next: typeof draft) => {
    setDraft(next);
    // A refusal was of the draft before this edit.
    save.reset();
  };
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const unplaced = unplacedMessages(draft, errors);
  const formMessage = conflict ? (
    <p className="error" role="alert" data-testid="save-conflict">
      Someone saved a newer version of the model since you opened it. <button type="button" className="link" onClick={onReload}>Reload it</button> to edit the newest (your changes here are dropped).
    </p>
  ) : save.error && !(save.error instanceof ApiError && save.error.issues.length > 0) ? (
    <p className="error" role="alert">The model could not be saved: {save.error.message}</p>
  ) : unplaced.length > 0 ? (
    <p className="error" role="alert" data-testid="form-error">{unplaced.join('; ')}</p>
  ) : null;

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Coverage</h1>
          <p className="muted" data-testid="coverage-summary">
            <span data-testid="model-version">{detail.version === null ? 'Starter model, not saved yet' : `Version ${detail.version}, saved ${formatInstant(detail.createdAt)}`}</span>
            {dirty && ' · draft with unsaved changes'}
            {analysis && ` · ${formatCount(analysis.accounts)} accounts · ${formatMoney(analysis.potentialMinor, analysis.currency)} potential`}
          </p>
        </div>
      </header>
      {error && !(error instanceof ApiError && error.status === 422) && <p className="error" role="alert">The analysis could not be made: {error.message}</p>}
      {error instanceof ApiError && error.status === 422 && <p className="muted" role="status">The figures are of the last valid draft: the fields marked below need fixing.</p>}
      {analysis ? <CoverageReport analysis={analysis} rules={rules} busy={!current} /> : !error && <div className="skeleton" style={{ height: '16rem' }} aria-busy="true" />}
      {writer && (
        <>
          <ModelEditor draft={draft} currency={currency} errors={errors} onEdit={edit} formMessage={formMessage}
            canSave={readable && (dirty || detail.version === null)} saving={save.isPending} dirty={dirty}
            onSave={() => save.mutate({ model: built.model, baseVersion: detail.version })} onDiscard={() => edit(initial)} />
          <ApplyPanel version={detail.version} dirty={dirty} changes={current && !dirty ? analysis?.changes : undefined}
            segmentNames={new Map((analysis?.segments ?? []).map((s) => [s.key, s.name]))} />
        </>
      )}
    </>
  );
}
