import { Button, Fieldset, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { usePeople } from '../../organisation/use-organisation';
import type { ChosenPerson } from '../campaign-form';
import { fieldDomId } from './form-error-summary';

const RESULTS = 8;

interface PeopleAudiencePickerProps {
  people: readonly ChosenPerson[];
  onChange: (people: ChosenPerson[]) => void;
  error: string | undefined;
}

/** People asked by name (besides units and profiles): search, add, remove. */
export function PeopleAudiencePicker({ people, onChange, error }: PeopleAudiencePickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  // Adding or removing takes away the button that was used: focus goes back to the search.
  const search = useRef<HTMLInputElement>(null);
  const debounced = useDebouncedValue(query.trim(), 250);
  const found = usePeople(
    { q: debounced, status: 'active' },
    { pageSize: RESULTS, enabled: debounced !== '' },
  );
  const chosen = new Set(people.map((person) => person.id));
  const results = (debounced === '' ? [] : (found.data?.items ?? [])).filter(
    (person) => !chosen.has(person.id),
  );

  return (
    <div className="campaign-form__subgroup">
      <Fieldset id={fieldDomId('personIds')}>
        <Fieldset.Legend>{t('campaigns.form.people')}</Fieldset.Legend>
        <Fieldset.Description>{t('campaigns.form.peopleHelp')}</Fieldset.Description>
        <Textfield
          ref={search}
          label={t('personPicker.search')}
          description={t('personPicker.searchHelp')}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
          error={error}
        />
        {debounced !== '' && found.isFetching && (
          <Paragraph data-size="sm" className="inline-status">
            <Spinner aria-hidden="true" data-size="xs" /> {t('common.searching')}
          </Paragraph>
        )}
        {debounced !== '' && found.isSuccess && !found.isFetching && (
          <Paragraph data-size="sm" role="status">
            {results.length === 0
              ? t('personPicker.none')
              : found.data.total > RESULTS
                ? t('personPicker.more', { count: found.data.total, shown: RESULTS })
                : t('personPicker.found', { count: results.length })}
          </Paragraph>
        )}
        {results.length > 0 && (
          <ul className="chosen-list" aria-label={t('campaigns.form.searchResults')}>
            {results.map((person) => (
              <li key={person.id} className="chosen-list__item">
                <span>
                  {person.name}
                  <span className="chosen-list__meta">
                    {[person.employeeNumber, person.jobTitle, person.unit?.name]
                      .filter((part) => part !== null && part !== undefined && part !== '')
                      .join(' · ')}
                  </span>
                </span>
                <Button
                  variant="secondary"
                  data-size="sm"
                  onClick={() => {
                    onChange([...people, { id: person.id, name: person.name }]);
                    search.current?.focus();
                  }}
                  aria-label={t('campaigns.form.add', { name: person.name })}
                >
                  {t('campaigns.form.addShort')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {people.length > 0 && (
          <ul className="chosen-list" aria-label={t('campaigns.form.chosenPeople')}>
            {people.map((person) => (
              <li key={person.id} className="chosen-list__item">
                <span>{person.name}</span>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => {
                    onChange(people.filter((item) => item.id !== person.id));
                    search.current?.focus();
                  }}
                  aria-label={t('campaigns.form.remove', { name: person.name })}
                >
                  {t('campaigns.form.removeShort')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Fieldset>
    </div>
  );
}
