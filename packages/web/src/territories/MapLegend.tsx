interface Props {
  readonly territories: readonly { readonly key: string; readonly name: string }[];
  readonly colours: ReadonlyMap<string, string>;
  readonly highlight: string | null;
  readonly onHighlight: (key: string | null) => void;
}

/** The territories' colours; choosing one highlights it on the map and the chart (again: all shown). */
export function MapLegend({ territories, colours, highlight, onHighlight }: Props) {
  return (
    <ul className="tm-legend" aria-label="Territories" data-testid="map-legend">
      {territories.map((t) => (
        <li key={t.key}>
          <button type="button" className="ghost" aria-pressed={highlight === t.key} onClick={() => onHighlight(highlight === t.key ? null : t.key)}>
            <span className="tm-swatch" style={{ background: colours.get(t.key) }} aria-hidden="true" />
            {t.name}
          </button>
        </li>
      ))}
      <li className="muted small"><span className="tm-swatch is-empty" aria-hidden="true" />No territory</li>
    </ul>
  );
}
