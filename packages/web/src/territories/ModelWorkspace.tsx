import { useState } from 'react';
import type { TerritoryActivateResult, TerritoryModelDetail } from '@attain/contract';
import { formatCount } from '../ui/format.js';
import { BalanceChart } from './BalanceChart.js';
import { leafKeys } from './county-rules.js';
import { DiffPanel } from './DiffPanel.js';
import type { Measure } from './draft-figures.js';
import { differs, moveAccount, moveCounty } from './draft-moves.js';
import { DraftBar } from './DraftBar.js';
import { MapLegend } from './MapLegend.js';
import { ModelHeader } from './ModelHeader.js';
import { MovePanel } from './MovePanel.js';
import { OptimizePanel, type LastOptimize } from './OptimizePanel.js';
import { TerritoriesTable } from './TerritoriesTable.js';
import { TerritoryMap } from './TerritoryMap.js';
import { useDraftView } from './use-draft-view.js';
import { useSaveTerritoryModel, useTerritoryMap } from './use-territories.js';
import { useUsMap } from './use-us-map.js';

interface Props {
  readonly detail: TerritoryModelDetail;
  readonly writer: boolean;
  /** May carry quota into the quota plan when activating. */
  readonly quotaPlanner?: boolean;
  readonly currency: string;
  readonly lastOptimize: LastOptimize | null;
  readonly onOptimized: (last: LastOptimize) => void;
  readonly onSaved: (saved: TerritoryModelDetail) => void;
  readonly onActivated: (result: TerritoryActivateResult) => void;
  readonly onReload: () => void;
}

/**
 * One saved version of a model: its map, balance and territories, and for writers of a planning
 * model the draft edited from it (counties and accounts moved by hand, figures recomputed at once),
 * saved as the next version, optimized, dry-run and activated. Mounted anew per version.
 */
export function ModelWorkspace({ detail, writer, quotaPlanner = false, currency, lastOptimize, onOptimized, onSaved, onActivated, onReload }: Props) {
  const editing = writer && detail.status === 'planning';
  const { geo, error: geoError } = useUsMap();
  const map = useTerritoryMap(detail.id, detail.version, detail.status);
  const save = useSaveTerritoryModel(detail.id);
  const [draft, setDraft] = useState(detail.definition);
  const [name, setName] = useState(detail.name);
  const [moves, setMoves] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [measure, setMeasure] = useState<Measure>(lastOptimize?.measure ?? 'potential');
  const [notice, setNotice] = useState<string | null>(null);
  const tolerance = lastOptimize ? Number(lastOptimize.tolerance) / 100 : 0.05;
  const view = useDraftView(map.data, detail.definition, draft, geo, measure);
  const dirty = differs(draft, detail.definition) || name.trim() !== detail.name;
  const currencyShown = map.data?.currency ?? currency;
  const nameOf = (key: string | undefined | null) => (key ? (view?.names.get(key) ?? key) : 'no territory');

  const edit = (next: typeof draft, message: string) => {
    if (next === draft) return;
    setDraft(next);
    setMoves((n) => n + 1);
    setNotice(message);
    save.reset();
  };
  const discard = () => {
    setDraft(detail.definition);
    setName(detail.name);
    setMoves(0);
    setNotice('Changes discarded.');
    save.reset();
  };

  return (
    <>
      <ModelHeader detail={detail} writer={writer} />
      <div aria-live="polite">{notice && <p className="notice" data-testid="move-notice">{notice}</p>}</div>
      {editing && (
        <OptimizePanel id={detail.id} version={detail.version} dirty={dirty} defaultTerritories={leafKeys(detail.definition).length || 8} last={lastOptimize} onOptimized={onOptimized} currency={currencyShown} />
      )}
      {editing && (
        <DraftBar name={name} onName={setName} dirty={dirty} moves={moves} saving={save.isPending} error={save.error} onDiscard={discard} onReload={onReload}
          onSave={() => save.mutate({ name: name.trim(), definition: draft, baseVersion: detail.version }, { onSuccess: onSaved })} />
      )}
      {map.isError && <p className="error" role="alert">The map could not be loaded: {map.error.message}</p>}
      {geoError && <p className="error" role="alert">The county shapes could not be loaded: {geoError.message}</p>}
      <section className="tm-section" aria-labelledby="tm-map-title">
        <div className="row-between">
          <h2 id="tm-map-title">Map</h2>
          {map.data && <p className="muted small" data-testid="map-summary">{formatCount(map.data.accountsTotal)} accounts{map.data.unassigned > 0 ? `, ${formatCount(map.data.unassigned)} in no territory` : ''}{map.data.accounts.length < map.data.accountsTotal ? ` · the ${formatCount(map.data.accounts.length)} of most potential shown as dots` : ''}</p>}
        </div>
        <div className={editing ? 'tm-map-layout is-editing' : 'tm-map-layout'}>
          <div className="tm-map-column">
            {view && <MapLegend territories={view.leaves} colours={view.colours} highlight={highlight} onHighlight={setHighlight} />}
            {view && geo ? (
              <TerritoryMap geo={geo} counties={view.placement.counties} figures={view.figures} points={view.points} colours={view.colours} names={view.names}
                currency={currencyShown} label={`Map of ${detail.name}: counties coloured by territory${editing ? '; choose a county to move it' : ''}`} highlight={highlight}
                selected={editing ? selected : null} onSelect={editing ? setSelected : undefined} />
            ) : !map.isError && !geoError && <div className="skeleton tm-map-skeleton" aria-busy="true" aria-label="Loading the map" />}
          </div>
          {editing && view && (
            <MovePanel geo={geo} territories={view.leaves} countyTerritory={view.placement.counties} accountTerritory={view.placement.accounts}
              accounts={map.data?.accounts ?? []} currency={currencyShown} selectedCounty={selected} onSelectCounty={setSelected}
              onMoveCounty={(fips, target) => edit(moveCounty(draft, fips, target), `Moved ${geo?.byFips.get(fips)?.label ?? 'county'} (${fips}) from ${nameOf(view.placement.counties.get(fips))} to ${nameOf(target)}.`)}
              onMoveAccount={(id, target) => edit(moveAccount(draft, id, target), `Moved ${map.data?.accounts.find((a) => a.id === id)?.name ?? id} from ${nameOf(view.placement.accounts.get(id))} to ${nameOf(target)}.`)} />
          )}
        </div>
      </section>
      <section className="tm-section" aria-labelledby="tm-balance-title">
        <div className="row-between">
          <h2 id="tm-balance-title">Balance</h2>
          <div className="tm-measure" role="group" aria-label="Measure">
            {(['potential', 'accounts'] as const).map((m) => (
              <button key={m} type="button" className={measure === m ? 'primary' : undefined} aria-pressed={measure === m} onClick={() => setMeasure(m)}>{m === 'potential' ? 'Potential' : 'Accounts'}</button>
            ))}
          </div>
        </div>
        {view ? (
          view.bars.length > 0
            ? <BalanceChart items={view.bars} measure={measure} tolerance={tolerance} balance={view.balance} currency={currencyShown} highlight={highlight} onHighlight={setHighlight} />
            : <p className="empty-state">No territories yet{editing ? ': optimize to build them from the counties.' : '.'}</p>
        ) : !map.isError && <div className="skeleton" style={{ height: '12rem' }} aria-busy="true" />}
      </section>
      <section className="tm-section" aria-labelledby="tm-table-title">
        <h2 id="tm-table-title">Territories</h2>
        {view ? <TerritoriesTable rows={view.rows} currency={currencyShown} colours={view.colours} dirty={dirty} /> : !map.isError && <div className="skeleton" style={{ height: '10rem' }} aria-busy="true" />}
      </section>
      {editing && <DiffPanel id={detail.id} version={detail.version} dirty={dirty} quotaPlanner={quotaPlanner} onActivated={onActivated} />}
    </>
  );
}
