import { Link } from 'wouter';
import { formatDate, formatMoney } from '../ui/format.js';
import type { ClosingDeal } from './home-figures.js';

interface Props {
  readonly deals: readonly ClosingDeal[];
  readonly today: string;
  /** Team view: say whose each deal is. */
  readonly showOwner: boolean;
}

/** Open deals whose close date falls in this month, soonest first; a past close date is flagged. */
export function ClosingThisMonth({ deals, today, showOwner }: Props) {
  if (deals.length === 0) return <p className="empty-state home-empty">No open deals closing this month.</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Deal</th>
            <th scope="col">Account</th>
            {showOwner && <th scope="col">Owner</th>}
            <th scope="col">Stage</th>
            <th scope="col">Close date</th>
            <th scope="col" className="num">Amount</th>
          </tr>
        </thead>
        <tbody>
          {deals.map((deal) => (
            <tr key={deal.id}>
              <td className="home-wrap"><Link href={`/opportunities/${deal.id}`}>{deal.name}</Link></td>
              <td className="home-wrap">{deal.accountId !== null && deal.accountName !== null ? <Link href={`/accounts/${deal.accountId}`}>{deal.accountName}</Link> : <span className="muted">—</span>}</td>
              {showOwner && <td>{deal.ownerName ?? <span className="muted">Unassigned</span>}</td>}
              <td>{deal.stageName ?? ''}</td>
              <td className="home-wrap-date">
                {formatDate(deal.closeDate)}
                {deal.closeDate < today && <> <span className="badge warn">past due</span></>}
              </td>
              <td className="num">{formatMoney(deal.amountMinor, deal.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
