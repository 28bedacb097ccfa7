import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { resolveText, type FrameworkSummary } from '@evne/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useLocale } from '../../lib/i18n';
import { useCurrentSession } from '../auth/use-session';
import { FrameworkCard } from './components/framework-card';
import { draftOf, useAdaptFramework, useFrameworks } from './use-frameworks';

/** The library: frameworks shipped with Evne and the organisation's own. */
export function FrameworksPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useCurrentSession();
  const isAdmin = session.role === 'admin';
  const frameworks = useFrameworks();
  const adapt = useAdaptFramework();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [adaptingId, setAdaptingId] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const shippedId = useId();
  const ownId = useId();

  const onAdapt = (framework: FrameworkSummary) => {
    setAdaptingId(framework.id);
    adapt.mutate(
      { frameworkId: framework.id, input: {} },
      {
        onSuccess: (copy) => {
          announce(t('framework.adapted', { name: resolveText(framework.name, locale) }));
          const draft = draftOf(copy);
          void navigate(draft ? `/framework-versions/${draft}/edit` : `/frameworks/${copy.id}`);
        },
        onError: () => window.requestAnimationFrame(() => errorRef.current?.focus()),
        onSettled: () => setAdaptingId(null),
      },
    );
  };

  const items = frameworks.data ?? [];
  const shipped = items.filter((item) => item.isShipped);
  const own = items.filter((item) => !item.isShipped);

  const renderList = (list: readonly FrameworkSummary[]) => (
    <ul className="framework-grid">
      {list.map((framework) => (
        <li key={framework.id}>
          <FrameworkCard
            framework={framework}
            canAdapt={
              isAdmin &&
              framework.isShipped &&
              framework.versions.some((version) => version.status === 'published')
            }
            isAdapting={adaptingId === framework.id}
            onAdapt={onAdapt}
            editDraftId={isAdmin && !framework.isShipped ? draftOf(framework) : undefined}
          />
        </li>
      ))}
    </ul>
  );

  const ownSection = (
    <section aria-labelledby={ownId} className="page-section">
      <Heading level={2} data-size="sm" id={ownId}>
        {t('frameworks.own')}
      </Heading>
      {own.length > 0 ? (
        renderList(own)
      ) : (
        <Paragraph>{isAdmin ? t('frameworks.noOwnAdmin') : t('frameworks.noOwn')}</Paragraph>
      )}
    </section>
  );

  return (
    <>
      <div className="page-header">
        <PageHeading title={t('frameworks.title')} />
        {isAdmin && (
          <Button asChild variant="secondary">
            <RouterLink to="/frameworks/import">{t('frameworks.import')}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph className="lead">{t('frameworks.intro')}</Paragraph>
      {adapt.isError && (
        <ProblemAlert ref={errorRef} error={adapt.error} title={t('framework.adaptFailed')} />
      )}
      {frameworks.isPending && <LoadingState />}
      {frameworks.isError && <ProblemAlert error={frameworks.error} />}
      {frameworks.isSuccess && (
        <>
          {/* The organisation's own come first once there are any; until then the shipped ones lead. */}
          {own.length > 0 && ownSection}
          <section aria-labelledby={shippedId} className="page-section">
            <Heading level={2} data-size="sm" id={shippedId}>
              {t('frameworks.shipped')}
            </Heading>
            {renderList(shipped)}
          </section>
          {own.length === 0 && ownSection}
        </>
      )}
    </>
  );
}
