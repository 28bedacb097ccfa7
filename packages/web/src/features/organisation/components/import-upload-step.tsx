import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Input,
  Label,
  Radio,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { ImportJob, ImportKind } from '@evne/core';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { ProblemAlert } from '../../../components/problem-alert';
import { readFileAsBase64, readFileAsText } from '../../../lib/files';
import { formatOf } from '../import-wizard';
import { useCreateImport } from '../use-organisation';

const ACCEPT =
  '.csv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: what the file holds, the file itself, and whether it is the whole organisation. */
export function ImportUploadStep({ onCreated }: { onCreated: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const createImport = useCreateImport();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [isFullImport, setIsFullImport] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [isReading, setIsReading] = useState(false);
  const fileId = useId();
  const fileErrorId = useId();
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (createImport.isError) {
      problemRef.current?.focus();
    }
  }, [createImport.isError, createImport.error]);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    createImport.reset();
    if (!file) {
      setFileError(t('orgImport.upload.fileMissing'));
      return;
    }
    setFileError(undefined);
    const format = formatOf(file.name);
    setIsReading(true);
    let content: string;
    try {
      content = format === 'xlsx' ? await readFileAsBase64(file) : await readFileAsText(file);
    } catch {
      setFileError(t('orgImport.upload.fileUnreadable'));
      return;
    } finally {
      setIsReading(false);
    }
    createImport.mutate(
      { kind, format, fileName: file.name, content, isFullImport },
      {
        onSuccess: (job) => {
          announce(t('orgImport.upload.read', { count: job.preview?.rowCount ?? 0 }));
          onCreated(job);
        },
      },
    );
  };

  const busy = isReading || createImport.isPending;

  return (
    <form className="form-stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      {createImport.isError && (
        <ProblemAlert
          ref={problemRef}
          error={createImport.error}
          title={t('orgImport.upload.failedTitle')}
          headingLevel={3}
        />
      )}
      <Fieldset>
        <Fieldset.Legend>{t('orgImport.upload.kind')}</Fieldset.Legend>
        {(['people', 'units'] as const).map((option) => (
          <Radio
            key={option}
            name="kind"
            value={option}
            label={t(`orgImport.kinds.${option}`)}
            description={t(`orgImport.kindHelp.${option}`)}
            checked={kind === option}
            onChange={() => setKind(option)}
          />
        ))}
      </Fieldset>
      <Field>
        <Label htmlFor={fileId}>{t('orgImport.upload.file')}</Label>
        <Field.Description>{t('orgImport.upload.fileHelp')}</Field.Description>
        <Input
          id={fileId}
          type="file"
          accept={ACCEPT}
          aria-invalid={fileError !== undefined}
          aria-describedby={fileError !== undefined ? fileErrorId : undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {fileError !== undefined && (
          <ValidationMessage id={fileErrorId}>{fileError}</ValidationMessage>
        )}
      </Field>
      <Checkbox
        label={t('orgImport.fullImport')}
        description={t(`orgImport.fullImportHelp.${kind}`)}
        checked={isFullImport}
        onChange={(event) => setIsFullImport(event.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={busy} aria-disabled={busy}>
          {t('orgImport.upload.submit')}
        </Button>
      </div>
    </form>
  );
}
