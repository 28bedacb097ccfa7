import { OverviewExports } from './overview-exports';
import { Paragraph } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { BreadcrumbNav } from '../../../components/breadcrumb-nav';
import { PageHeading } from '../../../components/page-heading';
import type { OverviewParams } from '../overview-params';
import { OverviewControls } from './overview-controls';

interface OverviewHeaderProps {
  overview: CampaignOverview;
  campaignId: string;
  params: OverviewParams;
  /** Wraps the h1, which takes focus after a move to another unit. */
  headingRef: RefObject<HTMLDivElement | null>;
  unitLink: (unitId: string) => string;
  onCampaignChange: (campaignId: string) => void;
  onChange: (next: Partial<OverviewParams>) => void;
}

/** How many answered, or why the number is not shown. */
export function useRespondentsText() {
  const { t } = useTranslation();
  return (respondents: CampaignOverview['respondents'], k: number) =>
    respondents.status === 'shown' && respondents.count !== null
      ? t('overview.respondents', { count: respondents.count })
      : respondents.status === 'suppressed'
        ? t('overview.respondentsSuppressed')
        : t('overview.respondentsFewer', { k });
}

/** Where the unit sits, the page heading, the choices, how many answered and the anonymity rule. */
export function OverviewHeader({
  overview,
  campaignId,
  params,
  headingRef,
  unitLink,
  onCampaignChange,
  onChange,
}: OverviewHeaderProps) {
  const { t } = useTranslation();
  const respondentsText = useRespondentsText();
  const { unit, threshold } = overview;
  return (
    <div className="overview-header">
      <BreadcrumbNav
        label={t('overview.unitPath')}
        items={unit.path.map((item) => ({ to: unitLink(item.id), label: item.name }))}
        current={unit.name}
      />
      <div ref={headingRef} className="page-header">
        <PageHeading title={t('overview.titleFor', { unit: unit.name })} />
      </div>
      <Paragraph className="lead">{t('overview.intro')}</Paragraph>
      <OverviewControls
        overview={overview}
        campaignId={campaignId}
        params={params}
        onCampaignChange={onCampaignChange}
        onChange={onChange}
      />
      <div className="overview-facts">
        <Paragraph className="overview-facts__respondents">
          <strong>{respondentsText(overview.respondents, threshold)}</strong>
          <span className="muted"> · {t(`overview.kinds.${overview.kind}`)}</span>
        </Paragraph>
        <Paragraph data-size="sm" className="overview-facts__rule">
          {t('overview.rule', { k: threshold })}
        </Paragraph>
        <OverviewExports overview={overview} />
      </div>
    </div>
  );
}
