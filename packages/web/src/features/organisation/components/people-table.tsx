import { Link, Table, Tag } from '@digdir/designsystemet-react';
import type { PersonSummary } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';

interface PeopleTableProps {
  people: readonly PersonSummary[];
  caption: string;
  /** Leave out the unit column (e.g. on a unit's own page without sub-units). */
  showUnit?: boolean | undefined;
}

/** People as a table: name (to the person page), employee number, job title, unit, status. */
export function PeopleTable({ people, caption, showUnit = true }: PeopleTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
      <Table zebra className="people-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('people.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('people.columns.employeeNumber')}</Table.HeaderCell>
            <Table.HeaderCell>{t('people.columns.jobTitle')}</Table.HeaderCell>
            {showUnit && <Table.HeaderCell>{t('people.columns.unit')}</Table.HeaderCell>}
            <Table.HeaderCell>{t('people.columns.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {people.map((person) => (
            <Table.Row key={person.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/people/${person.id}`}>{person.name}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell className="tabular">{person.employeeNumber}</Table.Cell>
              <Table.Cell>{person.jobTitle ?? ''}</Table.Cell>
              {showUnit && (
                <Table.Cell>
                  {person.unit && (
                    <Link asChild>
                      <RouterLink to={`/organisation/units/${person.unit.id}`}>
                        {person.unit.name}
                      </RouterLink>
                    </Link>
                  )}
                </Table.Cell>
              )}
              <Table.Cell>
                {person.isActive ? (
                  t('people.status.active')
                ) : (
                  <Tag data-color="neutral" data-size="sm">
                    {t('people.status.inactive')}
                  </Tag>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
