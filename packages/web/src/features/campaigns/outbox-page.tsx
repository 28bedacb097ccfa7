import { Alert, Field, Label, Link, Paragraph, Select } from '@digdir/designsystemet-react';
import { resolveText } from '@evne/core';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { Pager } from '../../components/pager';
import { useLocale } from '../../lib/i18n';
import './campaigns.css';
import { AdminOnly } from './components/admin-only';
import { CampaignProblemAlert } from './components/campaign-problem-alert';
import { OutboxCards, OutboxTable } from './components/outbox-table';
import { OUTBOX_PAGE_SIZE, useCampaigns, useOutbox } from './use-campaigns';

function OutboxList({
  campaignId,
  page,
  onPageChange,
  campaignNames,
}: {
  campaignId: string | undefined;
  page: number;
  onPageChange: (page: number) => void;
  campaignNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const outbox = useOutbox(campaignId, page);
  const caption = t('outbox.caption');
  if (outbox.isPending) {
    return <LoadingState />;
  }
  if (outbox.isError) {
    return <CampaignProblemAlert error={outbox.error} />;
  }
  const { items, total, pageSize } = outbox.data;
  const pageCount = Math.max(1, Math.ceil(total / (pageSize || OUTBOX_PAGE_SIZE)));
  const goTo = (next: number) => {
    onPageChange(next);
    announce(t('pager.status', { page: next, count: pageCount }));
    summaryRef.current?.focus();
  };
  return (
    <div className="outbox-list" aria-busy={outbox.isFetching}>
      <Paragraph ref={summaryRef} tabIndex={-1} className="people-list__summary">
        {total === 0
          ? t('outbox.none')
          : t('outbox.showing', {
              from: (outbox.data.page - 1) * pageSize + 1,
              to: (outbox.data.page - 1) * pageSize + items.length,
              count: total,
            })}
      </Paragraph>
      {items.length > 0 && (
        // One of the two is shown, by the screen's width (CSS), so one is read out.
        <>
          <div className="outbox-wide">
            <OutboxTable
              messages={items}
              caption={caption}
              campaignNames={campaignId === undefined ? campaignNames : undefined}
            />
          </div>
          <OutboxCards
            messages={items}
            caption={caption}
            campaignNames={campaignId === undefined ? campaignNames : undefined}
          />
        </>
      )}
      <Pager
        page={outbox.data.page}
        pageCount={pageCount}
        onPageChange={goTo}
        label={t('pager.label', { list: caption })}
        isBusy={outbox.isFetching}
      />
    </div>
  );
}

/** `/outbox`: every invitation and reminder, mailed or to be handed out; never the links. */
export function OutboxPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const campaigns = useCampaigns();
  const selectId = useId();
  const campaignId = params.get('campaignId') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const campaignNames = new Map(
    (campaigns.data ?? []).map((campaign) => [campaign.id, resolveText(campaign.name, locale)]),
  );

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '' || (key === 'page' && value === '1')) {
            next.delete(key);
          } else {
            next.set(key, value);
          }
        }
        return next;
      },
      { replace: true },
    );
  };

  return (
    <AdminOnly title={t('outbox.title')}>
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to="/campaigns">{t('outbox.backToCampaigns')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('outbox.title')} />
      <Paragraph className="lead">{t('outbox.intro')}</Paragraph>
      <Alert data-color="info" className="outbox-note">
        <Paragraph>{t('outbox.noLinks')}</Paragraph>
      </Alert>
      <form
        role="search"
        aria-label={t('outbox.filterLabel')}
        className="outbox-filter"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field>
          <Label htmlFor={selectId}>{t('outbox.campaign')}</Label>
          <Select
            id={selectId}
            value={campaignId}
            onChange={(event) => update({ campaignId: event.target.value, page: null })}
            disabled={campaigns.isPending}
          >
            <Select.Option value="">{t('outbox.allCampaigns')}</Select.Option>
            {(campaigns.data ?? []).map((campaign) => (
              <Select.Option key={campaign.id} value={campaign.id}>
                {resolveText(campaign.name, locale)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </form>
      <OutboxList
        campaignId={campaignId === '' ? undefined : campaignId}
        page={page}
        onPageChange={(next) => update({ page: String(next) })}
        campaignNames={campaignNames}
      />
    </AdminOnly>
  );
}
