import { Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { LoadingState } from '../../../components/loading-state';
import { Pager } from '../../../components/pager';
import { ProblemAlert } from '../../../components/problem-alert';
import { PEOPLE_PAGE_SIZE, usePeople, type PeopleFilter } from '../use-organisation';
import { PeopleTable } from './people-table';

interface PeopleListProps {
  /** The filters without the page. */
  filter: Omit<PeopleFilter, 'page'>;
  page: number;
  onPageChange: (page: number) => void;
  caption: string;
  showUnit?: boolean | undefined;
}

/**
 * One page of people from the server with the total and previous/next: fast however many
 * people the organisation has, because only the page shown is ever loaded.
 */
export function PeopleList({ filter, page, onPageChange, caption, showUnit }: PeopleListProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const people = usePeople({ ...filter, page });
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const filterKey = JSON.stringify(filter);
  const announcedKey = useRef<string | null>(null);

  const total = people.data?.total;
  const isCurrent = people.isSuccess && !people.isPlaceholderData;
  // Say how many were found when a search or filter changes (not on every page).
  useEffect(() => {
    if (!isCurrent || total === undefined) {
      return;
    }
    if (announcedKey.current !== null && announcedKey.current !== filterKey) {
      announce(t('people.found', { count: total }));
    }
    announcedKey.current = filterKey;
  }, [isCurrent, total, filterKey, announce, t]);

  if (people.isPending) {
    return <LoadingState />;
  }
  if (people.isError) {
    return <ProblemAlert error={people.error} />;
  }
  const { items, pageSize } = people.data;
  const pageCount = Math.max(1, Math.ceil(people.data.total / (pageSize || PEOPLE_PAGE_SIZE)));

  const goTo = (next: number) => {
    onPageChange(next);
    announce(t('pager.status', { page: next, count: pageCount }));
    summaryRef.current?.focus();
  };

  return (
    <div className="people-list" aria-busy={people.isFetching}>
      <Paragraph ref={summaryRef} tabIndex={-1} className="people-list__summary">
        {people.data.total === 0
          ? t('people.none')
          : t('people.showing', {
              from: (people.data.page - 1) * pageSize + 1,
              to: (people.data.page - 1) * pageSize + items.length,
              count: people.data.total,
            })}
      </Paragraph>
      {items.length > 0 && <PeopleTable people={items} caption={caption} showUnit={showUnit} />}
      <Pager
        page={people.data.page}
        pageCount={pageCount}
        onPageChange={goTo}
        label={t('pager.label', { list: caption })}
        isBusy={people.isFetching}
      />
    </div>
  );
}
