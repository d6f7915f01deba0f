import { Link } from 'wouter';
import { formatCount, formatDate, humanize } from '../ui/format.js';
import { daysBetween, type OverdueActivity } from './home-figures.js';

interface Props {
  readonly activities: readonly OverdueActivity[];
  readonly total: number;
  readonly today: string;
  readonly showOwner: boolean;
}

/** Open activities past their due date, oldest first (the server sends the first few and the total). */
export function OverdueActivities({ activities, total, today, showOwner }: Props) {
  if (activities.length === 0) return <p className="empty-state home-empty">No overdue activities.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">Type</th>
              <th scope="col">Account</th>
              {showOwner && <th scope="col">Owner</th>}
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {activities.map((activity) => {
              const late = daysBetween(activity.dueDate, today);
              return (
                <tr key={activity.id}>
                  <td className="home-wrap"><Link href={`/activities/${activity.id}`}>{activity.subject}</Link></td>
                  <td>{humanize(activity.type)}</td>
                  <td className="home-wrap">{activity.accountId !== null && activity.accountName !== null ? <Link href={`/accounts/${activity.accountId}`}>{activity.accountName}</Link> : <span className="muted">—</span>}</td>
                  {showOwner && <td>{activity.ownerName ?? <span className="muted">Unassigned</span>}</td>}
                  <td className="home-wrap-date">
                    {formatDate(activity.dueDate)} <span className="badge danger">{formatCount(late)} {late === 1 ? 'day' : 'days'} late</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {total > activities.length && <p className="muted small">Showing the {formatCount(activities.length)} oldest of {formatCount(total)}.</p>}
    </>
  );
}
