import { useState } from 'react';
import type { TerritoryActivateResult } from '@attain/contract';
import { ApiError } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { formatCount, formatDate } from '../ui/format.js';
import { NotFound } from '../ui/NotFound.js';
import { ModelWorkspace } from './ModelWorkspace.js';
import type { LastOptimize } from './OptimizePanel.js';
import { useTerritoryModel } from './use-territories.js';

const count = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What carrying quota with the activation did, if asked. */
const quotaNotice = (r: TerritoryActivateResult): string => {
  if (r.quota === null) return '';
  if (r.quota.version === null) return ` No seller's potential changes: the FY${r.quota.fiscalYear} quota plan is unchanged.`;
  return ` Quota carried for ${count(r.quota.sellers, 'seller')} into the FY${r.quota.fiscalYear} quota plan as version ${r.quota.version}, a draft to submit for approval.`;
};

/**
 * /territories/:id: one model. What outlives a version (the last optimization, what a save or
 * an activation said) is kept here; the workspace below starts afresh on each version.
 */
export function ModelPage({ id }: { id: string }) {
  const { me, can } = useSession();
  const model = useTerritoryModel(id);
  const [lastOptimize, setLastOptimize] = useState<LastOptimize | null>(null);
  const [notice, setNotice] = useState<{ text: string; testId: string } | null>(null);
  if (model.error instanceof ApiError && model.error.status === 404) return <NotFound what="territory model" />;
  return (
    <div className="territories">
      <div aria-live="polite">{notice && <p className="notice" data-testid={notice.testId}>{notice.text}</p>}</div>
      {model.isPending && <div className="skeleton" style={{ height: '20rem' }} aria-busy="true" aria-label="Loading the model" />}
      {model.isError && <p className="error" role="alert">The territory model could not be loaded: {model.error.message}</p>}
      {model.data && (
        <ModelWorkspace key={`${model.data.version}:${model.data.status}`} detail={model.data} writer={can('coverage:write')} quotaPlanner={can('quota:plan')} currency={me.org.defaultCurrency}
          lastOptimize={lastOptimize}
          onOptimized={(last) => { setLastOptimize(last); setNotice({ text: `Optimized into ${count(last.result.model.territories, 'territory', 'territories')}, saved as version ${last.result.model.version}.`, testId: 'optimize-notice' }); }}
          onSaved={(saved) => setNotice({ text: `Saved as version ${saved.version}.`, testId: 'save-notice' })}
          onActivated={(r) => setNotice({
            text: `Activated from ${formatDate(r.model.effectiveFrom)}: ${count(r.changed, 'account')} changed, ${count(r.accountOwnersSet, 'owner')} set, ${count(r.opportunitiesMoved, 'opportunity', 'opportunities')} moved${r.pending ? '; owners will be set when the date comes' : ''}.${quotaNotice(r)}`,
            testId: 'activate-result',
          })}
          onReload={() => { setNotice(null); void model.refetch(); }} />
      )}
    </div>
  );
}
