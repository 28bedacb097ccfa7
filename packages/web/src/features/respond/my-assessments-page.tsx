import { Alert, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { MyAssessment } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { useMyAssessments } from './use-respond';

const STATUS_COLOUR = {
  not_started: 'neutral',
  started: 'warning',
  submitted: 'success',
} as const satisfies Record<MyAssessment['status'], string>;

/** `/assessments`: the signed-in person's own assessment and, for managers, their direct reports. */
export function MyAssessmentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useMyAssessments(locale);
  const items = query.data?.items ?? [];
  const own = items.filter((item) => item.kind === 'self');
  const reports = items.filter((item) => item.kind === 'manager');

  const table = (rows: MyAssessment[], caption: string, showSubject: boolean) => (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table data-size="sm" className="assessments-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('assessments.campaign')}</Table.HeaderCell>
            {showSubject && (
              <Table.HeaderCell scope="col">{t('assessments.subject')}</Table.HeaderCell>
            )}
            <Table.HeaderCell scope="col">{t('assessments.closes')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('assessments.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">
              <span className="visually-hidden">{t('assessments.action')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((item) => {
            const label =
              item.status === 'not_started'
                ? t('assessments.open')
                : item.status === 'started'
                  ? t('assessments.continue')
                  : t('assessments.view');
            const name = showSubject ? item.subject.name : item.campaign.name;
            return (
              <Table.Row key={item.invitationId}>
                <Table.Cell>{item.campaign.name}</Table.Cell>
                {showSubject && <Table.Cell>{item.subject.name}</Table.Cell>}
                <Table.Cell>{formatDate(item.campaign.closesAt, locale)}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={STATUS_COLOUR[item.status]} data-size="sm">
                    {t(`assessments.statuses.${item.status}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  {item.link !== null ? (
                    <Link asChild>
                      <RouterLink to={item.link}>
                        {label}
                        <span className="visually-hidden">: {name}</span>
                      </RouterLink>
                    </Link>
                  ) : (
                    <span className="muted">{t('assessments.anonymousDone')}</span>
                  )}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );

  return (
    <>
      <PageHeading title={t('assessments.title')} />
      <Paragraph className="lead">{t('assessments.lead')}</Paragraph>
      <Paragraph data-size="sm" className="muted lead">
        {t('assessments.newLinkNote')}
      </Paragraph>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : items.length === 0 ? (
        <Alert data-color="info">
          <Paragraph>{t('assessments.empty')}</Paragraph>
        </Alert>
      ) : (
        <>
          {own.length > 0 && (
            <section className="page-section" aria-labelledby="assessments-own">
              <h2 id="assessments-own" className="ds-heading" data-size="sm">
                {t('assessments.own')}
              </h2>
              {table(own, t('assessments.own'), false)}
            </section>
          )}
          {reports.length > 0 && (
            <section className="page-section" aria-labelledby="assessments-reports">
              <h2 id="assessments-reports" className="ds-heading" data-size="sm">
                {t('assessments.reports')}
              </h2>
              <Paragraph data-size="sm">{t('assessments.reportsLead')}</Paragraph>
              {table(reports, t('assessments.reports'), true)}
            </section>
          )}
        </>
      )}
    </>
  );
}
