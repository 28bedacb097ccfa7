import { Field, Label, Select, ToggleGroup } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import type { OverviewParams } from '../overview-params';
import { useOverviewCampaigns } from '../use-overview';

interface OverviewControlsProps {
  overview: CampaignOverview;
  /** The campaign and choices asked for (shown while their figures load). */
  campaignId: string;
  params: OverviewParams;
  onCampaignChange: (campaignId: string) => void;
  onChange: (next: Partial<OverviewParams>) => void;
}

function CampaignSelect({
  overview,
  campaignId,
  onCampaignChange,
}: Pick<OverviewControlsProps, 'overview' | 'campaignId' | 'onCampaignChange'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const campaigns = useOverviewCampaigns(locale);
  const items = campaigns.data ?? [];
  const current = overview.campaign;
  const options = items.some((item) => item.id === current.id) ? items : [current, ...items];
  return (
    <Field className="overview-controls__campaign">
      <Label htmlFor={id}>{t('overview.controls.campaign')}</Label>
      <Select
        id={id}
        value={options.some((item) => item.id === campaignId) ? campaignId : current.id}
        onChange={(event) => onCampaignChange(event.target.value)}
      >
        {options.map((item) => (
          <Select.Option key={item.id} value={item.id}>
            {t('overview.controls.campaignOption', {
              name: item.name,
              status: t(`overview.controls.status.${item.status}`),
            })}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** Campaign, rater kind and coverage level: each change is a new address (reload and back work). */
export function OverviewControls({
  overview,
  campaignId,
  params,
  onCampaignChange,
  onChange,
}: OverviewControlsProps) {
  const { t } = useTranslation();
  const kindLabelId = useId();
  const levelId = useId();
  const levelHelpId = useId();
  return (
    <div className="overview-controls" role="group" aria-label={t('overview.controls.label')}>
      <CampaignSelect
        overview={overview}
        campaignId={campaignId}
        onCampaignChange={onCampaignChange}
      />
      {overview.campaign.modes.length > 1 && (
        <div className="overview-controls__kind">
          <span id={kindLabelId} className="overview-controls__label">
            {t('overview.controls.kind')}
          </span>
          <ToggleGroup
            aria-labelledby={kindLabelId}
            data-size="sm"
            value={params.kind}
            onChange={(value) => onChange({ kind: value === 'manager' ? 'manager' : 'self' })}
          >
            <ToggleGroup.Item value="self">{t('overview.kinds.self')}</ToggleGroup.Item>
            <ToggleGroup.Item value="manager">{t('overview.kinds.manager')}</ToggleGroup.Item>
          </ToggleGroup>
        </div>
      )}
      <Field className="overview-controls__level">
        <Label htmlFor={levelId}>{t('overview.controls.coverageLevel')}</Label>
        <Field.Description id={levelHelpId}>
          {t('overview.controls.coverageLevelHelp')}
        </Field.Description>
        <Select
          id={levelId}
          aria-describedby={levelHelpId}
          value={String(params.level ?? overview.coverageLevel)}
          onChange={(event) => onChange({ level: Number(event.target.value) })}
        >
          {overview.scale.map((level) => (
            <Select.Option key={level.value} value={String(level.value)}>
              {t('overview.controls.levelOption', { value: level.value, label: level.label })}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
