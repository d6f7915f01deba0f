import type { PlanVersionSummary } from '@attain/contract';
import { formatDate } from '../ui/format.js';

/** The published versions of a plan (only those can be assigned), newest first, each with its dates. */
export function publishedVersions(versions: readonly PlanVersionSummary[] | undefined): PlanVersionSummary[] {
  return [...(versions ?? [])].filter((v) => v.status === 'published').sort((a, b) => b.version - a.version);
}

export function versionSpan(v: PlanVersionSummary): string {
  return `${formatDate(v.effectiveFrom)} – ${v.effectiveTo ? formatDate(v.effectiveTo) : 'open-ended'}`;
}

export function PlanVersionSelect({ id, value, versions, disabled, invalid, onChange }: {
  id: string;
  value: string;
  versions: readonly PlanVersionSummary[];
  disabled?: boolean;
  invalid?: Record<string, unknown>;
  onChange: (version: string) => void;
}) {
  return (
    <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} {...invalid}>
      {value === '' && <option value="">{disabled ? 'Choose a plan first' : 'Choose a version'}</option>}
      {versions.map((v) => <option key={v.version} value={String(v.version)}>v{v.version} · {versionSpan(v)}</option>)}
    </select>
  );
}
