import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { buildPath, EXPORT_FORMATS, FRAMEWORK_EXPORT_PATH } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Download links for one version in every export format. */
export function ExportLinks({
  versionId,
  versionNumber,
}: {
  versionId: string;
  versionNumber: number;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const base = buildPath(FRAMEWORK_EXPORT_PATH, { versionId });
  return (
    <section aria-labelledby={headingId} className="export-links">
      <Heading level={2} data-size="2xs" id={headingId}>
        {t('export.title', { number: versionNumber })}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('export.intro')}
      </Paragraph>
      <ul className="inline-list">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <Link href={`${base}?format=${format}`} download>
              {t(`export.formats.${format}`)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
