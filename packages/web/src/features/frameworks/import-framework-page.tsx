import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  FRAMEWORK_ROW_COLUMNS,
  IMPORT_FORMATS,
  ImportFrameworkInputSchema,
  type ImportFormat,
  type ImportFrameworkInput,
  type ImportFrameworkResult,
} from '@evne/core';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LocalizedTextFields } from '../../components/localized-text-fields';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { readFileAsBase64, readFileAsText } from '../../lib/files';
import { textFromDraft, type LocalizedDraft } from '../../lib/localized-text';
import { useCurrentSession } from '../auth/use-session';
import { useImportFramework } from './use-frameworks';

const ACCEPT: Record<ImportFormat, string> = {
  json: '.json,application/json',
  case: '.json,application/json',
  csv: '.csv,.txt,text/csv',
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** CSV and XLSX carry only nodes, so they take the framework's key and name here. */
function needsMeta(format: ImportFormat): boolean {
  return format === 'csv' || format === 'xlsx';
}

interface FormErrors {
  file?: string;
  key?: string;
}

/** Import a framework file (JSON, CASE, CSV, XLSX); every problem in the file is listed with where it is. */
export function ImportFrameworkPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const importFramework = useImportFramework();
  const announce = useAnnounce();
  const [format, setFormat] = useState<ImportFormat>('json');
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [name, setName] = useState<LocalizedDraft>({ da: '', nb: '', en: '' });
  const [publish, setPublish] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [result, setResult] = useState<ImportFrameworkResult | null>(null);
  const [isReading, setIsReading] = useState(false);
  const fileId = useId();
  const fileErrorId = useId();
  const problemRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (importFramework.isError) {
      problemRef.current?.focus();
    }
  }, [importFramework.isError, importFramework.error]);

  useEffect(() => {
    if (result) {
      resultRef.current?.focus();
    }
  }, [result]);

  if (session.role !== 'admin') {
    return (
      <>
        <PageHeading title={t('import.title')} />
        <Alert data-color="warning">
          <Paragraph>{t('problems.admin_only')}</Paragraph>
        </Alert>
      </>
    );
  }

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResult(null);
    importFramework.reset();
    const nextErrors: FormErrors = {};
    if (!file) {
      nextErrors.file = t('import.fileMissing');
    }
    const trimmedKey = key.trim();
    if (
      needsMeta(format) &&
      trimmedKey !== '' &&
      !ImportFrameworkInputSchema.shape.key.safeParse(trimmedKey).success
    ) {
      nextErrors.key = t('import.keyInvalid');
    }
    setErrors(nextErrors);
    if (!file || Object.keys(nextErrors).length > 0) {
      return;
    }
    setIsReading(true);
    let content: string;
    try {
      content = format === 'xlsx' ? await readFileAsBase64(file) : await readFileAsText(file);
    } catch {
      setErrors({ file: t('import.fileUnreadable') });
      return;
    } finally {
      setIsReading(false);
    }
    const localizedName = textFromDraft(name);
    const input: ImportFrameworkInput = {
      format,
      fileName: file.name,
      content,
      ...(publish ? { publish: true } : {}),
      ...(needsMeta(format) && trimmedKey !== '' ? { key: trimmedKey } : {}),
      ...(needsMeta(format) && localizedName !== null ? { name: localizedName } : {}),
    };
    importFramework.mutate(input, {
      onSuccess: (imported) => {
        setResult(imported);
        announce(
          imported.unchanged
            ? t('import.unchanged')
            : t('import.done', { count: imported.nodeCount }),
        );
      },
    });
  };

  const busy = isReading || importFramework.isPending;

  return (
    <div className="narrow-page">
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to="/frameworks">{t('framework.backToLibrary')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('import.title')} />
      <Paragraph>{t('import.intro')}</Paragraph>

      {importFramework.isError && (
        <ProblemAlert
          ref={problemRef}
          error={importFramework.error}
          title={t('import.failedTitle')}
        />
      )}
      {result && (
        <Alert data-color="success" ref={resultRef} tabIndex={-1}>
          <Heading level={2} data-size="xs">
            {result.unchanged ? t('import.unchangedTitle') : t('import.doneTitle')}
          </Heading>
          <Paragraph>
            {result.unchanged
              ? t('import.unchanged')
              : t(result.status === 'published' ? 'import.donePublished' : 'import.doneDraft', {
                  count: result.nodeCount,
                })}
          </Paragraph>
          <Paragraph>
            <Link asChild>
              <RouterLink to={`/frameworks/${result.frameworkId}?version=${result.versionId}`}>
                {t('import.open')}
              </RouterLink>
            </Link>
            {result.status === 'draft' && (
              <>
                {' · '}
                <Link asChild>
                  <RouterLink to={`/framework-versions/${result.versionId}/edit`}>
                    {t('import.openEditor')}
                  </RouterLink>
                </Link>
              </>
            )}
          </Paragraph>
        </Alert>
      )}

      <form className="form-stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Fieldset>
          <Fieldset.Legend>{t('import.format')}</Fieldset.Legend>
          {IMPORT_FORMATS.map((option) => (
            <Radio
              key={option}
              name="format"
              value={option}
              label={t(`import.formats.${option}`)}
              description={t(`import.formatHelp.${option}`)}
              checked={format === option}
              onChange={() => setFormat(option)}
            />
          ))}
        </Fieldset>

        <Field>
          <Label htmlFor={fileId}>{t('import.file')}</Label>
          <Field.Description>
            {t(`import.fileHelp.${format}`, { columns: FRAMEWORK_ROW_COLUMNS.join(', ') })}
          </Field.Description>
          <Input
            id={fileId}
            type="file"
            accept={ACCEPT[format]}
            aria-invalid={errors.file !== undefined}
            aria-describedby={errors.file !== undefined ? fileErrorId : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {errors.file !== undefined && (
            <ValidationMessage id={fileErrorId}>{errors.file}</ValidationMessage>
          )}
        </Field>

        {needsMeta(format) && (
          <>
            <Textfield
              label={t('import.key')}
              description={t('import.keyHelp')}
              value={key}
              onChange={(event) => setKey(event.target.value)}
              error={errors.key}
              autoComplete="off"
              spellCheck={false}
            />
            <LocalizedTextFields
              legend={t('import.name')}
              description={t('import.nameHelp')}
              value={name}
              onChange={setName}
            />
          </>
        )}

        <Checkbox
          label={t('import.publish')}
          description={t('import.publishHelp')}
          checked={publish}
          onChange={(event) => setPublish(event.target.checked)}
        />

        <div className="button-row">
          <Button type="submit" loading={busy} aria-disabled={busy}>
            {t('import.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
