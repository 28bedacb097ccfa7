import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { useLocale } from '../../lib/i18n';
import { AreaTables } from './components/area-tables';
import { CompetenceWheel } from './components/competence-wheel';
import { CoverageSection } from './components/coverage-section';
import { GapsSection } from './components/gaps-section';
import { HeatmapSection } from './components/heatmap-section';
import { InterestSection } from './components/interest-section';
import { ManagersOnly } from './components/managers-only';
import { OverviewHeader } from './components/overview-header';
import { OverviewProblemAlert } from './components/overview-problem-alert';
import { SelfVsManagerSection } from './components/self-vs-manager-section';
import { competenceNames } from './insights';
import { overviewPath, readOverviewParams, type OverviewParams } from './overview-params';
import './overview.css';
import { useOverview } from './use-overview';

interface OverviewViewProps {
  overview: CampaignOverview;
  campaignId: string;
  params: OverviewParams;
  updating: boolean;
  go: (next: Partial<OverviewParams>, campaignId?: string) => void;
  unitLink: (unitId: string) => string;
}

function OverviewView({ overview, campaignId, params, updating, go, unitLink }: OverviewViewProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const headingRef = useRef<HTMLDivElement>(null);
  const shownUnit = useRef(overview.unit.id);
  const shownView = useRef(`${overview.kind}/${overview.coverageLevel}`);
  const names = useMemo(() => competenceNames(overview.areas), [overview.areas]);
  const { unit, kind, coverageLevel } = overview;

  // Another unit is a new page to a reader: focus its heading. Another view of the same unit
  // keeps focus on the control and says what changed.
  useEffect(() => {
    const view = `${kind}/${coverageLevel}`;
    if (shownUnit.current !== unit.id) {
      shownUnit.current = unit.id;
      shownView.current = view;
      headingRef.current?.querySelector('h1')?.focus();
    } else if (shownView.current !== view) {
      shownView.current = view;
      announce(
        t('overview.announce', {
          kind: t(`overview.kinds.${kind}`),
          unit: unit.name,
          level: coverageLevel,
        }),
      );
    }
  }, [unit.id, unit.name, kind, coverageLevel, announce, t]);

  return (
    <div className="overview-page" aria-busy={updating}>
      <OverviewHeader
        overview={overview}
        campaignId={campaignId}
        params={params}
        headingRef={headingRef}
        unitLink={unitLink}
        onCampaignChange={(campaignId) => go({}, campaignId)}
        onChange={go}
      />
      {updating && (
        <Paragraph data-size="sm" className="overview-updating" role="status">
          {t('overview.updating')}
        </Paragraph>
      )}
      <div className={updating ? 'overview-body overview-body--updating' : 'overview-body'}>
        <CompetenceWheel key={`${unit.id}/${kind}`} overview={overview} />
        <AreaTables overview={overview} />
        <HeatmapSection
          overview={overview}
          metric={params.heat}
          onMetricChange={(heat) => go({ heat })}
          unitLink={unitLink}
        />
        <div className="overview-insights">
          <GapsSection overview={overview} names={names} />
          <CoverageSection overview={overview} names={names} />
          <SelfVsManagerSection overview={overview} names={names} />
          <InterestSection overview={overview} names={names} />
        </div>
      </div>
    </div>
  );
}

function OverviewLoader() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { campaignId = '' } = useParams();
  const [search] = useSearchParams();
  const params = useMemo(() => readOverviewParams(search), [search]);
  const overview = useOverview({
    campaignId,
    unitId: params.unitId,
    kind: params.kind,
    coverageLevel: params.level,
    locale,
  });

  const go = useCallback(
    (next: Partial<OverviewParams>, otherCampaign?: string) => {
      void navigate(overviewPath(otherCampaign ?? campaignId, { ...params, ...next }));
    },
    [navigate, campaignId, params],
  );
  const unitLink = useCallback(
    (unitId: string) => overviewPath(campaignId, { ...params, unitId }),
    [campaignId, params],
  );

  if (overview.isPending) {
    return <LoadingState />;
  }
  if (overview.isError) {
    return (
      <>
        <PageHeading title={t('overview.title')} />
        <OverviewProblemAlert error={overview.error} />
        {params.unitId !== undefined && (
          <Button asChild variant="secondary">
            <RouterLink to={overviewPath(campaignId, { ...params, unitId: undefined })}>
              {t('overview.toTop')}
            </RouterLink>
          </Button>
        )}
      </>
    );
  }
  return (
    <OverviewView
      overview={overview.data}
      campaignId={campaignId}
      params={params}
      updating={overview.isPlaceholderData}
      go={go}
      unitLink={unitLink}
    />
  );
}

/** `/overview/:campaignId?unit=…&kind=…&level=…&show=…`: a unit's competence picture. */
export function OverviewPage() {
  return (
    <ManagersOnly>
      <OverviewLoader />
    </ManagersOnly>
  );
}
