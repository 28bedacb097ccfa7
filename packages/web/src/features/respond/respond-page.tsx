import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { respondApi, type Locale, type OwnResult, type Questionnaire } from '@evne/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { callApi, isApiError } from '../../lib/api-client';
import { formatDate } from '../../lib/format';
import { applyLocale } from '../../lib/i18n';
import { progressOf, resumeStep, unansweredCompetences, type Draft } from './answers';
import { CompetenceQuestion } from './components/competence-question';
import { OwnResultView } from './components/own-result';
import { RespondShell } from './respond-shell';
import {
  questionnaireKey,
  useAutosave,
  useQuestionnaire,
  useSetQuestionnaire,
  type SaveState,
} from './use-respond';

/** `/r/:token`: the questionnaire behind a personal link, outside the signed-in shell. */
export function RespondPage() {
  const { token = '' } = useParams();
  const [requested, setRequested] = useState<Locale | undefined>(undefined);
  const query = useQuestionnaire(token, requested);
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const queryClient = useQueryClient();
  const serverLocale = query.data?.locale;

  // The questionnaire's language is the page's language.
  useEffect(() => {
    if (serverLocale !== undefined) {
      void applyLocale(serverLocale);
    }
  }, [serverLocale]);

  const onLocaleChange = (next: Locale) => {
    if (query.data) {
      setRequested(next);
    } else {
      void applyLocale(next);
    }
  };

  /** Loads the answers again from the server and starts the page over with them. */
  const reload = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: questionnaireKey(token, requested) });
    setGeneration((value) => value + 1);
  }, [queryClient, token, requested]);

  if (query.isPending) {
    return (
      <RespondShell onLocaleChange={onLocaleChange}>
        <LoadingState />
      </RespondShell>
    );
  }
  if (query.isError) {
    return (
      <RespondShell onLocaleChange={onLocaleChange}>
        <LinkProblem error={query.error} onRetry={() => void query.refetch()} />
      </RespondShell>
    );
  }
  return (
    <RespondShell languages={query.data.campaign.languages} onLocaleChange={onLocaleChange}>
      <QuestionnaireView
        key={generation}
        token={token}
        locale={requested}
        questionnaire={query.data}
        isRefetching={query.isFetching}
        onReload={reload}
        notice={notice}
        onNotice={setNotice}
      />
    </RespondShell>
  );
}

/** Why a link does not open: unknown or replaced, anonymised, not open yet, or a network error. */
function LinkProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const code = isApiError(error) ? error.code : '';
  if (code === 'invitation_not_found') {
    return (
      <div className="narrow-page">
        <PageHeading title={t('respond.link.notFoundTitle')} />
        <Paragraph className="lead">{t('respond.link.notFoundBody')}</Paragraph>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/assessments">{t('respond.link.signInToList')}</RouterLink>
          </Link>
        </Paragraph>
      </div>
    );
  }
  if (code === 'response_anonymised') {
    return (
      <div className="narrow-page">
        <PageHeading title={t('respond.link.anonymisedTitle')} />
        <Paragraph className="lead">{t('respond.link.anonymisedBody')}</Paragraph>
      </div>
    );
  }
  if (code === 'campaign_not_open') {
    return (
      <div className="narrow-page">
        <PageHeading title={t('respond.link.notOpenTitle')} />
        <Paragraph className="lead">{t('respond.link.notOpenBody')}</Paragraph>
      </div>
    );
  }
  if (code === 'campaign_closed') {
    return (
      <div className="narrow-page">
        <PageHeading title={t('respond.link.closedTitle')} />
        <Paragraph className="lead">{t('respond.link.closedBody')}</Paragraph>
      </div>
    );
  }
  return (
    <div className="narrow-page">
      <PageHeading title={t('respond.link.errorTitle')} />
      <ProblemAlert error={error} />
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}

interface QuestionnaireViewProps {
  token: string;
  locale: Locale | undefined;
  questionnaire: Questionnaire;
  isRefetching: boolean;
  onReload: () => Promise<void>;
  notice: Notice | null;
  onNotice: (notice: Notice) => void;
}

type Notice = 'stale' | 'closed';

type View = 'questions' | 'result';

function QuestionnaireView({
  token,
  locale,
  questionnaire,
  isRefetching,
  onReload,
  notice,
  onNotice,
}: QuestionnaireViewProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const setQuestionnaire = useSetQuestionnaire(token, locale);

  const onStale = useCallback(() => {
    onNotice('stale');
    announce(t('respond.notice.stale'));
    void onReload();
  }, [onReload, onNotice, announce, t]);
  const onClosed = useCallback(() => {
    onNotice('closed');
    announce(t('respond.notice.closed'));
    void onReload();
  }, [onReload, onNotice, announce, t]);

  const autosave = useAutosave({ token, locale, questionnaire, onStale, onClosed });
  const { drafts } = autosave;
  const { campaign, areas } = questionnaire;
  const readOnly = !questionnaire.canEdit;

  const [result, setResult] = useState<OwnResult | null>(questionnaire.result);
  const [view, setView] = useState<View>(
    questionnaire.status === 'submitted' && questionnaire.result !== null ? 'result' : 'questions',
  );
  const [step, setStep] = useState(() => (readOnly ? 0 : resumeStep(questionnaire, drafts)));
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const submitAlert = useRef<HTMLDivElement>(null);

  // Move focus to the new step's heading (or the competence asked for).
  useEffect(() => {
    if (focusTarget === null) {
      return;
    }
    if (focusTarget === 'heading') {
      stepHeading.current?.focus();
    } else if (focusTarget === 'result') {
      document.getElementById('own-result-heading')?.focus();
    } else {
      const element = document.getElementById(`competence-${focusTarget}`);
      element?.scrollIntoView({ block: 'start' });
      element?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    }
    setFocusTarget(null);
  }, [focusTarget, step, view]);

  const goTo = (next: number, target = 'heading') => {
    setStep(next);
    setView('questions');
    setFocusTarget(target);
  };

  const onChange = autosave.change;
  const progress = progressOf(questionnaire, drafts);
  const unanswered = unansweredCompetences(questionnaire, drafts);
  const isReview = step >= areas.length;
  const area = areas[step];

  const submit = async () => {
    if (submittingRef.current) {
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    let ratings: Draft[] = [];
    try {
      ratings = await autosave.takePending();
      const submitted = await callApi(respondApi.submit, {
        params: { token },
        query: locale === undefined ? {} : { locale },
        body: { ratings },
      });
      autosave.markSaved(submitted.revision);
      setQuestionnaire(submitted);
      setResult(submitted.result);
      setMissing(new Set());
      setView('result');
      setFocusTarget('result');
      announce(t('respond.submit.done'));
    } catch (error) {
      autosave.restorePending(ratings);
      if (isApiError(error) && error.code === 'answers_missing') {
        setMissing(
          new Set(
            (error.problem.issues ?? []).flatMap((issue) =>
              issue.identifier !== undefined ? [issue.identifier] : [],
            ),
          ),
        );
      }
      if (
        isApiError(error) &&
        (error.code === 'campaign_closed' || error.code === 'campaign_not_open')
      ) {
        onClosed();
      }
      setSubmitError(error);
      window.setTimeout(() => submitAlert.current?.focus(), 0);
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  const closes = formatDate(campaign.closesAt, questionnaire.locale);
  const submittedAt =
    questionnaire.submittedAt !== null
      ? formatDate(questionnaire.submittedAt, questionnaire.locale)
      : null;

  return (
    <div className="respond" aria-busy={isRefetching}>
      <header className="respond-intro">
        <PageHeading title={campaign.name} />
        <Paragraph className="respond-intro__who">
          {questionnaire.subject !== null
            ? t('respond.intro.ratingOther', { name: questionnaire.subject.name })
            : t('respond.intro.self')}
        </Paragraph>
        <Paragraph data-size="sm" className="respond-intro__meta">
          {readOnly
            ? t('respond.intro.closedOn', { date: closes })
            : t('respond.intro.closes', { date: closes })}
        </Paragraph>
        <Paragraph data-size="sm" className="respond-intro__anonymity">
          {t(`respond.anonymity.${campaign.anonymity}`)}
        </Paragraph>
      </header>

      {notice !== null && (
        <Alert data-color={notice === 'stale' ? 'info' : 'warning'} className="respond-notice">
          <Paragraph>{t(`respond.notice.${notice}`)}</Paragraph>
        </Alert>
      )}
      {readOnly && (
        <Alert data-color="info" className="respond-notice">
          <Paragraph>{t('respond.readOnly', { date: closes })}</Paragraph>
        </Alert>
      )}

      {view === 'result' && result !== null ? (
        <>
          <Alert data-color="success" className="respond-notice">
            <Paragraph>
              {submittedAt !== null
                ? t('respond.result.thanksOn', { date: submittedAt })
                : t('respond.result.thanks')}
            </Paragraph>
          </Alert>
          <OwnResultView questionnaire={questionnaire} result={result} />
          <div className="respond-after">
            {questionnaire.canEditAfterSubmit && questionnaire.canEdit ? (
              <>
                <Paragraph>{t('respond.result.canChange', { date: closes })}</Paragraph>
                <Button variant="secondary" onClick={() => goTo(0)}>
                  {t('respond.result.changeAnswers')}
                </Button>
              </>
            ) : campaign.anonymity === 'anonymous' ? (
              <Paragraph>{t('respond.result.final')}</Paragraph>
            ) : (
              <Button variant="secondary" onClick={() => goTo(0)}>
                {t('respond.result.seeAnswers')}
              </Button>
            )}
          </div>
        </>
      ) : (
        <>
          <div className="respond-status">
            <ProgressBar answered={progress.answered} total={progress.total} />
            {!readOnly && <SaveStatus state={autosave.state} />}
          </div>
          {autosave.state === 'failed' && autosave.error !== null && (
            <ProblemAlert error={autosave.error} title={t('respond.save.failedTitle')} />
          )}
          <nav className="area-steps" aria-label={t('respond.steps.label')}>
            <ol>
              {areas.map((item, index) => {
                const done = item.competences.filter((competence) =>
                  unanswered.every((entry) => entry.id !== competence.id),
                ).length;
                return (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="area-steps__button ds-focus"
                      aria-current={index === step ? 'step' : undefined}
                      onClick={() => goTo(index)}
                    >
                      <span className="area-steps__number">{index + 1}</span>
                      <span className="visually-hidden">
                        {item.name}:{' '}
                        {t('respond.steps.answered', {
                          answered: done,
                          total: item.competences.length,
                        })}
                      </span>
                      <span className="area-steps__done" aria-hidden="true">
                        {done === item.competences.length ? '✓' : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
              <li>
                <button
                  type="button"
                  className="area-steps__button area-steps__button--review ds-focus"
                  aria-current={isReview ? 'step' : undefined}
                  onClick={() => goTo(areas.length)}
                >
                  {t('respond.steps.review')}
                </button>
              </li>
            </ol>
          </nav>

          {area !== undefined && !isReview ? (
            <section className="area-step" aria-labelledby="area-step-heading">
              <Heading
                level={2}
                data-size="md"
                id="area-step-heading"
                ref={stepHeading}
                tabIndex={-1}
                className="area-step__heading"
              >
                <span className="area-step__count">
                  {t('respond.steps.areaOf', { number: step + 1, total: areas.length })}
                </span>{' '}
                <span className="area-step__name">{area.name}</span>
              </Heading>
              <ol className="competence-list">
                {area.competences.map((competence) => (
                  <CompetenceQuestion
                    key={competence.id}
                    competence={competence}
                    scale={questionnaire.scale}
                    draft={drafts.get(competence.id)}
                    readOnly={readOnly}
                    missing={missing.has(competence.id)}
                    onChange={onChange}
                  />
                ))}
              </ol>
            </section>
          ) : (
            <section className="area-step review-step" aria-labelledby="area-step-heading">
              <Heading
                level={2}
                data-size="md"
                id="area-step-heading"
                ref={stepHeading}
                tabIndex={-1}
                className="area-step__heading"
              >
                {t('respond.review.heading')}
              </Heading>
              {unanswered.length > 0 ? (
                <>
                  <Paragraph>{t('respond.review.missing', { count: unanswered.length })}</Paragraph>
                  <ul className="review-missing">
                    {unanswered.map((item) => (
                      <li key={item.id}>
                        <a
                          href={`#competence-${item.id}`}
                          className="ds-link"
                          onClick={(event) => {
                            event.preventDefault();
                            goTo(item.areaIndex, item.id);
                          }}
                        >
                          <span className="competence__code">{item.code}</span> {item.name}
                        </a>{' '}
                        <span className="muted">({areas[item.areaIndex]?.name ?? ''})</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <Paragraph>{t('respond.review.allAnswered')}</Paragraph>
              )}
              {submitError !== null && (
                <ProblemAlertWithLinks
                  ref={submitAlert}
                  error={submitError}
                  questionnaire={questionnaire}
                  missing={missing}
                  onGoTo={(areaIndex, id) => goTo(areaIndex, id)}
                />
              )}
              {!readOnly && (
                <div className="review-step__submit">
                  <Paragraph data-size="sm" className="muted">
                    {questionnaire.status === 'submitted'
                      ? t('respond.review.resubmitHelp')
                      : campaign.anonymity === 'anonymous'
                        ? t('respond.review.submitHelpAnonymous')
                        : t('respond.review.submitHelp', { date: closes })}
                  </Paragraph>
                  <Button
                    onClick={() => void submit()}
                    loading={submitting}
                    className="review-step__button"
                  >
                    {questionnaire.status === 'submitted'
                      ? t('respond.review.resubmit')
                      : t('respond.review.submit')}
                  </Button>
                </div>
              )}
              {readOnly && result !== null && (
                <Button variant="secondary" onClick={() => setView('result')}>
                  {t('respond.result.show')}
                </Button>
              )}
            </section>
          )}

          <div className="step-buttons">
            {step > 0 ? (
              <Button variant="secondary" onClick={() => goTo(step - 1)}>
                {t('respond.steps.previous')}
              </Button>
            ) : (
              <span />
            )}
            {!isReview && (
              <Button
                variant={step === areas.length - 1 ? 'primary' : 'secondary'}
                onClick={() => goTo(step + 1)}
              >
                {step === areas.length - 1 ? t('respond.steps.toReview') : t('respond.steps.next')}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function ProgressBar({ answered, total }: { answered: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="respond-progress">
      <label htmlFor="respond-progress" className="respond-progress__label">
        {t('respond.progress', { answered, total })}
      </label>
      <progress id="respond-progress" max={total} value={answered}>
        {answered}/{total}
      </progress>
    </div>
  );
}

/** "Saved" / "Saving…" / "Not saved – retrying", in a polite live region of its own. */
function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state === 'saving' || state === 'pending'
      ? t('respond.save.saving')
      : state === 'saved'
        ? t('respond.save.saved')
        : state === 'retrying'
          ? t('respond.save.retrying')
          : state === 'failed'
            ? t('respond.save.failed')
            : t('respond.save.autosave');
  return (
    <p className="save-status" data-state={state} role="status" aria-live="polite">
      <span className="save-status__dot" aria-hidden="true" />
      {text}
    </p>
  );
}

interface ProblemAlertWithLinksProps {
  error: unknown;
  questionnaire: Questionnaire;
  missing: ReadonlySet<string>;
  onGoTo: (areaIndex: number, id: string) => void;
}

/** A refused submit; "answers missing" names each missing competence with a link to it. */
const ProblemAlertWithLinks = ({
  ref,
  error,
  questionnaire,
  missing,
  onGoTo,
}: ProblemAlertWithLinksProps & { ref: Ref<HTMLDivElement> }) => {
  const { t } = useTranslation();
  if (!(isApiError(error) && error.code === 'answers_missing')) {
    return <ProblemAlert ref={ref} error={error} title={t('respond.submit.failedTitle')} />;
  }
  const items = questionnaire.areas.flatMap((area, areaIndex) =>
    area.competences
      .filter((competence) => missing.has(competence.id))
      .map((competence) => ({ areaIndex, competence })),
  );
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1} className="problem-alert">
      <Heading level={3} data-size="xs">
        {t('respond.submit.failedTitle')}
      </Heading>
      <Paragraph>{t('respond.submit.missing', { count: missing.size })}</Paragraph>
      <ul className="review-missing">
        {items.map(({ areaIndex, competence }) => (
          <li key={competence.id}>
            <a
              href={`#competence-${competence.id}`}
              className="ds-link"
              onClick={(event) => {
                event.preventDefault();
                onGoTo(areaIndex, competence.id);
              }}
            >
              {competence.code} {competence.name}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
};
