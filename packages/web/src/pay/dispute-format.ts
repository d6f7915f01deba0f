import type { DisputeItem, DisputeStatusWire } from '@attain/contract';
import { parseMajorToMinor } from '@attain/core';

/** How a status reads. */
export const DISPUTE_STATUS_LABEL: Record<DisputeStatusWire, string> = { open: 'Open', assigned: 'Assigned', answered: 'Answered', resolved: 'Resolved' };

/** The statuses finance still has to deal with (the Disputes page's default filter). */
export const UNRESOLVED = 'open,assigned,answered';

/** What a dispute is about, in words: the line's component and step, or the missing credit. */
export function disputeSubjectText(d: Pick<DisputeItem, 'kind' | 'subject'>): string {
  const s = d.subject;
  if (d.kind === 'line') return `${s.componentId ?? ''} · ${(s.step ?? '').replace(/[-_]/g, ' ')}`;
  return ['Missing credit', s.description, s.opportunityId && `deal ${s.opportunityId}`, s.transactionId && `transaction ${s.transactionId}`].filter(Boolean).join(' · ');
}

/** An age in days, as finance reads it. */
export const ageText = (days: number): string => (days === 0 ? 'today' : days === 1 ? '1 day' : `${days} days`);

/**
 * An adjustment typed in major units ("100.00", "-25.5", "1,000") as minor units, exactly
 * (core parseMajorToMinor: never a float); an error message instead when it is not an amount.
 */
export function adjustmentMinor(text: string, currency: string): { minor: string } | { error: string } {
  try {
    const minor = parseMajorToMinor(text, currency);
    return minor === 0n ? { error: 'An adjustment is not zero.' } : { minor: minor.toString() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The badge of a status: waiting ones stand out, resolved ones read as done. */
export const disputeBadgeClass = (status: DisputeStatusWire): string => `badge${status === 'resolved' ? ' ok' : status === 'open' ? ' warn' : ''}`;
