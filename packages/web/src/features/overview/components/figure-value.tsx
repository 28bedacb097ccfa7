import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { hiddenSymbol, type FigureText, type HiddenStatus } from '../figures';

/** The reason a figure is hidden, in words: "fewer than 5" or "hidden to protect small groups". */
export function useHiddenReason() {
  const { t } = useTranslation();
  return useCallback(
    (status: HiddenStatus, k: number) =>
      status === 'fewer_than_k'
        ? t('overview.hidden.fewer', { k })
        : t('overview.hidden.suppressed'),
    [t],
  );
}

/** The short form of a figure for tight places (wheel labels, heatmap cells). */
export function useShortFigure() {
  const { t } = useTranslation();
  return useCallback(
    (text: FigureText) => {
      if (text.kind === 'value') {
        return text.text;
      }
      if (text.kind === 'empty') {
        return '–';
      }
      return hiddenSymbol(text.status, text.k) ?? t('overview.hidden.suppressedShort');
    },
    [t],
  );
}

/**
 * A figure: the number, or why it is not shown in words ("fewer than 5", "hidden to protect
 * small groups", "nothing to show"); never a bare 0 or an empty place.
 */
export function FigureValue({ text, compact = false }: { text: FigureText; compact?: boolean }) {
  const { t } = useTranslation();
  const reason = useHiddenReason();
  const short = useShortFigure();
  if (text.kind === 'value') {
    return <>{text.text}</>;
  }
  const words = text.kind === 'hidden' ? reason(text.status, text.k) : t('overview.hidden.empty');
  if (!compact) {
    return <span className="figure-hidden">{words}</span>;
  }
  // Short on screen, the words for assistive technology.
  return (
    <span className="figure-hidden">
      <span aria-hidden="true">{short(text)}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
