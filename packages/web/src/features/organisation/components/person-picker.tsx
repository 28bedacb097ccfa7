import { Fieldset, Paragraph, Radio, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { usePeople } from '../use-organisation';

export interface PickedPerson {
  id: string;
  name: string;
}

interface PersonPickerProps {
  legend: string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  /** The text of the "nobody" choice (e.g. "No manager"). */
  noneLabel: string;
  /** A person who cannot be chosen (e.g. the person themself as their own manager). */
  excludeId?: string | undefined;
}

const RESULTS = 8;

/** Finds a person by name, email or employee number and picks one (radio buttons). */
export function PersonPicker({ legend, value, onChange, noneLabel, excludeId }: PersonPickerProps) {
  const { t } = useTranslation();
  const name = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 250);
  const people = usePeople(
    { q: debounced, status: 'active' },
    { pageSize: RESULTS, enabled: debounced !== '' },
  );
  const results = (debounced === '' ? [] : (people.data?.items ?? [])).filter(
    (person) => person.id !== excludeId && person.id !== value?.id,
  );
  return (
    <Fieldset className="person-picker">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Textfield
        label={t('personPicker.search')}
        description={t('personPicker.searchHelp')}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
      />
      <div className="person-picker__choices">
        <Radio
          name={name}
          label={noneLabel}
          value=""
          checked={value === null}
          onChange={() => onChange(null)}
        />
        {value !== null && (
          <Radio name={name} label={value.name} value={value.id} checked onChange={() => {}} />
        )}
        {results.map((person) => (
          <Radio
            key={person.id}
            name={name}
            value={person.id}
            label={person.name}
            description={[person.employeeNumber, person.jobTitle, person.unit?.name]
              .filter((part) => part !== null && part !== undefined && part !== '')
              .join(' · ')}
            checked={false}
            onChange={() => onChange({ id: person.id, name: person.name })}
          />
        ))}
      </div>
      {debounced !== '' && people.isFetching && (
        <Paragraph data-size="sm" className="inline-status">
          <Spinner aria-hidden="true" data-size="xs" /> {t('common.searching')}
        </Paragraph>
      )}
      {debounced !== '' && people.isSuccess && !people.isFetching && (
        <Paragraph data-size="sm" role="status">
          {results.length === 0
            ? t('personPicker.none')
            : people.data.total > RESULTS
              ? t('personPicker.more', { count: people.data.total, shown: RESULTS })
              : t('personPicker.found', { count: results.length })}
        </Paragraph>
      )}
    </Fieldset>
  );
}
