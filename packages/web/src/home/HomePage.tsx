import { useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { formatCount, formatDate } from '../ui/format.js';
import { ClosingThisMonth } from './ClosingThisMonth.js';
import { HomeSection } from './HomeSection.js';
import { monthName } from './home-figures.js';
import { KpiRow } from './KpiRow.js';
import { KpiRowSkeleton } from './KpiRowSkeleton.js';
import { NarrowedBanner } from './NarrowedBanner.js';
import { OverdueActivities } from './OverdueActivities.js';
import { RepEarnings } from './RepEarnings.js';
import { SectionSkeleton } from './SectionSkeleton.js';
import { TeamPipeline } from './TeamPipeline.js';
import { useHomeFigures, usePersonName } from './use-home-figures.js';

/*
 * The home screen: outcomes first (bookings, win rate, pipeline, coverage), then what needs
 * doing (deals closing this month, overdue activities); activity counts last and small,
 * because they are easy to game and only diagnose. A rep sees her own; anyone who sees more
 * than herself sees her scope by rep and stage and can narrow the page to one rep
 * (?ownerId=..., so the view can be shared and the back button works).
 */
export function HomePage() {
  const { me, can } = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusBack, setFocusBack] = useState(false);
  const isRep = me.user.role === 'rep';
  // A rep's home is always her own: the parameter only narrows a wider scope.
  const ownerId = isRep ? null : new URLSearchParams(search).get('ownerId') || null;
  const allowed = can('opportunity:list');
  const home = useHomeFigures(ownerId, allowed);
  const figures = home.data;
  const personName = usePersonName(ownerId, figures, can('person:read'));

  const selectRep = (id: string) => {
    setFocusBack(true);
    navigate(`/?ownerId=${encodeURIComponent(id)}`);
  };
  const backToTeam = () => {
    setFocusBack(false);
    navigate('/');
    heading.current?.focus();
  };

  const scope = ownerId !== null ? (personName ?? 'One person') : isRep ? 'Your deals' : me.user.role === 'manager' ? 'Your team' : `Everyone in ${me.org.name}`;
  const showOwner = !isRep && ownerId === null;

  return (
    <div className="home">
      <header className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>Home</h1>
          <p className="muted home-subtitle">
            {scope}
            {figures && <> · {figures.quarter.key} ({formatDate(figures.quarter.start)} – {formatDate(figures.quarter.end)}) · as of {formatDate(figures.today)} · in {figures.currency}</>}
          </p>
        </div>
      </header>
      {me.user.personId !== null && can('statement:read') && ownerId === null && <RepEarnings />}
      {ownerId !== null && <NarrowedBanner name={personName} autoFocus={focusBack} onBack={backToTeam} />}
      {!allowed ? (
        <p className="empty-state">Your role has no pipeline figures to show.</p>
      ) : home.isError ? (
        <div className="card home-error" role="alert">
          <p>The home figures could not be loaded: {home.error instanceof ApiError ? home.error.message : 'the server could not be reached.'}</p>
          <button type="button" onClick={() => void home.refetch()}>Try again</button>
        </div>
      ) : (
        <div className={home.isPlaceholderData ? 'home-body home-stale' : 'home-body'} aria-busy={home.isFetching && (!figures || home.isPlaceholderData)}>
          {figures ? <KpiRow figures={figures} /> : <KpiRowSkeleton />}
          {!isRep && <TeamPipeline figures={figures} narrowed={ownerId !== null} onSelectRep={selectRep} />}
          <HomeSection title="Deals closing this month" aside={figures && <span className="muted small">{monthName(figures.month.start)}</span>}>
            {figures ? <ClosingThisMonth deals={figures.closingThisMonth} today={figures.today} showOwner={showOwner} /> : <SectionSkeleton rows={4} />}
          </HomeSection>
          <HomeSection
            title="Overdue activities"
            aside={figures && figures.overdueActivityCount > 0 && <span className="badge danger" data-testid="overdue-count">{formatCount(figures.overdueActivityCount)}</span>}
          >
            {figures ? (
              <OverdueActivities activities={figures.overdueActivities} total={figures.overdueActivityCount} today={figures.today} showOwner={showOwner} />
            ) : (
              <SectionSkeleton rows={4} />
            )}
          </HomeSection>
          <p className="muted small home-footnote">
            {figures ? <>Activities completed this quarter: {formatCount(figures.activitiesDoneThisQuarter)}</> : ' '}
          </p>
        </div>
      )}
    </div>
  );
}
