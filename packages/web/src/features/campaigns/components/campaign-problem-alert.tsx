import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignProblemMessage, locatedProblems } from '../campaign-problems';

interface CampaignProblemAlertProps {
  error: unknown;
  title?: string;
  headingLevel?: 2 | 3 | 4;
}

/** A failed campaign call: its sentence in the reader's language and any issues the server listed. */
export const CampaignProblemAlert = forwardRef<HTMLDivElement, CampaignProblemAlertProps>(
  function CampaignProblemAlert({ error, title, headingLevel = 2 }, ref) {
    const { t } = useTranslation();
    const issues = locatedProblems(error, t);
    return (
      <Alert data-color="danger" ref={ref} tabIndex={-1} className="problem-alert">
        {title !== undefined && (
          <Heading level={headingLevel} data-size="xs">
            {title}
          </Heading>
        )}
        <Paragraph>{campaignProblemMessage(error, t)}</Paragraph>
        {issues.length > 0 && (
          <ul className="issue-list">
            {issues.map((issue, index) => (
              <li key={index}>
                {issue.field !== undefined
                  ? t('campaigns.form.problemAt', {
                      field: t(`campaigns.fields.${issue.field}`),
                      message: issue.message,
                    })
                  : issue.message}
              </li>
            ))}
          </ul>
        )}
      </Alert>
    );
  },
);
