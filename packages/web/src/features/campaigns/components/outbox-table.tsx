import { Table, Tag } from '@digdir/designsystemet-react';
import type { OutboxMessage } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { formatDateTime, OUTBOX_STATUS_COLOUR } from '../campaign-format';

interface OutboxTableProps {
  messages: readonly OutboxMessage[];
  caption: string;
  /** Names of campaigns, to say which one a message belongs to (left out when filtered). */
  campaignNames?: ReadonlyMap<string, string> | undefined;
}

/** Outbox messages: to whom, what, when and how it went. */
export function OutboxTable({ messages, caption, campaignNames }: OutboxTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
      <Table zebra data-size="sm" className="outbox-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('outbox.columns.recipient')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('outbox.columns.message')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('outbox.columns.created')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('outbox.columns.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {messages.map((message) => {
            const campaign =
              message.campaignId === null ? undefined : campaignNames?.get(message.campaignId);
            return (
              <Table.Row key={message.id}>
                <Table.Cell>
                  <span className="outbox-table__name">{message.toName}</span>
                  <span className="outbox-table__meta">
                    {message.toEmail ?? t('outbox.noEmail')}
                  </span>
                </Table.Cell>
                <Table.Cell>
                  <span className="outbox-table__name">{t(`outbox.kinds.${message.kind}`)}</span>
                  <span className="outbox-table__meta" lang={message.locale}>
                    {message.subject}
                  </span>
                  {campaign !== undefined && <span className="outbox-table__meta">{campaign}</span>}
                </Table.Cell>
                <Table.Cell>
                  {formatDateTime(message.createdAt, locale)}
                  {message.sentAt !== null && (
                    <span className="outbox-table__meta">
                      {t('outbox.sentAt', { time: formatDateTime(message.sentAt, locale) })}
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={OUTBOX_STATUS_COLOUR[message.status]} data-size="sm">
                    {t(`outbox.statuses.${message.status}`)}
                  </Tag>
                  {message.error !== null && (
                    <span className="outbox-table__meta">{message.error}</span>
                  )}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

/** The same messages as a list, for screens too narrow for the table. */
export function OutboxCards({ messages, caption, campaignNames }: OutboxTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="outbox-cards" aria-label={caption}>
      {messages.map((message) => {
        const campaign =
          message.campaignId === null ? undefined : campaignNames?.get(message.campaignId);
        return (
          <li key={message.id} className="outbox-cards__item">
            <div className="outbox-cards__top">
              <span className="outbox-table__name">{message.toName}</span>
              <Tag data-color={OUTBOX_STATUS_COLOUR[message.status]} data-size="sm">
                {t(`outbox.statuses.${message.status}`)}
              </Tag>
            </div>
            <span className="outbox-table__meta">{message.toEmail ?? t('outbox.noEmail')}</span>
            <span className="outbox-cards__line">
              {t(`outbox.kinds.${message.kind}`)}:{' '}
              <span lang={message.locale}>{message.subject}</span>
            </span>
            {campaign !== undefined && <span className="outbox-table__meta">{campaign}</span>}
            <span className="outbox-table__meta">
              {message.sentAt !== null
                ? t('outbox.sentAt', { time: formatDateTime(message.sentAt, locale) })
                : formatDateTime(message.createdAt, locale)}
            </span>
            {message.error !== null && <span className="outbox-table__meta">{message.error}</span>}
          </li>
        );
      })}
    </ul>
  );
}
