import { useId, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  /** The headline figure; null when there is none to show (then `missing` says why, plainly). */
  readonly value: string | null;
  readonly missing?: string;
  readonly children?: ReactNode;
}

/** One outcome figure: label, headline value, and what it is made of. Fixed height, so loading does not shift the page. */
export function KpiCard({ title, value, missing = 'Not available', children }: Props) {
  const id = useId();
  return (
    <section className="card kpi home-kpi" aria-labelledby={id}>
      <h2 id={id} className="label">{title}</h2>
      {value === null ? <p className="value home-kpi-missing">{missing}</p> : <p className="value" data-testid="kpi-value">{value}</p>}
      <div className="home-kpi-detail small">{children}</div>
    </section>
  );
}
