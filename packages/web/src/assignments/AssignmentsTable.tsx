import { useId, useState } from 'react';
import type { PlanAssignmentItem } from '@attain/contract';
import { SortableHeader } from '../pay/SortableHeader.js';
import type { Sort } from '../pay/table-sort.js';
import { formatDate, formatMoney } from '../ui/format.js';
import { DEFAULT_SORT, rampText, visibleAssignments, type AssignmentSortKey } from './assignment-rows.js';

interface Props {
  readonly items: readonly PlanAssignmentItem[];
  readonly selectedId: string | null;
  readonly onSelect: (item: PlanAssignmentItem) => void;
  /** Absent for readers: the row then has no change action. */
  readonly onChange?: ((item: PlanAssignmentItem) => void) | undefined;
}

/** The assignments: filter by person or plan, sort by any column; a row opens its terms, a current row can be changed from a date. */
export function AssignmentsTable({ items, selectedId, onSelect, onChange }: Props) {
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort<AssignmentSortKey>>(DEFAULT_SORT);
  const rows = visibleAssignments(items, sort, filter);
  const header = (label: string, column: AssignmentSortKey, numeric = false) => <SortableHeader label={label} column={column} sort={sort} onSort={setSort} numeric={numeric} />;
  return (
    <div className="assignments-table">
      <div className="field assignments-filter">
        <label htmlFor={filterId}>Filter by person or plan</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Name, plan or plan key" />
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="assignments-table">
          <thead>
            <tr>
              {header('Person', 'person')}
              {header('Plan', 'plan')}
              {header('From', 'from')}
              {header('To', 'to')}
              {header('Target incentive', 'target', true)}
              {header('Annual quota', 'quota', true)}
              {header('Base salary', 'base', true)}
              {header('OTE', 'ote', true)}
              <th scope="col" className="num">Pay mix</th>
              <th scope="col">Ramp</th>
              {onChange && <th scope="col"><span className="visually-hidden">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const money = (minor: string | null) => formatMoney(minor, a.currency);
              const selected = a.id === selectedId;
              return (
                <tr key={a.id} data-testid="assignment-row" data-id={a.id} data-ended={a.endedAt !== null} data-selected={selected} className={selected ? 'selected' : undefined} onClick={() => onSelect(a)}>
                  <td>
                    {/* A button, so the row can be chosen from the keyboard too. */}
                    <button type="button" className="link" aria-pressed={selected} onClick={(e) => { e.stopPropagation(); onSelect(a); }}>{a.personName}</button>
                  </td>
                  <td title={a.planKey}>{a.planName} <span className="muted small">v{a.planVersion}</span></td>
                  <td>{formatDate(a.validFrom)}</td>
                  <td>{a.validTo ? formatDate(a.validTo) : 'open-ended'}</td>
                  <td className="num" data-testid="target-incentive">{money(a.targetIncentiveMinor)}</td>
                  <td className="num">
                    {a.annualQuotaMinor === null ? <span className="muted">no quota</span> : money(a.annualQuotaMinor)}
                    {a.measureQuotas['new-logos'] !== undefined && <div className="muted small" data-testid="logo-quota">{a.measureQuotas['new-logos']} new logos</div>}
                    {a.measureQuotas.acv !== undefined && <div className="muted small" data-testid="acv-quota">ACV {formatMoney(a.measureQuotas.acv, a.currency)}</div>}
                  </td>
                  <td className="num">{money(a.baseSalaryMinor)}</td>
                  <td className="num">{money(a.oteMinor)}</td>
                  <td className="num">{a.payMix ?? ''}</td>
                  <td>{rampText(a.ramp)}</td>
                  {onChange && (
                    <td>
                      {/* An ended row is history: its successor is the one to change. */}
                      {a.abilities.update && a.endedAt === null && (
                        <button type="button" onClick={(e) => { e.stopPropagation(); onChange(a); }} aria-label={`Change ${a.personName}'s ${a.planName} from a date`}>Change from date</button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr><td colSpan={onChange ? 11 : 10} className="muted">{filter.trim() ? `No assignment matches “${filter}”.` : 'No assignments.'}</td></tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="muted small" data-testid="assignments-count">{rows.length === items.length ? `${items.length} assignments` : `${rows.length} of ${items.length} assignments`}</p>
    </div>
  );
}
