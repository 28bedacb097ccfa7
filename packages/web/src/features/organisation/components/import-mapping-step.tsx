import {
  Alert,
  Button,
  Checkbox,
  Field,
  Label,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { ImportJob } from '@evne/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { ProblemAlert } from '../../../components/problem-alert';
import { issueMessage } from '../../../lib/problem-messages';
import { cleanMapping, fieldsFor } from '../import-wizard';
import { useReplanImport } from '../use-organisation';
import { useFieldLabel } from './import-labels';

const NOT_IN_FILE = '';

/** Step 2: which column holds each field, pre-filled with Evne's guess or the last mapping. */
export function ImportMappingStep({ job, onPlanned }: { job: ImportJob; onPlanned: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const fieldLabel = useFieldLabel();
  const replan = useReplanImport(job.id);
  const [mapping, setMapping] = useState<Record<string, string>>(job.mapping);
  const [isFullImport, setIsFullImport] = useState(job.isFullImport);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const problemRef = useRef<HTMLDivElement>(null);
  const fields = fieldsFor(job.kind);
  const mappingIssues = job.issues.filter(
    (issue) => issue.code.startsWith('mapping_') || issue.code === 'empty_file',
  );

  useEffect(() => {
    if (replan.isError) {
      problemRef.current?.focus();
    }
  }, [replan.isError, replan.error]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = cleanMapping(mapping);
    const unmapped = new Set(
      fields
        .filter((item) => item.isRequired && chosen[item.field] === undefined)
        .map((f) => f.field),
    );
    setMissing(unmapped);
    if (unmapped.size > 0) {
      return;
    }
    replan.mutate(
      { mapping: chosen, isFullImport },
      {
        onSuccess: (next) => {
          if (next.status !== 'needs_mapping') {
            announce(t('orgImport.mapping.planned'));
            onPlanned();
          }
        },
      },
    );
  };

  return (
    <form className="form-stack" onSubmit={onSubmit} noValidate>
      <Paragraph>
        {t('orgImport.mapping.intro', { file: job.fileName, count: job.headers.length })}
      </Paragraph>
      {replan.isError && <ProblemAlert ref={problemRef} error={replan.error} headingLevel={3} />}
      {mappingIssues.length > 0 && (
        <Alert data-color="warning">
          <ul className="issue-list" aria-label={t('orgImport.mapping.issuesLabel')}>
            {mappingIssues.map((issue, index) => (
              <li key={`${issue.code}-${index}`}>
                {issueMessage(issue, t, (name, value) =>
                  name === 'field' ? fieldLabel(String(value)) : value,
                )}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="mapping-grid">
        {fields.map(({ field, isRequired }) => {
          const id = `mapping-${field}`;
          const hasError = missing.has(field);
          return (
            <Field key={field}>
              <Label htmlFor={id}>
                {fieldLabel(field)}
                {isRequired && <span className="required-mark"> ({t('common.required')})</span>}
              </Label>
              <Select
                id={id}
                value={mapping[field] ?? NOT_IN_FILE}
                aria-invalid={hasError}
                aria-describedby={hasError ? `${id}-error` : undefined}
                onChange={(event) => {
                  const value = event.target.value;
                  setMapping((current) => ({ ...current, [field]: value }));
                }}
              >
                <Select.Option value={NOT_IN_FILE}>
                  {t('orgImport.mapping.notInFile')}
                </Select.Option>
                {job.headers.map((header) => (
                  <Select.Option key={header} value={header}>
                    {header}
                  </Select.Option>
                ))}
              </Select>
              {hasError && (
                <ValidationMessage id={`${id}-error`}>
                  {t('orgImport.mapping.chooseColumn')}
                </ValidationMessage>
              )}
            </Field>
          );
        })}
      </div>
      <Checkbox
        label={t('orgImport.fullImport')}
        description={t(`orgImport.fullImportHelp.${job.kind}`)}
        checked={isFullImport}
        onChange={(event) => setIsFullImport(event.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={replan.isPending} aria-disabled={replan.isPending}>
          {t('orgImport.mapping.submit')}
        </Button>
      </div>
    </form>
  );
}
