import { useState } from 'react';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { CoverageWorkspace } from './CoverageWorkspace.js';
import { useCoverageModel } from './use-coverage.js';
import './coverage.css';

/**
 * Coverage (sales ops and leaders): how the coverage model splits the accounts into segments,
 * the workload each role gets and what a headcount covers. Sales ops edit the model, save it
 * and set the accounts' segments from it; the others read.
 */
export function CoveragePage() {
  const { me, can } = useSession();
  const model = useCoverageModel();
  const [notice, setNotice] = useState<string | null>(null);
  if (!can('coverage:read')) return <NotFound />;
  return (
    <div className="coverage">
      <div aria-live="polite">{notice && <p className="notice" data-testid="coverage-notice">{notice}</p>}</div>
      {model.isPending && <div className="skeleton" style={{ height: '16rem' }} aria-busy="true" />}
      {model.isError && <p className="error" role="alert">The coverage model could not be loaded: {model.error.message}</p>}
      {model.data && (
        <CoverageWorkspace key={model.data.version ?? 'starter'} detail={model.data} writer={can('coverage:write')} currency={me.org.defaultCurrency}
          onSaved={(saved) => setNotice(`Saved as version ${saved.version}.`)} onReload={() => { setNotice(null); void model.refetch(); }} />
      )}
    </div>
  );
}
