import {
  Button,
  Checkbox,
  Field,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { resolveText } from '@evne/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeading } from '../../components/page-heading';
import { useLocale } from '../../lib/i18n';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useRoleProfiles } from '../role-profiles/use-role-profiles';
import { PeopleList } from './components/people-list';
import { UnitSelect } from './components/unit-select';
import type { PeopleFilter } from './use-organisation';

const STATUSES = ['active', 'inactive', 'all'] as const;
type Status = (typeof STATUSES)[number];

function isStatus(value: string | null): value is Status {
  return value !== null && (STATUSES as readonly string[]).includes(value);
}

/** Everyone the reader may see, searched and filtered on the server, 50 at a time. */
export function PeoplePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const profiles = useRoleProfiles();
  const statusId = useId();
  const profileId = useId();

  const unitId = params.get('unitId') ?? '';
  const includeSubunits = params.get('includeSubunits') !== 'false';
  const statusParam = params.get('status');
  const status: Status = isStatus(statusParam) ? statusParam : 'active';
  const profile = params.get('profileId') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  // Typing goes to the URL once it pauses, so that the server is asked once per search.
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [jobTitle, setJobTitle] = useState(params.get('jobTitle') ?? '');
  const debouncedQuery = useDebouncedValue(query.trim(), 300);
  const debouncedJobTitle = useDebouncedValue(jobTitle.trim(), 400);

  const update = (changes: Record<string, string | null>, options: { keepPage?: boolean } = {}) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') {
            next.delete(key);
          } else {
            next.set(key, value);
          }
        }
        if (!options.keepPage) {
          next.delete('page');
        }
        return next;
      },
      { replace: true },
    );
  };

  // Only a change of the debounced text is written to the URL, once.
  const synced = useRef({ q: debouncedQuery, jobTitle: debouncedJobTitle });
  useEffect(() => {
    const changes: Record<string, string> = {};
    if (debouncedQuery !== synced.current.q) {
      changes.q = debouncedQuery;
    }
    if (debouncedJobTitle !== synced.current.jobTitle) {
      changes.jobTitle = debouncedJobTitle;
    }
    synced.current = { q: debouncedQuery, jobTitle: debouncedJobTitle };
    if (Object.keys(changes).length > 0) {
      update(changes);
    }
  });

  const filter: Omit<PeopleFilter, 'page'> = {
    status,
    includeSubunits: includeSubunits ? 'true' : 'false',
    ...(params.get('q') ? { q: params.get('q') ?? '' } : {}),
    ...(unitId !== '' ? { unitId } : {}),
    ...(params.get('jobTitle') ? { jobTitle: params.get('jobTitle') ?? '' } : {}),
    ...(profile !== '' ? { profileId: profile } : {}),
  };
  const hasFilters =
    query !== '' || jobTitle !== '' || unitId !== '' || profile !== '' || status !== 'active';

  return (
    <>
      <PageHeading title={t('people.title')} />
      <Paragraph className="lead">{t('people.intro')}</Paragraph>
      <form
        role="search"
        aria-label={t('people.filtersLabel')}
        className="filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <Textfield
          className="filters__search"
          label={t('people.search')}
          description={t('people.searchHelp')}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
        />
        <div className="filters__unit">
          <UnitSelect
            label={t('people.filters.unit')}
            value={unitId}
            onChange={(value) => update({ unitId: value })}
            emptyLabel={t('people.filters.allUnits')}
          />
          {unitId !== '' && (
            <Checkbox
              data-size="sm"
              label={t('people.filters.includeSubunits')}
              checked={includeSubunits}
              onChange={(event) =>
                update({ includeSubunits: event.target.checked ? null : 'false' })
              }
            />
          )}
        </div>
        <Field>
          <Label htmlFor={statusId}>{t('people.filters.status')}</Label>
          <Select
            id={statusId}
            value={status}
            onChange={(event) =>
              update({ status: event.target.value === 'active' ? null : event.target.value })
            }
          >
            {STATUSES.map((option) => (
              <Select.Option key={option} value={option}>
                {t(`people.filters.statuses.${option}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t('people.filters.jobTitle')}
          description={t('people.filters.jobTitleHelp')}
          value={jobTitle}
          onChange={(event) => setJobTitle(event.target.value)}
          autoComplete="off"
        />
        <Field>
          <Label htmlFor={profileId}>{t('people.filters.profile')}</Label>
          <Select
            id={profileId}
            value={profile}
            onChange={(event) => update({ profileId: event.target.value })}
            disabled={profiles.isPending}
          >
            <Select.Option value="">{t('people.filters.anyProfile')}</Select.Option>
            {(profiles.data ?? []).map((option) => (
              <Select.Option key={option.id} value={option.id}>
                {resolveText(option.name, locale)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {hasFilters && (
          <div className="filters__reset">
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                setQuery('');
                setJobTitle('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('people.filters.reset')}
            </Button>
          </div>
        )}
      </form>
      <PeopleList
        filter={filter}
        page={page}
        onPageChange={(next) =>
          update({ page: next === 1 ? null : String(next) }, { keepPage: true })
        }
        caption={t('people.caption')}
      />
    </>
  );
}
