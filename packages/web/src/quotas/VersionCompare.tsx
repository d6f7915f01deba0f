import { useId, useState } from 'react';
import type { QuotaPlanDetail } from '@attain/contract';
import { useQuotaComparison } from './use-quota-plans.js';
import { formatQuota } from './quota-units.js';

/** Two versions side by side: the lines whose quota changed, with why, and the settings that differ. */
export function VersionCompare({ plan: p }: { plan: QuotaPlanDetail }) {
  const ids = useId();
  // Until someone picks, the latest version against the one before (following new saves).
  const [picked, setPicked] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  const from = picked.from ?? Math.max(1, p.version - 1);
  const to = picked.to ?? p.version;
  const setFrom = (v: number) => setPicked((x) => ({ ...x, from: v }));
  const setTo = (v: number) => setPicked((x) => ({ ...x, to: v }));
  const compared = useQuotaComparison(p.id, from, to);
  if (p.version < 2) return null;
  const money = (m: string | null) => (m === null ? '—' : formatQuota(m, p));
  const pick = (id: string, label: string, value: number, set: (v: number) => void) => (
    <div className="field compact">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.target.value))}>
        {p.versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
      </select>
    </div>
  );
  const c = compared.data;
  return (
    <section className="quota-compare" data-testid="quota-compare">
      <h2>Compare versions</h2>
      <div className="list-tools">{pick(`${ids}-from`, 'From', from, setFrom)}{pick(`${ids}-to`, 'To', to, setTo)}</div>
      {from === to && <p className="muted">Choose two different versions.</p>}
      {compared.isError && <p className="error" role="alert">{compared.error.message}</p>}
      {c && from !== to && (
        <>
          {c.target.beforeMinor !== c.target.afterMinor && <p>Target: {money(c.target.beforeMinor)} → {money(c.target.afterMinor)}</p>}
          {c.settings.map((s) => <p key={s} className="muted">{s}</p>)}
          <div className="table-wrap">
            <table className="data">
              <thead><tr><th scope="col">Line</th><th scope="col" className="num">v{c.from}</th><th scope="col" className="num">v{c.to}</th><th scope="col" className="num">Change</th><th scope="col">Why</th></tr></thead>
              <tbody>
                {c.lines.map((l) => (
                  <tr key={l.key} data-testid="compare-line">
                    <th scope="row">{l.name}</th><td className="num">{money(l.beforeMinor)}</td><td className="num">{money(l.afterMinor)}</td>
                    <td className="num">{money(String(BigInt(l.afterMinor ?? '0') - BigInt(l.beforeMinor ?? '0')))}</td><td>{l.afterMinor === null ? 'taken out' : l.beforeMinor === null ? 'added' : (l.reason ?? '')}</td>
                  </tr>
                ))}
                {c.lines.length === 0 && <tr><td colSpan={5} className="muted">No quota changed.</td></tr>}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
