import type { HistoryEntry } from '../api/types.js';
import { formatDate, formatMoney, humanize } from '../ui/format.js';

/** What one history entry changed, as sentences: "Stage: Discovery → Proposal". */
export function historyLines(entry: HistoryEntry, previous: HistoryEntry | undefined, names: (id: string | null) => string): string[] {
  if (!previous) {
    return [`Created in ${names(entry.stageId)} at ${formatMoney(entry.amountMinor, entry.currency)}, closing ${formatDate(entry.closeDate)}`];
  }
  const lines: string[] = [];
  for (const field of entry.changedFields) {
    if (field === 'stageId') lines.push(`Stage: ${names(previous.stageId)} → ${names(entry.stageId)}`);
    else if (field === 'amountMinor' || field === 'currency') {
      if (!lines.some((l) => l.startsWith('Amount'))) lines.push(`Amount: ${formatMoney(previous.amountMinor, previous.currency)} → ${formatMoney(entry.amountMinor, entry.currency)}`);
    } else if (field === 'closeDate') lines.push(`Close date: ${formatDate(previous.closeDate)} → ${formatDate(entry.closeDate)}`);
    else if (field === 'forecastCategory') lines.push(`Forecast category: ${humanize(previous.forecastCategory)} → ${humanize(entry.forecastCategory)}`);
    else if (field === 'ownerId') lines.push(`Owner: ${names(previous.ownerId)} → ${names(entry.ownerId)}`);
    else if (field === 'territoryId') lines.push(`Territory: ${names(previous.territoryId)} → ${names(entry.territoryId)}`);
    else lines.push(`${humanize(field)} changed`);
  }
  return lines;
}
