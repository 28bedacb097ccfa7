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

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteError />,
      children: [
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
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
