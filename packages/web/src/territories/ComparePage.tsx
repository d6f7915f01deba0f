import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import type { TerritoryModelDetail } from '@attain/contract';
import { useSession } from '../session/SessionProvider.js';
import { formatCount, formatMoney } from '../ui/format.js';
import { BalanceChart } from './BalanceChart.js';
import type { Measure } from './draft-figures.js';
import { StatusBadge } from './ModelHeader.js';
import { TerritoryMap } from './TerritoryMap.js';
import { useDraftView } from './use-draft-view.js';
import { useTerritoryMap, useTerritoryModel } from './use-territories.js';
import { useUsMap } from './use-us-map.js';
import type { UsMap } from './us-map.js';

/** /territories/compare?a=ID&b=ID: two models' maps, balance and territories side by side (saved versions, read only). */
export function ComparePage() {
  const params = new URLSearchParams(useSearch());
  const ids = [params.get('a'), params.get('b')].filter((id): id is string => id !== null && id !== '');
  const { geo, error: geoError } = useUsMap();
  const [measure, setMeasure] = useState<Measure>('potential');
  return (
    <div className="territories">
      <header className="page-header">
        <div>
          <p className="small"><Link href="/">← Territory models</Link></p>
          <h1>Compare scenarios</h1>
        </div>
        <div className="tm-measure" role="group" aria-label="Balance measured on">
          {(['potential', 'accounts'] as const).map((m) => (
            <button key={m} type="button" className={measure === m ? 'primary' : undefined} aria-pressed={measure === m} onClick={() => setMeasure(m)}>{m === 'potential' ? 'Potential' : 'Accounts'}</button>
          ))}
        </div>
      </header>
      {geoError && <p className="error" role="alert">The county shapes could not be loaded: {geoError.message}</p>}
      {ids.length !== 2 ? (
        <p className="error" role="alert">Choose two models to compare on the list of models.</p>
      ) : (
        <div className="tm-compare" data-testid="compare">
          {ids.map((id, i) => <Scenario key={`${i}:${id}`} id={id} geo={geo} side={i === 0 ? 'a' : 'b'} measure={measure} />)}
        </div>
      )}
    </div>
  );
}

interface ScenarioProps {
  readonly geo: UsMap | undefined;
  readonly side: 'a' | 'b';
  readonly measure: Measure;
}

function Scenario({ id, geo, side, measure }: ScenarioProps & { id: string }) {
  const model = useTerritoryModel(id);
  return (
    <section className="card tm-scenario" aria-label={model.data ? model.data.name : `Model ${side.toUpperCase()}`} data-testid={`scenario-${side}`}>
      {model.isPending && <div className="skeleton" style={{ height: '18rem' }} aria-busy="true" />}
      {model.isError && <p className="error" role="alert">The model could not be loaded: {model.error.message}</p>}
      {model.data && <ScenarioBody detail={model.data} geo={geo} side={side} measure={measure} />}
    </section>
  );
}

function ScenarioBody({ detail, geo, side, measure }: ScenarioProps & { detail: TerritoryModelDetail }) {
  const { me } = useSession();
  const map = useTerritoryMap(detail.id, detail.version, detail.status);
  const view = useDraftView(map.data, detail.definition, detail.definition, geo, measure);
  const currency = map.data?.currency ?? me.org.defaultCurrency;
  const potential = view ? view.rows.reduce((s, r) => s + r.potentialMinor, 0n) : 0n;
  return (
    <>
      <h2><Link href={`/${encodeURIComponent(detail.id)}`}>{detail.name}</Link></h2>
      <p className="muted small"><StatusBadge status={detail.status} /> Version {detail.version}</p>
      {map.isError && <p className="error" role="alert">The map could not be loaded: {map.error.message}</p>}
      {view && geo ? (
        <TerritoryMap geo={geo} counties={view.placement.counties} figures={view.figures} points={view.points} colours={view.colours} names={view.names}
          currency={currency} label={`Map of ${detail.name}: counties coloured by territory`} highlight={null} compact testId={`territory-map-${side}`} />
      ) : !map.isError && <div className="skeleton tm-map-skeleton" aria-busy="true" />}
      {view && (
        <>
          <dl className="tm-figures" data-testid={`scenario-${side}-counts`}>
            <div><dt>Territories</dt><dd data-testid="scenario-territories">{formatCount(detail.territories)}</dd></div>
            <div><dt>Accounts</dt><dd>{formatCount(map.data?.accountsTotal ?? 0)}</dd></div>
            <div><dt>In no territory</dt><dd>{formatCount(map.data?.unassigned ?? 0)}</dd></div>
            <div><dt>Potential</dt><dd>{formatMoney(potential.toString(), currency)}</dd></div>
          </dl>
          {view.bars.length > 0 && <BalanceChart items={view.bars} measure={measure} tolerance={0.05} balance={view.balance} currency={currency} highlight={null} compact />}
        </>
      )}
    </>
  );
}
