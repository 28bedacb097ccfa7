import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { AnnouncerProvider } from '../components/announcer';
import { LoadingState } from '../components/loading-state';
import { RouteFocusProvider } from '../components/route-focus';
import { RequireAuth } from '../features/auth/require-auth';
import { SignInPage } from '../features/auth/sign-in-page';
import { FrameworksPage } from '../features/frameworks/frameworks-page';
import { AppLayout } from './app-layout';
import { RouteError } from './error-boundary';
import { NotFoundPage } from './not-found-page';

// The framework page carries the wheel (ECharts); it loads when first needed.
const FrameworkPage = lazy(() =>
  import('../features/frameworks/framework-page').then((module) => ({
    default: module.FrameworkPage,
  })),
);
const FrameworkEditorPage = lazy(() =>
  import('../features/frameworks/editor/framework-editor-page').then((module) => ({
    default: module.FrameworkEditorPage,
  })),
);
const ImportFrameworkPage = lazy(() =>
  import('../features/frameworks/import-framework-page').then((module) => ({
    default: module.ImportFrameworkPage,
  })),
);
const OrganisationPage = lazy(() =>
  import('../features/organisation/organisation-page').then((module) => ({
    default: module.OrganisationPage,
  })),
);
const UnitPage = lazy(() =>
  import('../features/organisation/unit-page').then((module) => ({ default: module.UnitPage })),
);
const ImportOrganisationPage = lazy(() =>
  import('../features/organisation/import-organisation-page').then((module) => ({
    default: module.ImportOrganisationPage,
  })),
);
const PeoplePage = lazy(() =>
  import('../features/organisation/people-page').then((module) => ({
    default: module.PeoplePage,
  })),
);
const PersonPage = lazy(() =>
  import('../features/organisation/person-page').then((module) => ({
    default: module.PersonPage,
  })),
);
const MyProfilePage = lazy(() =>
  import('../features/organisation/my-profile-page').then((module) => ({
    default: module.MyProfilePage,
  })),
);
const RoleProfilesPage = lazy(() =>
  import('../features/role-profiles/role-profiles-page').then((module) => ({
    default: module.RoleProfilesPage,
  })),
);
const RoleProfilePage = lazy(() =>
  import('../features/role-profiles/role-profile-page').then((module) => ({
    default: module.RoleProfilePage,
  })),
);
const CompareProfilesPage = lazy(() =>
  import('../features/role-profiles/compare-page').then((module) => ({
    default: module.CompareProfilesPage,
  })),
);
const CampaignsPage = lazy(() =>
  import('../features/campaigns/campaigns-page').then((module) => ({
    default: module.CampaignsPage,
  })),
);
const NewCampaignPage = lazy(() =>
  import('../features/campaigns/campaign-form-page').then((module) => ({
    default: module.NewCampaignPage,
  })),
);
const EditCampaignPage = lazy(() =>
  import('../features/campaigns/campaign-form-page').then((module) => ({
    default: module.EditCampaignPage,
  })),
);
const CampaignPage = lazy(() =>
  import('../features/campaigns/campaign-page').then((module) => ({
    default: module.CampaignPage,
  })),
);
const OutboxPage = lazy(() =>
  import('../features/campaigns/outbox-page').then((module) => ({
    default: module.OutboxPage,
  })),
);
const OverviewIndexPage = lazy(() =>
  import('../features/overview/overview-index-page').then((module) => ({
    default: module.OverviewIndexPage,
  })),
);
const OverviewPage = lazy(() =>
  import('../features/overview/overview-page').then((module) => ({
    default: module.OverviewPage,
  })),
);

const RespondPage = lazy(() =>
  import('../features/respond/respond-page').then((module) => ({
    default: module.RespondPage,
  })),
);
const MyAssessmentsPage = lazy(() =>
  import('../features/respond/my-assessments-page').then((module) => ({
    default: module.MyAssessmentsPage,
  })),
);

function Root() {
  return (
    <RouteFocusProvider>
      <AnnouncerProvider>
        <Outlet />
      </AnnouncerProvider>
    </RouteFocusProvider>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

function lazyRoutes(routes: readonly [path: string, page: ReactNode][]) {
  return routes.map(([path, page]) => ({ path, element: <Lazy>{page}</Lazy> }));
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteError />,
      children: [
        // A personal link works without signing in: its own small public layout.
        {
          path: '/r/:token',
          element: (
            <Lazy>
              <RespondPage />
            </Lazy>
          ),
        },
        {
          element: <AppLayout />,
          children: [
            { path: '/sign-in', element: <SignInPage /> },
            {
              element: <RequireAuth />,
              children: [
                { index: true, element: <Navigate to="/frameworks" replace /> },
                { path: '/frameworks', element: <FrameworksPage /> },
                {
                  path: '/frameworks/import',
                  element: (
                    <Lazy>
                      <ImportFrameworkPage />
                    </Lazy>
                  ),
                },
                {
                  path: '/frameworks/:frameworkId',
                  element: (
                    <Lazy>
                      <FrameworkPage />
                    </Lazy>
                  ),
                },
                {
                  path: '/framework-versions/:versionId/edit',
                  element: (
                    <Lazy>
                      <FrameworkEditorPage />
                    </Lazy>
                  ),
                },
                ...lazyRoutes([
                  ['/organisation', <OrganisationPage key="organisation" />],
                  ['/organisation/import', <ImportOrganisationPage key="import" />],
                  ['/organisation/units/:unitId', <UnitPage key="unit" />],
                  ['/people', <PeoplePage key="people" />],
                  ['/people/:personId', <PersonPage key="person" />],
                  ['/me', <MyProfilePage key="me" />],
                  ['/assessments', <MyAssessmentsPage key="assessments" />],
                  ['/role-profiles', <RoleProfilesPage key="profiles" />],
                  ['/role-profiles/compare', <CompareProfilesPage key="compare" />],
                  ['/role-profiles/:profileId', <RoleProfilePage key="profile" />],
                  ['/campaigns', <CampaignsPage key="campaigns" />],
                  ['/campaigns/new', <NewCampaignPage key="new-campaign" />],
                  ['/campaigns/:campaignId', <CampaignPage key="campaign" />],
                  ['/campaigns/:campaignId/edit', <EditCampaignPage key="edit-campaign" />],
                  ['/outbox', <OutboxPage key="outbox" />],
                  ['/overview', <OverviewIndexPage key="overview-index" />],
                  ['/overview/:campaignId', <OverviewPage key="overview" />],
                ]),
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
