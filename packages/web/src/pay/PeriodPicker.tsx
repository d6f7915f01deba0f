import { useId } from 'react';
import { localToday, periodOptions } from './period-options.js';

interface Props {
  /** The chosen period's canonical key ("FY2027-Q1"). */
  readonly value: string;
  readonly fiscalYearStartMonth: number;
  readonly onChange: (key: string) => void;
}

/** A labelled select of fiscal quarters and months (this fiscal year and the last), latest first. */
export function PeriodPicker({ value, fiscalYearStartMonth, onChange }: Props) {
  const id = useId();
  const { quarters, months } = periodOptions(localToday(), fiscalYearStartMonth);
  const listed = [...quarters, ...months].some((o) => o.key === value);
  return (
    <div className="field pay-period-picker">
      <label htmlFor={id}>Pay period</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid="period-picker">
        {/* A period from a link that is older than the list still shows as chosen. */}
        {!listed && <option value={value}>{value}</option>}
        <optgroup label="Quarters">
          {quarters.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
        </optgroup>
        <optgroup label="Months">
          {months.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
        </optgroup>
      </select>
    </div>
  );
}
