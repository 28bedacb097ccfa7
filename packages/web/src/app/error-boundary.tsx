import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';

function ErrorMessage({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" className="page-error">
      <Heading level={1} data-size="sm">
        {t('errors.pageTitle')}
      </Heading>
      <Paragraph>{t('errors.pageBody')}</Paragraph>
      <Button variant="secondary" onClick={onRetry ?? (() => window.location.reload())}>
        {t('errors.reload')}
      </Button>
    </Alert>
  );
}

interface State {
  failed: boolean;
}

/** Catches rendering errors below it, so one broken page does not blank the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Evne: a page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return <ErrorMessage onRetry={() => this.setState({ failed: false })} />;
    }
    return this.props.children;
  }
}

/** The router's error element (an error thrown while matching or rendering a route). */
export function RouteError() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) {
    console.error('Evne: route error', error);
  }
  return (
    <main id="main-content" className="app-main">
      <ErrorMessage />
    </main>
  );
}
