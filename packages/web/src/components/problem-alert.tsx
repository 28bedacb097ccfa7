import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { issueLocation, issueMessage, problemMessage } from '../lib/problem-messages';

interface ProblemAlertProps {
  error: unknown;
  /** A heading above the message, e.g. "The file was not imported". */
  title?: string;
  /** Heading level for `title` (default 2). */
  headingLevel?: 2 | 3 | 4;
}

/** Shows a failed call: its translated message and, when the server listed them, every issue with where it is. */
export const ProblemAlert = forwardRef<HTMLDivElement, ProblemAlertProps>(function ProblemAlert(
  { error, title, headingLevel = 2 },
  ref,
) {
  const { t } = useTranslation();
  const issues = isApiError(error) ? (error.problem.issues ?? []) : [];
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1} className="problem-alert">
      {title !== undefined && (
        <Heading level={headingLevel} data-size="xs">
          {title}
        </Heading>
      )}
      <Paragraph>{problemMessage(error, t)}</Paragraph>
      {issues.length > 0 && (
        <>
          <Paragraph data-size="sm">{t('issues.count', { count: issues.length })}</Paragraph>
          <ol className="issue-list">
            {issues.map((issue, index) => {
              const location = issueLocation(issue, t);
              return (
                <li key={`${issue.code}-${index}`}>
                  <span className="issue-list__message">{issueMessage(issue, t)}</span>
                  {location !== undefined && (
                    <span className="issue-list__location">{location}</span>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Alert>
  );
});
