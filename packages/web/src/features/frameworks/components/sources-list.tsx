import { Link, Paragraph } from '@digdir/designsystemet-react';
import type { Source } from '@evne/core';
import { useTranslation } from 'react-i18next';

/** Where the framework was published (links open the publisher's pages). */
export function SourcesList({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) {
    return <Paragraph>{t('framework.noSources')}</Paragraph>;
  }
  return (
    <ul className="sources-list">
      {sources.map((source) => (
        <li key={`${source.title}-${source.url ?? ''}`}>
          {source.url !== undefined ? <Link href={source.url}>{source.title}</Link> : source.title}
          {source.note !== undefined && (
            <Paragraph data-size="sm" className="muted">
              {source.note}
            </Paragraph>
          )}
        </li>
      ))}
    </ul>
  );
}
