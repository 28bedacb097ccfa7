import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useRouteFocusMemory } from './route-focus';

interface PageHeadingProps {
  /** Plain text for the document title. */
  title: string;
  children?: ReactNode;
}

/**
 * The page's h1. After a navigation it takes focus (so screen readers start at the new page)
 * and it sets the document title.
 */
export function PageHeading({ title, children }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const memory = useRouteFocusMemory();
  const { t } = useTranslation();

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);

  useEffect(() => {
    if (memory.current === pathname) {
      return;
    }
    memory.current = pathname;
    ref.current?.focus();
  }, [memory, pathname]);

  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </Heading>
  );
}
