import { Link, Paragraph } from '@digdir/designsystemet-react';
import { buildPath, overviewApi, type CampaignOverview } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { localeFromTag } from '../../../lib/locale';

const FORMATS = [
  ['xlsx', overviewApi.exportXlsx],
  ['csv', overviewApi.exportCsv],
  ['pdf', overviewApi.exportPdf],
] as const;

/** Downloads of what the page shows, with the same figures hidden. */
export function OverviewExports({ overview }: { overview: CampaignOverview }) {
  const { t, i18n } = useTranslation();
  const search = new URLSearchParams({
    unitId: overview.unit.id,
    kind: overview.kind,
    coverageLevel: String(overview.coverageLevel),
    locale: localeFromTag(i18n.language) ?? 'da',
  }).toString();
  return (
    <Paragraph data-size="sm" className="overview-exports">
      <span>{t('overview.exports.label')}</span>{' '}
      {FORMATS.map(([format, endpoint], index) => (
        <span key={format}>
          {index > 0 && ' · '}
          <Link
            href={`${buildPath(endpoint.path, { campaignId: overview.campaign.id })}?${search}`}
            download
          >
            {t(`overview.exports.${format}`)}
          </Link>
        </span>
      ))}
    </Paragraph>
  );
}
