import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ImportJob, ImportPreview } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { issueMessage } from '../../../lib/problem-messages';
import { useChangeLabel, useFieldLabel } from './import-labels';

type Category = 'added' | 'changed' | 'moved' | 'deactivated' | 'reactivated';
const CATEGORIES: readonly Category[] = ['added', 'changed', 'moved', 'deactivated', 'reactivated'];
type Change = ImportPreview['added']['sample'][number];

/** The counts of a dry run (or of what was applied) as a short labelled list. */
export function ImportSummary({
  preview,
  label,
  isApplied = false,
}: {
  preview: ImportPreview;
  label: string;
  isApplied?: boolean;
}) {
  const { t } = useTranslation();
  const tense = isApplied ? 'applied' : 'planned';
  return (
    <ul className="import-summary" aria-label={label}>
      {CATEGORIES.map((category) => (
        <li
          key={category}
          className={`import-summary__item${preview[category].count > 0 ? ' import-summary__item--some' : ''}`}
          data-category={category}
        >
          {t(`orgImport.summary.${tense}.${category}`, { count: preview[category].count })}
        </li>
      ))}
      <li className="import-summary__item" data-category="unchanged">
        {t(`orgImport.summary.${tense}.unchanged`, { count: preview.unchanged })}
      </li>
    </ul>
  );
}

function Value({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return value === null || value === '' ? (
    <span className="muted">{t('orgImport.preview.empty')}</span>
  ) : (
    <span className="change-value">{value}</span>
  );
}

function ChangeList({ change }: { change: Change }) {
  const { t } = useTranslation();
  const changeLabel = useChangeLabel();
  const entries = Object.entries(change.fields ?? {});
  return (
    <ul className="change-list">
      {entries.map(([field, [before, after]]) => (
        <li key={field}>
          <span className="change-list__field">{changeLabel(field)}:</span> <Value value={before} />{' '}
          <span aria-hidden="true">→</span>
          <span className="visually-hidden"> {t('orgImport.preview.becomes')} </span>{' '}
          <Value value={after} />
        </li>
      ))}
    </ul>
  );
}

/** One kind of change: the listed sample as a table (with before → after where it applies). */
function CategoryTable({
  job,
  category,
  preview,
}: {
  job: ImportJob;
  category: Category;
  preview: ImportPreview;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { count, sample } = preview[category];
  if (count === 0) {
    return null;
  }
  const caption = t(`orgImport.preview.headings.${category}`, { count });
  const hasChanges = category === 'changed' || category === 'moved';
  const hasLine = category !== 'deactivated';
  return (
    <div className="import-category">
      <Heading level={3} data-size="xs" id={headingId}>
        {caption}
      </Heading>
      {sample.length < count && (
        <Paragraph data-size="sm" className="muted">
          {t('orgImport.preview.sampleNote', { shown: sample.length, count })}
        </Paragraph>
      )}
      <div className="table-scroll ds-focus" role="region" aria-labelledby={headingId} tabIndex={0}>
        <Table zebra data-size="sm" className="import-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t(`orgImport.preview.key.${job.kind}`)}</Table.HeaderCell>
              <Table.HeaderCell>{t('orgImport.preview.name')}</Table.HeaderCell>
              {hasLine && <Table.HeaderCell>{t('orgImport.preview.line')}</Table.HeaderCell>}
              {hasChanges && <Table.HeaderCell>{t('orgImport.preview.changes')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sample.map((change) => (
              <Table.Row key={change.key}>
                <Table.Cell>{change.key}</Table.Cell>
                <Table.Cell>{change.name}</Table.Cell>
                {hasLine && <Table.Cell className="tabular">{change.line ?? ''}</Table.Cell>}
                {hasChanges && (
                  <Table.Cell>
                    <ChangeList change={change} />
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}

/** Every listed change of a dry run, one table per kind of change. */
export function ImportChanges({ job, preview }: { job: ImportJob; preview: ImportPreview }) {
  return (
    <>
      {CATEGORIES.map((category) => (
        <CategoryTable key={category} job={job} category={category} preview={preview} />
      ))}
    </>
  );
}

/** Every problem of the file with its line and column. */
export function ImportIssues({ job, headingLevel = 3 }: { job: ImportJob; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const headingId = useId();
  if (job.issues.length === 0) {
    return null;
  }
  return (
    <div className="import-category">
      <Heading level={headingLevel} data-size="xs" id={headingId}>
        {t('orgImport.issues.heading', { count: job.issueCount })}
      </Heading>
      {job.issues.length < job.issueCount && (
        <Paragraph data-size="sm" className="muted">
          {t('orgImport.issues.sampleNote', { shown: job.issues.length, count: job.issueCount })}
        </Paragraph>
      )}
      <div className="table-scroll ds-focus" role="region" aria-labelledby={headingId} tabIndex={0}>
        <Table zebra data-size="sm" className="import-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('orgImport.issues.line')}</Table.HeaderCell>
              <Table.HeaderCell>{t('orgImport.issues.column')}</Table.HeaderCell>
              <Table.HeaderCell>{t('orgImport.issues.problem')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {job.issues.map((issue, index) => (
              <Table.Row key={`${issue.code}-${issue.line ?? 0}-${index}`}>
                <Table.Cell className="tabular">{issue.line ?? '–'}</Table.Cell>
                <Table.Cell>{issue.column ?? '–'}</Table.Cell>
                <Table.Cell>
                  {issueMessage(issue, t, (name, value) =>
                    name === 'field' ? fieldLabel(String(value)) : value,
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
