import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { PlanIssue, PlanPreviewBody } from '@attain/contract';
import { ApiError } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { IssueList } from './IssueList.js';
import { withVersion } from './plan-source.js';
import { isAmountText, PreviewPanel, type PreviewInputs } from './PreviewPanel.js';
import { usePlan, usePlanPreview, usePlanValidation, usePlanVersion, usePublishPlanVersion, useSavePlanVersion } from './use-plans.js';
import { VersionList } from './VersionList.js';
import { WhatIfPanel } from './WhatIfPanel.js';
import { YamlEditor, type YamlEditorHandle } from './YamlEditor.js';

/** The positioned problems of a refused save, if that is what it was. */
function planIssuesOf(error: unknown): PlanIssue[] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return undefined;
  const issues = error.issues.filter((i): i is PlanIssue => typeof i.line === 'number' && typeof (i as { column?: unknown }).column === 'number');
  return issues.length > 0 ? issues : undefined;
}

/**
 * The plan editor: the latest version's YAML in CodeMirror, checked as you type (problems
 * marked inline and listed), a live preview of what the plan pays, "Save as new draft
 * version", which sets the version in the text to the next number before saving, and the
 * versions, a draft with "Publish" for a comp admin who did not write it.
 */
export function PlanEditorPage({ id }: { id: string }) {
  const plan = usePlan(id);
  const latest = plan.data?.versions[0]?.version;
  const loaded = usePlanVersion(id, latest);
  const [source, setSource] = useState<string | undefined>(undefined);
  const [saveIssues, setSaveIssues] = useState<PlanIssue[] | undefined>(undefined);
  const [savedVersion, setSavedVersion] = useState<number | undefined>(undefined);
  const [inputs, setInputs] = useState<PreviewInputs>({ targetIncentive: '50000.00', quota: '500000.00', sampleAmount: '' });
  const editor = useRef<YamlEditorHandle>(null);
  const save = useSavePlanVersion(id);
  const publish = usePublishPlanVersion(id);
  const { can, me } = useSession();

  // The text is loaded once; later loads (after a save) must not overwrite what is being typed.
  useEffect(() => {
    if (source === undefined && loaded.data) setSource(loaded.data.source);
  }, [loaded.data, source]);

  const validation = usePlanValidation(source);
  const issues = saveIssues ?? validation.data?.issues ?? [];
  const inputsOk = isAmountText(inputs.targetIncentive) && isAmountText(inputs.quota) && (inputs.sampleAmount === '' || isAmountText(inputs.sampleAmount));
  const body: PlanPreviewBody | undefined =
    source !== undefined && validation.data?.ok && inputsOk
      ? { source, targetIncentive: inputs.targetIncentive.trim(), quota: inputs.quota.trim(), ...(inputs.sampleAmount.trim() ? { sampleDeal: { amount: inputs.sampleAmount.trim() } } : {}) }
      : undefined;
  const preview = usePlanPreview(body);
  const previewError = preview.error instanceof ApiError ? preview.error : undefined;
  const note = validation.data && !validation.data.ok
    ? 'The preview shows the last plan that read; fix the problems to update it.'
    : previewError ? previewError.message : undefined;

  if (plan.isError && plan.error instanceof ApiError && (plan.error.status === 404 || plan.error.status === 403)) return <NotFound what="plan" />;
  if (plan.isError) return <p className="error" role="alert">The plan could not be loaded: {plan.error.message}</p>;

  const onChange = (text: string) => {
    setSource(text);
    setSaveIssues(undefined);
    setSavedVersion(undefined);
  };
  const onSave = () => {
    if (source === undefined || !plan.data) return;
    const next = (plan.data.versions[0]?.version ?? 0) + 1;
    const bumped = withVersion(source, next);
    setSource(bumped);
    setSavedVersion(undefined);
    save.mutate(bumped, {
      onSuccess: (saved) => {
        setSaveIssues(undefined);
        setSavedVersion(saved.version.version);
      },
      onError: (error) => setSaveIssues(planIssuesOf(error)),
    });
  };
  const canSave = source !== undefined && validation.data?.ok === true && !validation.isFetching && !save.isPending;

  return (
    <div className="plan-editor-page">
      <header className="page-header">
        <div>
          <p className="muted small"><Link href="/">Plans</Link> /</p>
          <h1>{plan.data?.name ?? 'Plan'}</h1>
          {plan.data && <p className="muted small">{plan.data.key} · latest version {latest}</p>}
        </div>
        <div className="actions">
          {savedVersion !== undefined && <span className="badge plan-status-draft" role="status" data-testid="saved-version">Saved as version {savedVersion} (draft)</span>}
          <button type="button" className="primary" onClick={onSave} disabled={!canSave} data-testid="save-version">
            {save.isPending ? 'Saving…' : 'Save as new draft version'}
          </button>
        </div>
      </header>
      {save.isError && !saveIssues && <p className="error" role="alert">{save.error.message}</p>}
      {publish.isError && <p className="error" role="alert">{publish.error.message}</p>}
      <div className="plan-editor-layout">
        <div className="plan-editor-main">
          {source === undefined ? (
            <div className="skeleton" style={{ height: '24rem' }} aria-busy="true" />
          ) : (
            <YamlEditor ref={editor} value={source} onChange={onChange} issues={issues} label="Plan file (YAML)" />
          )}
          <IssueList issues={issues} checking={validation.isFetching} onSelect={(i) => editor.current?.moveTo(i.line, i.column)} />
          {plan.data && (
            <VersionList
              versions={plan.data.versions} userId={me.user.id}
              {...(can('comp_plan:write') ? { onPublish: (v: number) => publish.mutate(v) } : {})}
              {...(publish.isPending && publish.variables !== undefined ? { publishing: publish.variables } : {})}
            />
          )}
          {plan.data && can('calc_run:read') && <WhatIfPanel planId={id} versions={plan.data.versions} />}
        </div>
        <PreviewPanel inputs={inputs} onInputs={setInputs} preview={preview.data} note={note} />
      </div>
    </div>
  );
}
