import { Alert, Button, Details, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { completenessFigures, resolveText, type FrameworkVersion } from '@evne/core';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { useAnnounce } from '../../../components/announcer';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useLocale } from '../../../lib/i18n';
import { useCurrentSession } from '../../auth/use-session';
import { CompletenessSummary } from '../components/completeness-summary';
import { OriginTag, StatusTag } from '../components/origin-tags';
import {
  draftOf,
  useAdaptFramework,
  useChangeVersion,
  useCreateDraft,
  useDeleteDraft,
  useFrameworkVersion,
} from '../use-frameworks';
import { NodeTreeEditor } from './node-tree-editor';
import { ScaleEditor } from './scale-editor';

/** The adaptation editor for a draft of the organisation's own framework (admins only). */
export function FrameworkEditorPage() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams();
  const version = useFrameworkVersion(versionId);
  const session = useCurrentSession();

  if (version.isPending) {
    return <LoadingState />;
  }
  if (version.isError) {
    return (
      <>
        <PageHeading title={t('editor.titleFallback')} />
        <ProblemAlert error={version.error} />
      </>
    );
  }
  const data = version.data;
  if (session.role !== 'admin' || data.framework.isShipped || data.status === 'published') {
    return <NotEditable version={data} isAdmin={session.role === 'admin'} />;
  }
  return <DraftEditor version={data} />;
}

/** A shipped framework, a published version or a non-admin reader: say why, and offer the way on. */
function NotEditable({ version, isAdmin }: { version: FrameworkVersion; isAdmin: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const adapt = useAdaptFramework();
  const createDraft = useCreateDraft();
  const name = resolveText(version.framework.name, locale);
  const draftId = draftOf(version.framework);
  const failed = adapt.isError ? adapt.error : createDraft.isError ? createDraft.error : undefined;

  let reason: string;
  if (!isAdmin) {
    reason = t('problems.admin_only');
  } else if (version.framework.isShipped) {
    reason = t('editor.shippedReadOnly');
  } else {
    reason = t('editor.publishedReadOnly', { number: version.number });
  }

  return (
    <>
      <PageHeading title={t('editor.title', { name })} />
      <Alert data-color="info">
        <Paragraph>{reason}</Paragraph>
      </Alert>
      {failed !== undefined && <ProblemAlert error={failed} />}
      <div className="button-row page-section">
        {isAdmin && version.framework.isShipped && (
          <Button
            loading={adapt.isPending}
            onClick={() =>
              adapt.mutate(
                { frameworkId: version.framework.id, input: {} },
                {
                  onSuccess: (copy) => {
                    const draft = draftOf(copy);
                    void navigate(
                      draft ? `/framework-versions/${draft}/edit` : `/frameworks/${copy.id}`,
                    );
                  },
                },
              )
            }
          >
            {t('framework.adapt')}
          </Button>
        )}
        {isAdmin && !version.framework.isShipped && draftId !== undefined && (
          <Button asChild>
            <RouterLink to={`/framework-versions/${draftId}/edit`}>
              {t('framework.editDraft')}
            </RouterLink>
          </Button>
        )}
        {isAdmin && !version.framework.isShipped && draftId === undefined && (
          <Button
            loading={createDraft.isPending}
            onClick={() =>
              createDraft.mutate(version.framework.id, {
                onSuccess: (draft) => void navigate(`/framework-versions/${draft.id}/edit`),
              })
            }
          >
            {t('editor.startDraft')}
          </Button>
        )}
        <Button asChild variant="secondary">
          <RouterLink to={`/frameworks/${version.framework.id}?version=${version.id}`}>
            {t('editor.viewFramework')}
          </RouterLink>
        </Button>
      </div>
    </>
  );
}

function DraftEditor({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const publish = useChangeVersion(version.id);
  const discard = useDeleteDraft();
  const [confirming, setConfirming] = useState<'publish' | 'discard' | null>(null);
  const removedId = useId();
  const publishErrorRef = useRef<HTMLDivElement>(null);
  const name = resolveText(version.framework.name, locale);
  const figures = useMemo(
    () => completenessFigures(version.nodes, version.expected ?? undefined),
    [version],
  );

  const onPublish = () =>
    publish.mutate(
      { type: 'publish' },
      {
        onSuccess: (published) => {
          setConfirming(null);
          announce(t('editor.published', { number: published.number }));
          void navigate(`/frameworks/${published.framework.id}?version=${published.id}`);
        },
      },
    );

  const onDiscard = () =>
    discard.mutate(version.id, {
      onSuccess: () => {
        setConfirming(null);
        announce(t('editor.discarded'));
        const published = version.framework.versions.some((item) => item.status === 'published');
        void navigate(published ? `/frameworks/${version.framework.id}` : '/frameworks');
      },
    });

  return (
    <div className="editor-page">
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to={`/frameworks/${version.framework.id}?version=${version.id}`}>
            {t('editor.viewFramework')}
          </RouterLink>
        </Link>
      </Paragraph>
      <div className="page-header">
        <PageHeading title={t('editor.title', { name })} />
        <div className="button-row">
          <Button onClick={() => setConfirming('publish')}>{t('editor.publish')}</Button>
          <Button variant="secondary" data-color="danger" onClick={() => setConfirming('discard')}>
            {t('editor.discard')}
          </Button>
        </div>
      </div>
      <div className="tag-row">
        <OriginTag framework={version.framework} />
        <StatusTag status={version.status} />
        <span className="muted">{t('framework.versionDraft', { number: version.number })}</span>
      </div>
      {version.source && (
        <Paragraph>
          {t('editor.source', {
            name: resolveText(version.source.frameworkName, locale),
            number: version.source.number,
          })}
        </Paragraph>
      )}
      <CompletenessSummary figures={figures} note={version.completenessNote} />

      <NodeTreeEditor version={version} />

      {version.source && (
        <section aria-labelledby={removedId} className="page-section">
          <Heading level={2} data-size="sm" id={removedId}>
            {t('editor.removedTitle')}
          </Heading>
          {version.removedFromSource.length > 0 ? (
            <ul className="removed-list">
              {version.removedFromSource.map((node) => (
                <li key={node.id}>
                  <span className="node-row__code">{node.code}</span>{' '}
                  {resolveText(node.name, locale)}
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('editor.removedNone')}</Paragraph>
          )}
        </section>
      )}

      <Details className="page-section scale-details">
        <Details.Summary>{t('editor.scale.toggle')}</Details.Summary>
        <Details.Content>
          {/* Re-mounted when the saved scale changes, so the form shows what the server stored. */}
          <ScaleEditor key={JSON.stringify(version.scale)} version={version} />
        </Details.Content>
      </Details>

      <ConfirmDialog
        open={confirming === 'publish'}
        title={t('editor.publishConfirmTitle', { number: version.number })}
        body={t('editor.publishConfirmBody')}
        confirmLabel={t('editor.publish')}
        isPending={publish.isPending}
        error={
          publish.isError ? (
            <ProblemAlert ref={publishErrorRef} error={publish.error} headingLevel={3} />
          ) : undefined
        }
        onConfirm={onPublish}
        onClose={() => {
          setConfirming(null);
          publish.reset();
        }}
      />
      <ConfirmDialog
        open={confirming === 'discard'}
        danger
        title={t('editor.discardConfirmTitle')}
        body={t('editor.discardConfirmBody')}
        confirmLabel={t('editor.discard')}
        isPending={discard.isPending}
        error={
          discard.isError ? <ProblemAlert error={discard.error} headingLevel={3} /> : undefined
        }
        onConfirm={onDiscard}
        onClose={() => {
          setConfirming(null);
          discard.reset();
        }}
      />
    </div>
  );
}
