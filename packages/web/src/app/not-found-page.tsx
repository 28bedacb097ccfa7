import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { PageHeading } from '../components/page-heading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('errors.notFoundTitle')} />
      <Paragraph>{t('errors.notFoundBody')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/frameworks">{t('errors.backToFrameworks')}</RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}
