import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  /** The landmark's name, e.g. "Pages of the people list". */
  label: string;
  isBusy?: boolean;
}

/** Previous / "page X of Y" / next, for lists paged on the server. */
export function Pager({ page, pageCount, onPageChange, label, isBusy = false }: PagerProps) {
  const { t } = useTranslation();
  if (pageCount <= 1) {
    return null;
  }
  return (
    <nav className="pager" aria-label={label}>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={page <= 1 || isBusy}
        onClick={() => onPageChange(page - 1)}
      >
        {t('pager.previous')}
      </Button>
      <Paragraph data-size="sm" className="pager__status">
        {t('pager.status', { page, count: pageCount })}
      </Paragraph>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={page >= pageCount || isBusy}
        onClick={() => onPageChange(page + 1)}
      >
        {t('pager.next')}
      </Button>
    </nav>
  );
}
