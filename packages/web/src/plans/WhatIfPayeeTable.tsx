import { useState } from 'react';
import type { WhatIfPayee } from '@attain/contract';
import { SortableHeader } from '../pay/SortableHeader.js';
import { sortRows, type Sort } from '../pay/table-sort.js';
import { formatMoney } from '../ui/format.js';

type Column = 'name' | 'baseline' | 'scenario' | 'difference';

const valueOf = (p: WhatIfPayee, key: Column) =>
  key === 'name' ? p.personName : BigInt(key === 'baseline' ? p.baselineMinor : key === 'scenario' ? p.scenarioMinor : p.differenceMinor);

/** Each payee's pay today and under the version, sortable by any column (money compared as bigint). */
export function WhatIfPayeeTable({ payees, currency }: { payees: readonly WhatIfPayee[]; currency: string }) {
  const [sort, setSort] = useState<Sort<Column>>({ key: 'difference', descending: true });
  const rows = sortRows(payees, sort, valueOf, (a, b) => a.personName.localeCompare(b.personName));
  const money = (m: string) => formatMoney(m, currency);
  return (
    <table className="data-table" data-testid="what-if-payees">
      <caption className="home-sr-only">Pay per payee, today and under the version</caption>
      <thead>
        <tr>
          <SortableHeader label="Payee" column="name" sort={sort} onSort={setSort} />
          <SortableHeader label="Today" column="baseline" sort={sort} onSort={setSort} numeric />
          <SortableHeader label="Under this version" column="scenario" sort={sort} onSort={setSort} numeric />
          <SortableHeader label="Change" column="difference" sort={sort} onSort={setSort} numeric />
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.personId}>
            <td>{p.personName}</td>
            <td className="num">{money(p.baselineMinor)}</td>
            <td className="num">{money(p.scenarioMinor)}</td>
            <td className={BigInt(p.differenceMinor) < 0n ? 'num negative' : 'num'}>{BigInt(p.differenceMinor) > 0n ? '+' : ''}{money(p.differenceMinor)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
