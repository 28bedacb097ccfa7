import { Tag } from '@digdir/designsystemet-react';
import type { CampaignStatus } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOUR } from '../campaign-format';

/** The campaign's status as a tag: its colour and its word. */
export function CampaignStatusTag({
  status,
  size = 'sm',
}: {
  status: CampaignStatus;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Tag data-color={STATUS_COLOUR[status]} data-size={size}>
      {t(`campaigns.statuses.${status}`)}
    </Tag>
  );
}
