import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { formatShare } from '../figures';
import { coverageFlags, type CompetenceName } from '../insights';

function FlagList({
  title,
  ids,
  names,
}: {
  title: string;
  ids: readonly string[];
  names: ReadonlyMap<string, CompetenceName>;
}) {
  const id = useId();
  if (ids.length === 0) {
    return null;
  }
  return (
    <div className="coverage-flags">
      <p className="coverage-flags__title" id={id}>
        {title}
      </p>
      <ul aria-labelledby={id}>
        {ids.map((nodeId) => {
          const name = names.get(nodeId);
          return (
            <li key={nodeId}>
              <span className="overview-table__code">{name?.code}</span> {name?.name}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** How many of the shown competences someone holds, and those held by nobody or by one only. */
export function CoverageSection({
  overview,
  names,
}: {
  overview: CampaignOverview;
  names: ReadonlyMap<string, CompetenceName>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const { coverage, coverageLevel } = overview;
  const flags = coverageFlags(overview.competences);
  const hidden = coverage.total - coverage.shown;
  return (
    <section aria-labelledby={headingId} className="overview-insight">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('overview.coverage.heading')}
      </Heading>
      {coverage.covered === null || coverage.share === null ? (
        <Paragraph data-size="sm">{t('overview.coverage.allHidden')}</Paragraph>
      ) : (
        <>
          <Paragraph className="coverage-summary">
            {t('overview.coverage.summary', {
              covered: coverage.covered,
              shown: coverage.shown,
              level: coverageLevel,
              share: formatShare(coverage.share, locale),
            })}
          </Paragraph>
          {hidden > 0 && (
            <Paragraph data-size="sm" className="figure-hidden">
              {t('overview.hiddenCompetences', { count: hidden })}
            </Paragraph>
          )}
          <FlagList title={t('overview.coverage.none')} ids={flags.none} names={names} />
          <FlagList title={t('overview.coverage.one')} ids={flags.one} names={names} />
          {flags.none.length === 0 && flags.one.length === 0 && (
            <Paragraph data-size="sm">{t('overview.coverage.noFlags')}</Paragraph>
          )}
        </>
      )}
    </section>
  );
}
