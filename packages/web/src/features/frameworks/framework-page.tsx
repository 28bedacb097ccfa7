import { Alert, Button, Heading, Link, Paragraph, Tabs } from '@digdir/designsystemet-react';
import {
  completenessFigures,
  resolveText,
  type FrameworkSummary,
  type FrameworkVersion,
} from '@evne/core';
import { lazy, Suspense, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useLocale } from '../../lib/i18n';
import { useCurrentSession } from '../auth/use-session';
import { CompletenessSummary } from './components/completeness-summary';
import { ExportLinks } from './components/export-links';
import { FoundationalSection } from './components/foundational-section';
import { FrameworkTreeTable } from './components/framework-tree-table';
import { OriginTag, StatusTag } from './components/origin-tags';
import { ScaleTable } from './components/scale-table';
import { SourcesList } from './components/sources-list';
import { VersionPicker } from './components/version-picker';
import { splitByGroup } from './framework-tree';
import {
  defaultVersionId,
  draftOf,
  useAdaptFramework,
  useCreateDraft,
  useFramework,
  useFrameworkVersion,
} from './use-frameworks';

// ECharts is the largest dependency; it loads with the wheel, not with the page.
const WheelExplorer = lazy(() =>
  import('./components/wheel-explorer').then((module) => ({ default: module.WheelExplorer })),
);

/** One framework: a version of it as a wheel and a table, its scale, sources and downloads. */
export function FrameworkPage() {
  const { t } = useTranslation();
  const { frameworkId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const framework = useFramework(frameworkId);
  const versionId =
    searchParams.get('version') ?? (framework.data ? defaultVersionId(framework.data) : undefined);
  const version = useFrameworkVersion(versionId);

  if (framework.isPending) {
    return <LoadingState />;
  }
  if (framework.isError) {
    return <ProblemAlert error={framework.error} />;
  }
  if (versionId === undefined) {
    return <Paragraph>{t('framework.noVersions')}</Paragraph>;
  }
  return (
    <FrameworkView
      framework={framework.data}
      versionId={versionId}
      version={version.data}
      versionError={version.isError ? version.error : undefined}
      onVersionChange={(id) => setSearchParams({ version: id })}
    />
  );
}

interface FrameworkViewProps {
  framework: FrameworkSummary;
  versionId: string;
  version: FrameworkVersion | undefined;
  versionError: unknown;
  onVersionChange: (versionId: string) => void;
}

function FrameworkView({
  framework,
  versionId,
  version,
  versionError,
  onVersionChange,
}: FrameworkViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const adapt = useAdaptFramework();
  const createDraft = useCreateDraft();
  const errorRef = useRef<HTMLDivElement>(null);
  const scaleId = useId();
  const sourcesId = useId();
  const wheelHeadingId = useId();
  const tableHeadingId = useId();

  const name = resolveText(framework.name, locale);
  const isAdmin = session.role === 'admin';
  const isOwn = !framework.isShipped;
  const draftId = draftOf(framework);
  const hasPublished = framework.versions.some((item) => item.status === 'published');
  const figures = useMemo(
    () => (version ? completenessFigures(version.nodes, version.expected ?? undefined) : []),
    [version],
  );
  const foundational = useMemo(
    () => (version ? splitByGroup(version.nodes).foundational : []),
    [version],
  );

  const focusError = () => window.requestAnimationFrame(() => errorRef.current?.focus());

  const onAdapt = () =>
    adapt.mutate(
      { frameworkId: framework.id, input: {} },
      {
        onSuccess: (copy) => {
          announce(t('framework.adapted', { name }));
          const draft = draftOf(copy);
          void navigate(draft ? `/framework-versions/${draft}/edit` : `/frameworks/${copy.id}`);
        },
        onError: focusError,
      },
    );

  const onStartDraft = () =>
    createDraft.mutate(framework.id, {
      onSuccess: (draft) => {
        announce(t('editor.draftStarted', { number: draft.number }));
        void navigate(`/framework-versions/${draft.id}/edit`);
      },
      onError: focusError,
    });

  const failed = adapt.isError ? adapt.error : createDraft.isError ? createDraft.error : undefined;

  return (
    <article className="framework-page">
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to="/frameworks">{t('framework.backToLibrary')}</RouterLink>
        </Link>
      </Paragraph>
      <div className="page-header">
        <PageHeading title={name} />
        {isAdmin && (
          <div className="button-row">
            {framework.isShipped && hasPublished && (
              <Button onClick={onAdapt} loading={adapt.isPending}>
                {t('framework.adapt')}
              </Button>
            )}
            {isOwn && draftId !== undefined && (
              <Button asChild>
                <RouterLink to={`/framework-versions/${draftId}/edit`}>
                  {t('framework.editDraft')}
                </RouterLink>
              </Button>
            )}
            {isOwn && draftId === undefined && hasPublished && (
              <Button onClick={onStartDraft} loading={createDraft.isPending}>
                {t('editor.startDraft')}
              </Button>
            )}
          </div>
        )}
      </div>
      {failed !== undefined && <ProblemAlert ref={errorRef} error={failed} />}
      <div className="framework-meta">
        {framework.publisher !== null && (
          <Paragraph>{t('framework.publishedBy', { publisher: framework.publisher })}</Paragraph>
        )}
        {(framework.versionLabel !== null || framework.licence !== null) && (
          <Paragraph data-size="sm" className="muted">
            {[
              framework.versionLabel !== null
                ? t('framework.versionLabel', { label: framework.versionLabel })
                : '',
              framework.licence !== null
                ? t('framework.licence', { licence: framework.licence })
                : '',
            ]
              .filter((part) => part !== '')
              .join(' · ')}
          </Paragraph>
        )}
        <div className="tag-row">
          <OriginTag framework={framework} />
          {version && <StatusTag status={version.status} />}
        </div>
        {resolveText(framework.description, locale) !== '' && (
          <Paragraph>{resolveText(framework.description, locale)}</Paragraph>
        )}
      </div>
      <div className="framework-toolbar">
        <VersionPicker versions={framework.versions} value={versionId} onChange={onVersionChange} />
        {version && <ExportLinks versionId={version.id} versionNumber={version.number} />}
      </div>
      {versionError !== undefined && <ProblemAlert error={versionError} />}
      {!version && versionError === undefined && <LoadingState />}
      {version && (
        <>
          {version.status === 'draft' && (
            <Alert data-color="warning" className="draft-alert">
              <Paragraph>{t('framework.draftNotice')}</Paragraph>
            </Alert>
          )}
          <CompletenessSummary
            figures={figures}
            note={version.completenessNote}
            showHint
            hint={
              !isAdmin
                ? t('completeness.hint')
                : framework.isShipped
                  ? t('completeness.hintAdmin')
                  : t('completeness.hintOwn')
            }
          />
          <Tabs defaultValue="wheel" className="framework-tabs">
            <Tabs.List>
              <Tabs.Tab value="wheel">{t('framework.tabs.wheel')}</Tabs.Tab>
              <Tabs.Tab value="table">{t('framework.tabs.table')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="wheel">
              <Heading level={2} data-size="xs" id={wheelHeadingId} className="panel-heading">
                {t('framework.wheelHeading')}
              </Heading>
              <Suspense fallback={<LoadingState label={t('wheel.loading')} />}>
                <WheelExplorer
                  version={version}
                  aside={<FoundationalSection items={foundational} />}
                />
              </Suspense>
            </Tabs.Panel>
            <Tabs.Panel value="table">
              <Heading level={2} data-size="xs" id={tableHeadingId} className="panel-heading">
                {t('framework.tableHeading')}
              </Heading>
              <FrameworkTreeTable
                nodes={version.nodes}
                caption={t('framework.tableCaption', { name })}
              />
            </Tabs.Panel>
          </Tabs>
          <section aria-labelledby={scaleId} className="page-section">
            <Heading level={2} data-size="sm" id={scaleId}>
              {t('scale.title')}
            </Heading>
            <ScaleTable scale={version.scale} />
          </section>
        </>
      )}
      <section aria-labelledby={sourcesId} className="page-section">
        <Heading level={2} data-size="sm" id={sourcesId}>
          {t('framework.sources')}
        </Heading>
        <SourcesList sources={framework.sources} />
      </section>
    </article>
  );
}
