import { Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { resolveText, type FrameworkSummary } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { CompletenessSummary } from './completeness-summary';
import { OriginTag, StatusTag } from './origin-tags';

interface FrameworkCardProps {
  framework: FrameworkSummary;
  canAdapt: boolean;
  isAdapting: boolean;
  onAdapt: (framework: FrameworkSummary) => void;
  /** The draft to open in the editor, when the reader may edit one. */
  editDraftId: string | undefined;
}

export function FrameworkCard({
  framework,
  canAdapt,
  isAdapting,
  onAdapt,
  editDraftId,
}: FrameworkCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = resolveText(framework.name, locale);
  const latest = framework.versions.at(-1);
  return (
    <Card className="framework-card" data-color="neutral">
      <Card.Block className="framework-card__body">
        <Heading level={3} data-size="xs">
          <Link asChild>
            <RouterLink to={`/frameworks/${framework.id}`}>{name}</RouterLink>
          </Link>
        </Heading>
        {framework.publisher !== null && (
          <Paragraph data-size="sm" className="muted">
            {t('framework.publishedBy', { publisher: framework.publisher })}
          </Paragraph>
        )}
        <div className="tag-row">
          <OriginTag framework={framework} />
          {latest && <StatusTag status={latest.status} />}
        </div>
        {latest && (
          <Paragraph data-size="sm">
            {latest.publishedAt !== null
              ? t('framework.versionPublished', {
                  number: latest.number,
                  date: formatDate(latest.publishedAt, locale),
                })
              : t('framework.versionDraft', { number: latest.number })}
          </Paragraph>
        )}
        <CompletenessSummary
          figures={framework.completeness.figures}
          note={framework.completeness.note}
        />
      </Card.Block>
      {(canAdapt || editDraftId !== undefined) && (
        <Card.Block className="framework-card__actions">
          {canAdapt && (
            <Button
              variant="secondary"
              data-size="sm"
              loading={isAdapting}
              onClick={() => onAdapt(framework)}
              aria-label={t('framework.adaptNamed', { name })}
            >
              {t('framework.adapt')}
            </Button>
          )}
          {editDraftId !== undefined && (
            <Button asChild variant="secondary" data-size="sm">
              <RouterLink
                to={`/framework-versions/${editDraftId}/edit`}
                aria-label={t('framework.editDraftNamed', { name })}
              >
                {t('framework.editDraft')}
              </RouterLink>
            </Button>
          )}
        </Card.Block>
      )}
    </Card>
  );
}
