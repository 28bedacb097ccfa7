import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { MailRunSummary } from '@evne/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { csvBlob, csvRowCount } from '../links-file';
import type { ExportedLinks } from '../use-campaigns';

/** What the last mail action did, kept on the page until the admin leaves it. */
export type MailOutcome =
  | { kind: 'invitation' | 'reminder'; summary: MailRunSummary }
  | { kind: 'links'; links: ExportedLinks };

export const LINKS_FILE_NAME = 'links.csv';

/** A one-time download of personal links, with what the file is and why it must be kept safe. */
function LinksDownload({ csv, onDownloaded }: { csv: string; onDownloaded: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(csvBlob(csv));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [csv]);
  const count = csvRowCount(csv);
  return (
    <Alert data-color="warning" className="links-download">
      <Heading level={3} data-size="2xs">
        {t('campaigns.links.heading', { count })}
      </Heading>
      <Paragraph>{t('campaigns.links.warning')}</Paragraph>
      {url !== null && (
        <Paragraph>
          <Link href={url} download={LINKS_FILE_NAME} onClick={onDownloaded}>
            {t('campaigns.links.download', { file: LINKS_FILE_NAME, count })}
          </Link>
        </Paragraph>
      )}
    </Alert>
  );
}

/** The result of sending invitations or reminders, or of issuing new links, with any links. */
export function MailRunResult({
  outcome,
  onDismiss,
}: {
  outcome: MailOutcome;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const csv = outcome.kind === 'links' ? outcome.links.csv : outcome.summary.linksCsv;
  const linkCount = csv === null ? 0 : csvRowCount(csv);
  const [isDownloaded, setIsDownloaded] = useState(outcome.kind === 'links');

  useEffect(() => {
    headingRef.current?.focus();
  }, [outcome]);

  // Links not yet downloaded cannot be shown again: leaving asks first.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      linkCount > 0 && !isDownloaded && currentLocation.pathname !== nextLocation.pathname,
  );

  return (
    <section aria-labelledby={headingId} className="mail-result">
      <Heading level={2} data-size="sm" id={headingId} ref={headingRef} tabIndex={-1}>
        {t(`campaigns.result.heading.${outcome.kind}`)}
      </Heading>
      {outcome.kind === 'links' ? (
        <Paragraph>
          {linkCount === 0
            ? t('campaigns.result.noLinks')
            : `${t('campaigns.result.linksIssued', { count: linkCount })} ${t(
                'campaigns.result.rotated',
                { count: outcome.links.rotatedLinks },
              )}`}
        </Paragraph>
      ) : (
        <ul className="result-counts">
          <li>{t('campaigns.result.sent', { count: outcome.summary.sent })}</li>
          <li>{t('campaigns.result.manual', { count: outcome.summary.manual })}</li>
          {outcome.summary.failed > 0 && (
            <li>{t('campaigns.result.failed', { count: outcome.summary.failed })}</li>
          )}
          {outcome.summary.rotatedLinks > 0 && (
            <li>{t('campaigns.result.rotated', { count: outcome.summary.rotatedLinks })}</li>
          )}
        </ul>
      )}
      {outcome.kind !== 'links' && outcome.summary.failed > 0 && (
        <Paragraph data-size="sm">{t('campaigns.result.failedHelp')}</Paragraph>
      )}
      {csv !== null && linkCount > 0 && (
        <LinksDownload csv={csv} onDownloaded={() => setIsDownloaded(true)} />
      )}
      <div className="button-row">
        <Button variant="secondary" data-size="sm" onClick={onDismiss}>
          {linkCount > 0 ? t('campaigns.result.dismissLinks') : t('campaigns.result.dismiss')}
        </Button>
      </div>
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t('campaigns.links.leaveTitle')}
        body={t('campaigns.links.leaveBody')}
        confirmLabel={t('campaigns.links.leave')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
    </section>
  );
}
