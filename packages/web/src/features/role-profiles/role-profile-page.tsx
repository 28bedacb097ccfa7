import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import {
  resolveText,
  type FrameworkVersion,
  type RoleProfile,
  type RoleProfileTarget,
} from '@evne/core';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useBlocker, useNavigate, useParams } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { isApiError } from '../../lib/api-client';
import { useLocale } from '../../lib/i18n';
import { issueMessage } from '../../lib/problem-messages';
import { useCurrentSession } from '../auth/use-session';
import { useFrameworkVersion } from '../frameworks/use-frameworks';
import { CarryForwardSection } from './components/carry-forward-section';
import { CreateProfileDialog } from './components/create-profile-dialog';
import { ProfileDetailsDialog } from './components/profile-details-dialog';
import { RulesSection } from './components/rules-section';
import { TargetsTable } from './components/targets-table';
import {
  draftsFromTargets,
  hasUnsavedTargets,
  ratedCompetences,
  targetsFromDrafts,
  type RatedCompetence,
  type TargetDraft,
} from './profile-targets';
import { useDeleteRoleProfile, useRoleProfile, useSetTargets } from './use-role-profiles';

// The preview draws with ECharts, the largest dependency; it loads with the wheel.
const TargetWheel = lazy(() =>
  import('./components/target-wheel').then((module) => ({ default: module.TargetWheel })),
);

/** A role profile: its targets per competence with a live wheel preview, rules and carry-forward. */
export function RoleProfilePage() {
  const { t } = useTranslation();
  const { profileId = '' } = useParams();
  const profile = useRoleProfile(profileId);
  const version = useFrameworkVersion(profile.data?.frameworkVersion.id);
  if (profile.isPending || (profile.isSuccess && version.isPending)) {
    return <LoadingState />;
  }
  if (profile.isError || version.isError) {
    return (
      <>
        <PageHeading title={t('roleProfiles.notFoundTitle')} />
        <ProblemAlert error={profile.error ?? version.error} />
      </>
    );
  }
  if (!version.data) {
    return <LoadingState />;
  }
  return <ProfileView key={profile.data.id} profile={profile.data} version={version.data} />;
}

type OpenDialog = 'details' | 'copy' | 'delete' | null;

function ProfileView({ profile, version }: { profile: RoleProfile; version: FrameworkVersion }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useCurrentSession();
  const isAdmin = session.role === 'admin';
  const navigate = useNavigate();
  const announce = useAnnounce();
  const remove = useDeleteRoleProfile(profile.id);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const name = resolveText(profile.name, locale);
  const competences = useMemo(() => ratedCompetences(version.nodes), [version.nodes]);

  return (
    <>
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to="/role-profiles">{t('roleProfiles.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <div className="page-header">
        <PageHeading title={name} />
        <div className="button-row">
          <Button asChild variant="secondary" data-size="sm">
            <RouterLink to={`/role-profiles/compare?a=${profile.id}`}>
              {t('roleProfiles.compare.withOther')}
            </RouterLink>
          </Button>
          {isAdmin && (
            <>
              <Button variant="secondary" data-size="sm" onClick={() => setDialog('details')}>
                {t('roleProfiles.details.open')}
              </Button>
              <Button variant="secondary" data-size="sm" onClick={() => setDialog('copy')}>
                {t('roleProfiles.copy')}
              </Button>
              <Button
                variant="secondary"
                data-color="danger"
                data-size="sm"
                onClick={() => setDialog('delete')}
              >
                {t('roleProfiles.delete.open')}
              </Button>
            </>
          )}
        </div>
      </div>
      <div className="tag-row">
        {profile.isExample && <Tag data-color="info">{t('roleProfiles.example')}</Tag>}
        <Tag data-color="neutral">
          {t('roleProfiles.frameworkVersion', {
            name: resolveText(profile.frameworkVersion.frameworkName, locale),
            number: profile.frameworkVersion.number,
          })}
        </Tag>
        {profile.frameworkVersion.isLatest ? (
          <Tag data-color="success">{t('roleProfiles.latest')}</Tag>
        ) : (
          <Tag data-color="warning">{t('roleProfiles.newerExists')}</Tag>
        )}
      </div>
      {profile.description && (
        <Paragraph className="lead">{resolveText(profile.description, locale)}</Paragraph>
      )}
      {profile.carriedFrom && (
        <Paragraph data-size="sm">
          <Link asChild>
            <RouterLink to={`/role-profiles/${profile.carriedFrom.id}`}>
              {t('roleProfiles.carriedFromLink', { number: profile.carriedFrom.versionNumber })}
            </RouterLink>
          </Link>
        </Paragraph>
      )}

      <TargetsEditor
        profile={profile}
        version={version}
        competences={competences}
        isAdmin={isAdmin}
      />
      <RulesSection profile={profile} isAdmin={isAdmin} />
      {isAdmin && <CarryForwardSection profile={profile} scale={version.scale} />}

      {dialog === 'details' && (
        <ProfileDetailsDialog profile={profile} onClose={() => setDialog(null)} />
      )}
      {dialog === 'copy' && (
        <CreateProfileDialog
          onClose={() => setDialog(null)}
          copyFrom={{ id: profile.id, versionId: profile.frameworkVersion.id }}
        />
      )}
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('roleProfiles.delete.title', { name })}
        body={t('roleProfiles.delete.body', { count: profile.peopleCount })}
        confirmLabel={t('roleProfiles.delete.confirm')}
        danger
        isPending={remove.isPending}
        error={remove.isError ? <ProblemAlert error={remove.error} headingLevel={3} /> : undefined}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              announce(t('roleProfiles.delete.done', { name }));
              void navigate('/role-profiles', { replace: true });
            },
          })
        }
      />
    </>
  );
}

/** Maps "targets[3].targetLevel" back to the competence it was about. */
function problemsByNode(
  error: unknown,
  sent: readonly RoleProfileTarget[],
  describe: (issue: { code: string; message: string }) => string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!isApiError(error)) {
    return out;
  }
  for (const issue of error.problem.issues ?? []) {
    const match = /^targets\[(\d+)\]/.exec(issue.path ?? '');
    const nodeId = match ? sent[Number(match[1])]?.nodeId : undefined;
    if (nodeId !== undefined) {
      out.set(nodeId, [...(out.get(nodeId) ?? []), describe(issue)]);
    }
  }
  return out;
}

function TargetsEditor({
  profile,
  version,
  competences,
  isAdmin,
}: {
  profile: RoleProfile;
  version: FrameworkVersion;
  competences: readonly RatedCompetence[];
  isAdmin: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const setTargets = useSetTargets(profile.id);
  const headingId = useId();
  const previewId = useId();
  const errorRef = useRef<HTMLDivElement>(null);
  const sent = useRef<RoleProfileTarget[]>([]);
  const saved = useMemo(
    () => draftsFromTargets(competences, profile.targets),
    [competences, profile.targets],
  );
  const [drafts, setDrafts] = useState<Map<string, TargetDraft>>(saved);
  const isDirty = hasUnsavedTargets(drafts, saved);
  const name = resolveText(profile.name, locale);

  // Leaving with unsaved targets asks first (in the app and when closing the tab).
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const onChange = (nodeId: string, draft: TargetDraft) => {
    setDrafts((current) => new Map(current).set(nodeId, draft));
  };

  const onSave = () => {
    const targets = targetsFromDrafts(drafts);
    sent.current = targets;
    setTargets.mutate(targets, {
      onSuccess: (next) => {
        setDrafts(draftsFromTargets(competences, next.targets));
        announce(t('roleProfiles.targets.saved', { name }));
      },
      onError: () => window.requestAnimationFrame(() => errorRef.current?.focus()),
    });
  };

  const problems = problemsByNode(setTargets.error, sent.current, (issue) =>
    issueMessage(issue, t),
  );

  return (
    <section aria-labelledby={headingId} className="page-section">
      <div className="section-header">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('roleProfiles.targets.heading')}
        </Heading>
        {isDirty && <Tag data-color="warning">{t('roleProfiles.targets.unsaved')}</Tag>}
      </div>
      <Paragraph data-size="sm" className="muted">
        {isAdmin ? t('roleProfiles.targets.introAdmin') : t('roleProfiles.targets.intro')}
      </Paragraph>
      {setTargets.isError && (
        <ProblemAlert
          ref={errorRef}
          error={setTargets.error}
          title={t('roleProfiles.targets.saveFailed')}
          headingLevel={3}
        />
      )}
      {competences.length === 0 ? (
        <Alert data-color="info">
          <Paragraph>{t('roleProfiles.targets.noCompetences')}</Paragraph>
        </Alert>
      ) : (
        <div className="targets-layout">
          <div className="targets-layout__table">
            <TargetsTable
              competences={competences}
              drafts={drafts}
              scale={version.scale}
              onChange={isAdmin ? onChange : undefined}
              caption={t('roleProfiles.targets.caption', { name })}
              problems={problems}
            />
            {isAdmin && (
              <div className="button-row save-row">
                <Button
                  onClick={onSave}
                  loading={setTargets.isPending}
                  aria-disabled={setTargets.isPending}
                >
                  {t('roleProfiles.targets.save')}
                </Button>
                {isDirty && (
                  <Button variant="secondary" onClick={() => setDrafts(saved)}>
                    {t('roleProfiles.targets.undo')}
                  </Button>
                )}
              </div>
            )}
          </div>
          <section className="targets-layout__preview" aria-labelledby={previewId}>
            <Heading level={3} data-size="xs" id={previewId}>
              {isAdmin ? t('roleProfiles.wheel.previewHeading') : t('roleProfiles.wheel.heading')}
            </Heading>
            <Suspense fallback={<LoadingState label={t('wheel.loading')} />}>
              <TargetWheel
                version={version}
                drafts={drafts}
                profileName={name}
                summaryLabel={t('roleProfiles.wheel.summaryLabel')}
              />
            </Suspense>
          </section>
        </div>
      )}
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t('roleProfiles.targets.leaveTitle')}
        body={t('roleProfiles.targets.leaveBody')}
        confirmLabel={t('roleProfiles.targets.leave')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
    </section>
  );
}
