import { useId, useMemo, useState, type FormEvent } from 'react';
import type { TerritoryMapWire } from '@attain/contract';
import { matchesText } from '../pay/table-sort.js';
import { formatMoney } from '../ui/format.js';
import type { UsMap } from './us-map.js';

interface Props {
  readonly geo: UsMap | undefined;
  readonly territories: readonly { readonly key: string; readonly name: string }[];
  /** The draft's territory of each county and of each account the map lists. */
  readonly countyTerritory: ReadonlyMap<string, string>;
  readonly accountTerritory: ReadonlyMap<string, string | null>;
  readonly accounts: TerritoryMapWire['accounts'];
  readonly currency: string;
  readonly selectedCounty: string | null;
  readonly onSelectCounty: (fips: string | null) => void;
  readonly onMoveCounty: (fips: string, target: string) => void;
  readonly onMoveAccount: (accountId: string, target: string) => void;
}

const MATCHES = 8;

/** Manual moves on the draft: a county (chosen on the map or typed) or one account, to another territory. */
export function MovePanel({ geo, territories, countyTerritory, accountTerritory, accounts, currency, selectedCounty, onSelectCounty, onMoveCounty, onMoveAccount }: Props) {
  const ids = useId();
  const names = new Map(territories.map((t) => [t.key, t.name]));
  const nameOf = (key: string | null | undefined) => (key ? (names.get(key) ?? key) : 'no territory');
  // The county field follows the map; typing a known FIPS code chooses that county.
  const [countyText, setCountyText] = useState(selectedCounty ?? '');
  const [shownSelection, setShownSelection] = useState(selectedCounty);
  if (shownSelection !== selectedCounty) {
    setShownSelection(selectedCounty);
    setCountyText(selectedCounty ?? '');
  }
  const [countyTarget, setCountyTarget] = useState('');
  const [search, setSearch] = useState('');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [accountTarget, setAccountTarget] = useState('');
  const countyOptions = useMemo(
    () => (geo ? [...countyTerritory.keys()].filter((f) => geo.byFips.has(f)).map((f) => ({ fips: f, label: geo.byFips.get(f)?.label ?? f })).sort((a, b) => a.label.localeCompare(b.label)) : []),
    [geo, countyTerritory],
  );
  const matches = search.trim() === '' ? [] : accounts.filter((a) => matchesText(a.name, search)).slice(0, MATCHES);
  const account = accounts.find((a) => a.id === accountId);
  const countyFrom = selectedCounty ? countyTerritory.get(selectedCounty) : undefined;

  const moveCounty = (event: FormEvent) => {
    event.preventDefault();
    if (selectedCounty && countyTarget) onMoveCounty(selectedCounty, countyTarget);
  };
  const moveAccount = (event: FormEvent) => {
    event.preventDefault();
    if (account && accountTarget) onMoveAccount(account.id, accountTarget);
  };
  const targets = (current: string | null | undefined) => territories.filter((t) => t.key !== current).map((t) => <option key={t.key} value={t.key}>{t.name}</option>);

  return (
    <section className="card tm-moves" aria-labelledby={`${ids}-title`} data-testid="move-panel">
      <h2 id={`${ids}-title`}>Move by hand</h2>
      <form onSubmit={moveCounty} className="tm-move" data-testid="move-county">
        <div className="field compact">
          <label htmlFor={`${ids}-county`}>County (click the map or type its FIPS code)</label>
          <input id={`${ids}-county`} list={`${ids}-counties`} value={countyText} inputMode="numeric" autoComplete="off"
            onChange={(e) => {
              const text = e.target.value.trim();
              setCountyText(e.target.value);
              if (geo?.byFips.has(text)) onSelectCounty(text);
              else if (text === '') onSelectCounty(null);
            }} />
          <datalist id={`${ids}-counties`}>
            {countyOptions.map((c) => <option key={c.fips} value={c.fips}>{c.label}</option>)}
          </datalist>
          <p className="muted small" data-testid="selected-county-info">
            {selectedCounty ? `${geo?.byFips.get(selectedCounty)?.label ?? selectedCounty} (${selectedCounty}), now in ${nameOf(countyFrom)}` : 'No county chosen.'}
          </p>
        </div>
        <div className="field compact">
          <label htmlFor={`${ids}-county-target`}>To territory</label>
          <select id={`${ids}-county-target`} value={countyTarget} onChange={(e) => setCountyTarget(e.target.value)}>
            <option value="">Choose…</option>
            {targets(countyFrom)}
          </select>
        </div>
        <button type="submit" disabled={!selectedCounty || !countyTarget || countyTarget === countyFrom}>Move county</button>
      </form>

      <form onSubmit={moveAccount} className="tm-move" data-testid="move-account">
        <div className="field compact">
          <label htmlFor={`${ids}-search`}>Account</label>
          <input id={`${ids}-search`} type="search" value={search} placeholder="Search by name" autoComplete="off"
            onChange={(e) => { setSearch(e.target.value); setAccountId(null); }} aria-controls={`${ids}-matches`} />
          {matches.length > 0 && !account && (
            <ul className="tm-matches" id={`${ids}-matches`} aria-label="Matching accounts">
              {matches.map((a) => (
                <li key={a.id}>
                  <button type="button" className="ghost" onClick={() => { setAccountId(a.id); setSearch(a.name); }}>
                    {a.name} <span className="muted small">{nameOf(accountTerritory.get(a.id) ?? a.territory)} · {formatMoney(a.potentialMinor, currency, { compact: true })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {search.trim() !== '' && matches.length === 0 && <p className="muted small">No account of the map is called that.</p>}
          {account && <p className="muted small" data-testid="selected-account-info">{account.name}, now in {nameOf(accountTerritory.get(account.id) ?? account.territory)}</p>}
        </div>
        <div className="field compact">
          <label htmlFor={`${ids}-account-target`}>To territory</label>
          <select id={`${ids}-account-target`} value={accountTarget} onChange={(e) => setAccountTarget(e.target.value)}>
            <option value="">Choose…</option>
            {targets(account ? accountTerritory.get(account.id) : undefined)}
          </select>
        </div>
        <button type="submit" disabled={!account || !accountTarget}>Move account</button>
      </form>
    </section>
  );
}
