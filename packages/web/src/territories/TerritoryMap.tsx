import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatCount, formatMoney } from '../ui/format.js';
import { directionOf, nearestInDirection } from './map-keys.js';
import { MAP_SIZE, type UsMap } from './us-map.js';

export interface MapPoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly territory: string | null;
}

interface Props {
  readonly geo: UsMap;
  /** Each county's territory. */
  readonly counties: ReadonlyMap<string, string>;
  /** Accounts and potential of the counties that hold accounts. */
  readonly figures: ReadonlyMap<string, { readonly accounts: number; readonly potentialMinor: string }>;
  readonly points: readonly MapPoint[];
  readonly colours: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
  readonly currency: string;
  readonly label: string;
  readonly highlight: string | null;
  readonly selected?: string | null;
  /** Counties can be chosen (click, or Enter on the focused one); without it the map only shows. */
  readonly onSelect?: (fips: string) => void;
  readonly compact?: boolean;
  readonly testId?: string;
}

interface LayerProps {
  readonly geo: UsMap;
  readonly counties: ReadonlyMap<string, string>;
  readonly colours: ReadonlyMap<string, string>;
  readonly highlight: string | null;
  /** Counties one can focus and choose, and the one that takes the Tab key (roving focus). */
  readonly focusable: ReadonlySet<string> | null;
  readonly tabStop: string | null;
  readonly describe: (fips: string) => string;
}

/** The 3,000-odd county shapes: drawn again only when the territories, colours or highlight change, not on hover. */
const CountyLayer = memo(function CountyLayer({ geo, counties, colours, highlight, focusable, tabStop, describe }: LayerProps) {
  return (
    <>
      {geo.counties.map((c) => {
        const territory = counties.get(c.fips);
        const colour = territory === undefined ? undefined : colours.get(territory);
        const dim = highlight !== null && territory !== highlight;
        const canFocus = focusable?.has(c.fips) ?? false;
        return (
          <path key={c.fips} d={c.d} data-fips={c.fips} data-territory={territory}
            className={`tm-county${colour ? '' : ' is-empty'}${dim ? ' is-dim' : ''}`} style={colour ? { fill: colour } : undefined}
            {...(canFocus ? { tabIndex: c.fips === tabStop ? 0 : -1, role: 'button', 'aria-label': describe(c.fips) } : {})} />
        );
      })}
    </>
  );
});

/**
 * The US counties coloured by territory, state borders, the borders between territories and the
 * accounts as dots. Hovering or focusing a county tells its territory, accounts and potential;
 * with `onSelect` a county is chosen by click or by Enter (arrow keys move between counties).
 */
export function TerritoryMap({ geo, counties, figures, points, colours, names, currency, label, highlight, selected = null, onSelect, compact = false, testId = 'territory-map' }: Props) {
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const describe = useMemo(() => (fips: string) => {
    const shape = geo.byFips.get(fips);
    const territory = counties.get(fips);
    const f = figures.get(fips);
    const where = territory === undefined ? 'no territory' : (names.get(territory) ?? territory);
    const what = f ? `${formatCount(f.accounts)} account${f.accounts === 1 ? '' : 's'}, ${formatMoney(f.potentialMinor, currency)} potential` : 'no accounts';
    return `${shape?.label ?? 'County'} (${fips}): ${where}, ${what}`;
  }, [geo, counties, figures, names, currency]);
  const focusable = useMemo(() => {
    if (!onSelect) return null;
    return new Set([...counties.keys(), ...figures.keys()].filter((f) => geo.byFips.has(f)));
  }, [onSelect, counties, figures, geo]);
  const firstFocusable = useMemo(() => (focusable === null ? null : ([...focusable].sort()[0] ?? null)), [focusable]);
  const tabStop = focusable === null ? null : [selected, focused].find((f) => f !== null && focusable.has(f)) ?? firstFocusable;
  const borders = useMemo(() => geo.territoryBorders((fips) => counties.get(fips)), [geo, counties]);

  const fipsOf = (target: EventTarget): string | null => (target instanceof Element ? target.getAttribute('data-fips') : null);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const fips = fipsOf(event.target);
    if (!fips || !focusable || !onSelect) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(fips);
      return;
    }
    const direction = directionOf(event.key);
    const from = geo.byFips.get(fips);
    if (!direction || !from) return;
    event.preventDefault();
    const candidates = [...focusable].map((id) => ({ id, x: geo.byFips.get(id)?.centre[0] ?? 0, y: geo.byFips.get(id)?.centre[1] ?? 0 }));
    const next = nearestInDirection(candidates, { id: fips, x: from.centre[0], y: from.centre[1] }, direction);
    if (next) svg.current?.querySelector<SVGPathElement>(`[data-fips="${next}"]`)?.focus();
  };

  const shown = hovered ?? focused;
  const shownShape = shown ? geo.byFips.get(shown) : undefined;
  const selectedShape = selected ? geo.byFips.get(selected) : undefined;
  return (
    <div className={`tm-map${compact ? ' is-compact' : ''}`}>
      <svg ref={svg} viewBox={`0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}`} role={onSelect ? 'group' : 'img'} aria-label={label} data-testid={testId}>
        <g className="tm-counties" onMouseOver={(e) => setHovered(fipsOf(e.target))} onMouseLeave={() => setHovered(null)}
          onFocus={(e) => setFocused(fipsOf(e.target))} onBlur={() => setFocused(null)} onKeyDown={onKeyDown}
          onClick={(e) => { const fips = fipsOf(e.target); if (fips && focusable?.has(fips)) onSelect?.(fips); }}>
          <CountyLayer geo={geo} counties={counties} colours={colours} highlight={highlight} focusable={focusable} tabStop={tabStop} describe={describe} />
        </g>
        <path className="tm-states" d={geo.states} />
        <path className="tm-borders" d={borders} />
        <path className="tm-nation" d={geo.nation} />
        <g className="tm-accounts" aria-hidden="true">
          {points.map((p) => <circle key={p.id} cx={p.x} cy={p.y} r={compact ? 2 : 1.8} className={highlight !== null && p.territory !== highlight ? 'is-dim' : undefined} />)}
        </g>
        {selectedShape && <path className="tm-selected" d={selectedShape.d} data-testid="selected-county" />}
        {shownShape && shown !== selected && <path className="tm-hovered" d={shownShape.d} />}
      </svg>
      {shownShape && shown && (
        // The focused county says the same through its label: the tooltip is for the eye.
        <div className="tm-tooltip" aria-hidden="true" data-testid="map-tooltip"
          style={{ left: `${(shownShape.centre[0] / MAP_SIZE.width) * 100}%`, top: `${(shownShape.centre[1] / MAP_SIZE.height) * 100}%` }}>
          {describe(shown)}
        </div>
      )}
    </div>
  );
}
