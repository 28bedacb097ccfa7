import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { overviewProblemMessage } from '../overview-problems';

/** A failed overview call, in the reader's language. */
export function OverviewProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" className="problem-alert">
      <Paragraph>{overviewProblemMessage(error, t)}</Paragraph>
    </Alert>
  );
}
