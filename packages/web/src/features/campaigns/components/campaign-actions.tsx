import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { resolveText, type Campaign } from '@evne/core';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useAnnounce } from '../../../components/announcer';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useLocale } from '../../../lib/i18n';
import { formatDateTime } from '../campaign-format';
import { csvRowCount, saveCsv } from '../links-file';
import {
  useCloseCampaign,
  useExportLinks,
  useScheduleCampaign,
  useSendInvitations,
  useSendReminders,
} from '../use-campaigns';
import { CampaignProblemAlert } from './campaign-problem-alert';
import { LINKS_FILE_NAME, type MailOutcome } from './mail-run-result';

type Action = 'schedule' | 'close' | 'invite' | 'links' | 'remind';

/** The lifecycle and mail actions the campaign's state allows, each confirmed in a dialog. */
export function CampaignActions({
  campaign,
  onOutcome,
  headingRef,
}: {
  campaign: Campaign;
  onOutcome: (outcome: MailOutcome) => void;
  /** The section's heading, which takes focus when the button used is gone. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const headingId = useId();
  const [open, setOpen] = useState<Action | null>(null);
  // After scheduling or closing, the button that was used is gone: focus goes to the section's
  // heading once the dialog has closed (closing a dialog hands focus back to its opener first).
  const focusOnClose = useRef(false);
  const focusSection = () => {
    focusOnClose.current = true;
  };
  useEffect(() => {
    if (open === null && focusOnClose.current) {
      headingRef.current?.focus();
    }
  }, [open, headingRef]);
  /** The dialog's own close event comes last (after it handed focus back): focus again then. */
  const onDialogClose = () => {
    finish();
    if (focusOnClose.current) {
      focusOnClose.current = false;
      window.requestAnimationFrame(() => headingRef.current?.focus());
    }
  };
  // The last dialog's texts stay while it closes.
  const [shown, setShown] = useState<Action>('schedule');
  const schedule = useScheduleCampaign(campaign.id);
  const close = useCloseCampaign(campaign.id);
  const invite = useSendInvitations(campaign.id);
  const links = useExportLinks(campaign.id);
  const remind = useSendReminders(campaign.id);
  const mutations = { schedule, close, invite, links, remind };
  const name = resolveText(campaign.name, locale);
  const { status } = campaign;
  const isLive = status === 'scheduled' || status === 'open';

  const openDialog = (action: Action) => {
    mutations[action].reset();
    setShown(action);
    setOpen(action);
  };
  const finish = () => setOpen(null);

  const confirm = () => {
    switch (open) {
      case 'schedule':
        schedule.mutate(undefined, {
          onSuccess: (next) => {
            finish();
            focusSection();
            announce(t('campaigns.actions.scheduled', { count: next.counts.invited }));
          },
        });
        break;
      case 'close':
        close.mutate(undefined, {
          onSuccess: () => {
            finish();
            focusSection();
            announce(t('campaigns.actions.closed', { name }));
          },
        });
        break;
      case 'invite':
      case 'remind':
        (open === 'invite' ? invite : remind).mutate(undefined, {
          onSuccess: (summary) => {
            finish();
            onOutcome({ kind: summary.kind, summary });
          },
        });
        break;
      case 'links':
        links.mutate(undefined, {
          onSuccess: (result) => {
            finish();
            if (csvRowCount(result.csv) > 0) {
              saveCsv(result.csv, LINKS_FILE_NAME);
            }
            onOutcome({ kind: 'links', links: result });
          },
        });
        break;
      case null:
        break;
    }
  };

  const current = mutations[shown];
  const dialogText = (action: Action) => ({
    title: t(`campaigns.actions.${action}.title`, { name }),
    confirmLabel: t(`campaigns.actions.${action}.confirm`),
  });

  return (
    <section aria-labelledby={headingId} className="page-section campaign-actions">
      <Heading level={2} data-size="sm" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('campaigns.actions.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t(`campaigns.actions.intro.${status}`, {
          opens: formatDateTime(campaign.opensAt, locale),
          closes: formatDateTime(campaign.closesAt, locale),
        })}
      </Paragraph>
      <div className="button-row">
        {status === 'draft' && (
          <Button onClick={() => openDialog('schedule')}>
            {t('campaigns.actions.schedule.open')}
          </Button>
        )}
        {isLive && (
          <>
            <Button
              variant={campaign.counts.sent < campaign.counts.invited ? 'primary' : 'secondary'}
              onClick={() => openDialog('invite')}
            >
              {t('campaigns.actions.invite.open')}
            </Button>
            <Button variant="secondary" onClick={() => openDialog('links')}>
              {t('campaigns.actions.links.open')}
            </Button>
          </>
        )}
        {status === 'open' && (
          <Button variant="secondary" onClick={() => openDialog('remind')}>
            {t('campaigns.actions.remind.open')}
          </Button>
        )}
        {status !== 'closed' && (
          <Button asChild variant="secondary">
            <RouterLink to={`/campaigns/${campaign.id}/edit`}>
              {t('campaigns.actions.edit')}
            </RouterLink>
          </Button>
        )}
        {isLive && (
          <Button variant="secondary" data-color="danger" onClick={() => openDialog('close')}>
            {t('campaigns.actions.close.open')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={open !== null}
        {...dialogText(shown)}
        body={
          <>
            {t(`campaigns.actions.${shown}.body`, {
              opens: formatDateTime(campaign.opensAt, locale),
              closes: formatDateTime(campaign.closesAt, locale),
            })
              .split('\n')
              .map((line) => (
                <Paragraph key={line}>{line}</Paragraph>
              ))}
          </>
        }
        danger={shown === 'close' || shown === 'links'}
        isPending={current.isPending}
        error={
          current.isError ? (
            <CampaignProblemAlert error={current.error} headingLevel={3} />
          ) : undefined
        }
        onConfirm={confirm}
        onClose={onDialogClose}
      />
    </section>
  );
}
