import { lazy, Suspense } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Switch, useLocation } from 'wouter';
import { ApiError } from '../api/client.js';
import { isEntityKey } from '../entities/entity-meta.js';
import { SessionProvider } from '../session/SessionProvider.js';
import { Layout } from '../shell/Layout.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { NotFound } from '../ui/NotFound.js';

/*
 * Each area is its own chunk, loaded when first visited, so the first page downloads only
 * the shell and the screen it shows.
 */
const HomePage = lazy(() => import('../home/HomePage.js').then((m) => ({ default: m.HomePage })));
const BoardPage = lazy(() => import('../board/BoardPage.js').then((m) => ({ default: m.BoardPage })));
const ImportPage = lazy(() => import('../import/ImportPage.js').then((m) => ({ default: m.ImportPage })));
const EntityListPage = lazy(() => import('../lists/EntityListPage.js').then((m) => ({ default: m.EntityListPage })));
const PlansArea = lazy(() => import('../plans/PlansArea.js').then((m) => ({ default: m.PlansArea })));
const AssignmentsPage = lazy(() => import('../assignments/AssignmentsPage.js').then((m) => ({ default: m.AssignmentsPage })));
const CoveragePage = lazy(() => import('../coverage/CoveragePage.js').then((m) => ({ default: m.CoveragePage })));
const TerritoriesArea = lazy(() => import('../territories/TerritoriesArea.js').then((m) => ({ default: m.TerritoriesArea })));
const QuotasArea = lazy(() => import('../quotas/QuotasArea.js').then((m) => ({ default: m.QuotasArea })));
const TeamQuotasArea = lazy(() => import('../quotas/TeamQuotasArea.js').then((m) => ({ default: m.TeamQuotasArea })));
const ForecastPage = lazy(() => import('../forecast/ForecastPage.js').then((m) => ({ default: m.ForecastPage })));
const PerformancePage = lazy(() => import('../performance/PerformancePage.js').then((m) => ({ default: m.PerformancePage })));
const PayArea = lazy(() => import('../pay/PayArea.js').then((m) => ({ default: m.PayArea })));
const RecordPage = lazy(() => import('../records/RecordPage.js').then((m) => ({ default: m.RecordPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <Layout>
          <Screens />
        </Layout>
      </SessionProvider>
    </QueryClientProvider>
  );
}

function Screens() {
  const [location] = useLocation();
  return (
    <ErrorBoundary resetKey={location}>
      <Suspense fallback={<div className="page-loading" aria-busy="true" />}>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/board" component={BoardPage} />
          <Route path="/forecast" component={ForecastPage} />
          <Route path="/performance" component={PerformancePage} />
          <Route path="/import" component={ImportPage} />
          <Route path="/plans" nest component={PlansArea} />
          <Route path="/assignments" component={AssignmentsPage} />
          <Route path="/coverage" component={CoveragePage} />
          <Route path="/territories" nest component={TerritoriesArea} />
          <Route path="/quotas" nest component={QuotasArea} />
          <Route path="/team-quotas" nest component={TeamQuotasArea} />
          <Route path="/pay" component={PayArea} />
          <Route path="/my-pay" component={PayArea} />
          <Route path="/statements/:personId/:period" component={PayArea} />
          <Route path="/disputes" component={PayArea} />
          <Route path="/disputes/:id" component={PayArea} />
          <Route path="/:entity">{(params) => (isEntityKey(params.entity) ? <EntityListPage key={params.entity} entity={params.entity} /> : <NotFound />)}</Route>
          <Route path="/:entity/:id">
            {(params) => (isEntityKey(params.entity) ? <RecordPage key={`${params.entity}/${params.id}`} entity={params.entity} id={params.id} /> : <NotFound />)}
          </Route>
          <Route><NotFound /></Route>
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}
