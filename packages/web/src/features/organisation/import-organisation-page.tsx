import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { ImportJob } from '@evne/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { isApiError } from '../../lib/api-client';
import { useCurrentSession } from '../auth/use-session';
import { ImportMappingStep } from './components/import-mapping-step';
import { ImportChanges, ImportIssues, ImportSummary } from './components/import-preview';
import { ImportUploadStep } from './components/import-upload-step';
import {
  nextMilestone,
  progressPercent,
  stepFor,
  WIZARD_STEPS,
  type WizardStep,
} from './import-wizard';
import {
  organisationKeys,
  refreshAfterImport,
  useApplyImport,
  useImportJob,
} from './use-organisation';

/**
 * The HR import wizard: upload a unit or people file, choose its columns, read the dry run
 * (nothing is saved until then), apply it and follow the progress. The job id sits in the
 * address, so a reload comes back to the same import.
 */
export function ImportOrganisationPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const importId = params.get('import');
  const job = useImportJob(importId);
  const [wantsMapping, setWantsMapping] = useState(false);
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);

  const step: WizardStep | null =
    importId === null ? 'upload' : job.data ? stepFor(job.data, wantsMapping) : null;

  // A new step takes focus at its heading, so that keyboard and screen-reader users follow.
  const lastStep = useRef<WizardStep | null>(step);
  useEffect(() => {
    if (step !== null && lastStep.current !== null && step !== lastStep.current) {
      stepHeadingRef.current?.focus();
    }
    if (step !== null) {
      lastStep.current = step;
    }
  }, [step]);

  if (session.role !== 'admin') {
    return (
      <>
        <PageHeading title={t('orgImport.title')} />
        <Alert data-color="warning">
          <Paragraph>{t('problems.admin_only')}</Paragraph>
        </Alert>
      </>
    );
  }

  const startAgain = () => {
    setWantsMapping(false);
    setParams(new URLSearchParams());
  };

  const stepIndex = step === null ? 0 : WIZARD_STEPS.indexOf(step);

  return (
    <div className="wizard-page">
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to="/organisation">{t('orgImport.backToOrganisation')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('orgImport.title')} />
      <Paragraph className="lead">{t('orgImport.intro')}</Paragraph>

      <ol className="wizard-steps" aria-label={t('orgImport.stepsLabel')}>
        {WIZARD_STEPS.map((item, index) => (
          <li
            key={item}
            aria-current={item === step ? 'step' : undefined}
            className={index < stepIndex ? 'wizard-steps__done' : undefined}
          >
            <span className="wizard-steps__number" aria-hidden="true">
              {index + 1}
            </span>
            <span>
              {t(`orgImport.steps.${item}`)}
              {index < stepIndex && (
                <span className="visually-hidden"> ({t('orgImport.stepDone')})</span>
              )}
            </span>
          </li>
        ))}
      </ol>

      {step !== null && (
        <Heading
          level={2}
          data-size="sm"
          ref={stepHeadingRef}
          tabIndex={-1}
          className="step-heading"
        >
          {t('orgImport.stepHeading', {
            number: stepIndex + 1,
            count: WIZARD_STEPS.length,
            name: t(`orgImport.steps.${step}`),
          })}
        </Heading>
      )}

      {importId !== null && job.isPending && <LoadingState />}
      {importId !== null && job.isError && (
        <>
          <ProblemAlert error={job.error} title={t('orgImport.lostTitle')} />
          <Button onClick={startAgain}>{t('orgImport.startAgain')}</Button>
        </>
      )}

      {step === 'upload' && (
        <ImportUploadStep
          onCreated={(created) => {
            setWantsMapping(false);
            setParams({ import: created.id });
          }}
        />
      )}
      {step === 'mapping' && job.data && (
        <ImportMappingStep
          key={job.data.id}
          job={job.data}
          onPlanned={() => setWantsMapping(false)}
        />
      )}
      {step === 'preview' && job.data && (
        <PreviewStep
          job={job.data}
          onChangeMapping={() => setWantsMapping(true)}
          onStartAgain={startAgain}
        />
      )}
      {step === 'apply' && job.data && <ApplyStep job={job.data} onStartAgain={startAgain} />}
    </div>
  );
}

function PreviewStep({
  job,
  onChangeMapping,
  onStartAgain,
}: {
  job: ImportJob;
  onChangeMapping: () => void;
  onStartAgain: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const apply = useApplyImport(job.id);
  const errorRef = useRef<HTMLDivElement>(null);
  const preview = job.preview;
  const isReady = job.status === 'ready';

  const onApply = () => {
    apply.mutate(undefined, {
      onError: (error) => {
        // The dry run may be out of date (409 import_not_ready): show the job as it is now.
        if (isApiError(error) && error.status === 409) {
          void queryClient.invalidateQueries({ queryKey: organisationKeys.import(job.id) });
        }
        window.requestAnimationFrame(() => errorRef.current?.focus());
      },
    });
  };

  return (
    <div className="form-stack">
      <Paragraph>
        {t(`orgImport.preview.intro.${job.isFullImport ? 'full' : 'partial'}`, {
          file: job.fileName,
          count: preview?.rowCount ?? 0,
        })}
      </Paragraph>
      {isReady ? (
        <Alert data-color="success">
          <Paragraph>{t('orgImport.preview.ready')}</Paragraph>
        </Alert>
      ) : (
        <Alert data-color="danger">
          <Paragraph>{t('orgImport.preview.invalid', { count: job.issueCount })}</Paragraph>
        </Alert>
      )}
      {apply.isError && <ProblemAlert ref={errorRef} error={apply.error} headingLevel={3} />}
      {preview && (
        <>
          <ImportSummary preview={preview} label={t('orgImport.preview.summaryLabel')} />
          {job.isFullImport && preview.deactivated.count > 0 && (
            <Alert data-color="warning">
              <Paragraph>
                {t(`orgImport.preview.deactivateWarning.${job.kind}`, {
                  count: preview.deactivated.count,
                })}
              </Paragraph>
            </Alert>
          )}
        </>
      )}
      <ImportIssues job={job} />
      <div className="button-row">
        {isReady && (
          <Button onClick={onApply} loading={apply.isPending} aria-disabled={apply.isPending}>
            {t('orgImport.preview.apply')}
          </Button>
        )}
        <Button variant="secondary" onClick={onChangeMapping}>
          {t('orgImport.preview.changeMapping')}
        </Button>
        <Button variant="tertiary" onClick={onStartAgain}>
          {t('orgImport.startAgain')}
        </Button>
      </div>
      {preview && <ImportChanges job={job} preview={preview} />}
    </div>
  );
}

function ApplyStep({ job, onStartAgain }: { job: ImportJob; onStartAgain: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const labelId = useId();
  const resultRef = useRef<HTMLDivElement>(null);
  const percent = progressPercent(job);
  const announced = useRef(0);

  useEffect(() => {
    const milestone = nextMilestone(percent, announced.current);
    if (milestone !== undefined) {
      announced.current = milestone;
      announce(
        milestone === 100
          ? t('orgImport.apply.announceDone')
          : t('orgImport.apply.announceProgress', { percent: milestone }),
      );
    }
  }, [percent, announce, t]);

  const isFinished = job.status === 'applied' || job.status === 'failed';
  useEffect(() => {
    if (job.status === 'applied') {
      refreshAfterImport(queryClient);
    }
    if (isFinished) {
      window.requestAnimationFrame(() => resultRef.current?.focus());
    }
    if (job.status === 'failed') {
      announce(t('orgImport.apply.failedTitle'));
    }
  }, [job.status, isFinished, queryClient, announce, t]);

  const phase = job.status === 'applied' ? 'done' : (job.progress?.phase ?? 'starting');

  return (
    <div className="form-stack">
      <div className="import-progress">
        <label id={labelId} htmlFor={`${labelId}-bar`} className="import-progress__label">
          {t('orgImport.apply.progressLabel')}
        </label>
        <progress id={`${labelId}-bar`} max={100} value={percent} aria-labelledby={labelId}>
          {percent} %
        </progress>
        <Paragraph data-size="sm" aria-hidden="true">
          {t('orgImport.apply.percent', { percent })} ·{' '}
          {t(`orgImport.apply.phases.${isKnownPhase(phase) ? phase : 'working'}`)}
        </Paragraph>
      </div>
      {job.status === 'applied' && job.preview && (
        <Alert data-color="success" ref={resultRef} tabIndex={-1} className="import-result">
          <Heading level={3} data-size="xs">
            {t('orgImport.apply.doneTitle')}
          </Heading>
          <ImportSummary preview={job.preview} label={t('orgImport.apply.resultLabel')} isApplied />
          <Paragraph>
            <Link asChild>
              <RouterLink to="/organisation">{t('orgImport.apply.openTree')}</RouterLink>
            </Link>
            {' · '}
            <Link asChild>
              <RouterLink to="/people">{t('orgImport.apply.openPeople')}</RouterLink>
            </Link>
          </Paragraph>
        </Alert>
      )}
      {job.status === 'failed' && (
        <Alert data-color="danger" ref={resultRef} tabIndex={-1}>
          <Heading level={3} data-size="xs">
            {t('orgImport.apply.failedTitle')}
          </Heading>
          <Paragraph>{t('orgImport.apply.failedBody')}</Paragraph>
          {job.error !== null && (
            <Paragraph data-size="sm" className="muted">
              {t('orgImport.apply.failedReason', { reason: job.error })}
            </Paragraph>
          )}
        </Alert>
      )}
      {job.status === 'failed' && <ImportIssues job={job} />}
      {isFinished && (
        <div className="button-row">
          <Button variant="secondary" onClick={onStartAgain}>
            {t('orgImport.importAnother')}
          </Button>
        </div>
      )}
    </div>
  );
}

const PHASES = ['starting', 'units', 'tree', 'people', 'deactivating', 'done'] as const;
type Phase = (typeof PHASES)[number];

function isKnownPhase(phase: string): phase is Phase {
  return (PHASES as readonly string[]).includes(phase);
}
