import { Paragraph } from '@digdir/designsystemet-react';
import { resolveText, type CompletenessFigure, type LocalizedText } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';

interface CompletenessSummaryProps {
  figures: readonly CompletenessFigure[];
  note: LocalizedText | null;
  /** Add the hint on how to complete it (on the framework page). */
  showHint?: boolean;
  hint?: string;
}

export function isIncomplete(figures: readonly CompletenessFigure[]): boolean {
  return figures.some((figure) => figure.expected !== null && figure.present < figure.expected);
}

/** "4 of 4 areas, 9 of 12 sub-categories and 6 of 32 competences are published here", plus the source's note. */
export function CompletenessSummary({
  figures,
  note,
  showHint = false,
  hint,
}: CompletenessSummaryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parts = figures.map((figure) =>
    figure.expected === null
      ? t(`completeness.count.${figure.kind}`, { count: figure.present })
      : t(`completeness.ofExpected.${figure.kind}`, {
          count: figure.expected,
          present: figure.present,
        }),
  );
  const sentence =
    parts.length > 0
      ? t('completeness.sentence', { figures: formatList(parts, locale) })
      : t('completeness.empty');
  const noteText = resolveText(note, locale);
  return (
    <div className="completeness">
      <Paragraph className="completeness__sentence">{sentence}</Paragraph>
      {noteText !== '' && (
        <Paragraph data-size="sm" className="completeness__note">
          {noteText}
        </Paragraph>
      )}
      {showHint && isIncomplete(figures) && (
        <Paragraph data-size="sm" className="completeness__hint">
          {hint ?? t('completeness.hint')}
        </Paragraph>
      )}
    </div>
  );
}
