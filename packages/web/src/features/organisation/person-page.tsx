import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  resolveText,
  type LocalizedText,
  type PersonDetail,
  type ProfileAssignment,
} from '@evne/core';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { isLocale } from '../../lib/locale';
import { useCurrentSession } from '../auth/use-session';
import { useRoleProfiles } from '../role-profiles/use-role-profiles';
import { PersonEditDialog } from './components/person-edit-dialog';
import { useAssignProfile, usePerson, useUnassignProfile } from './use-organisation';

/** A profile's name in the current language, with the usual fallback. */
function assignmentName(name: LocalizedText, locale: string): string {
  return resolveText(name, isLocale(locale) ? locale : 'da');
}

/** One person: who they are, where they sit, whom they lead, and their role profiles. */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const person = usePerson(personId);
  if (person.isPending) {
    return <LoadingState />;
  }
  if (person.isError) {
    return (
      <>
        <PageHeading title={t('person.notFoundTitle')} />
        <ProblemAlert error={person.error} />
      </>
    );
  }
  return <PersonView key={person.data.id} person={person.data} />;
}

function PersonView({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useCurrentSession();
  const isAdmin = session.role === 'admin';
  const [isEditing, setIsEditing] = useState(false);
  const detailsId = useId();
  const reportsId = useId();
  const profilesId = useId();

  return (
    <>
      {(isAdmin || session.role === 'manager') && (
        <Paragraph data-size="sm" className="back-link">
          <Link asChild>
            <RouterLink to="/people">{t('person.backToPeople')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      <div className="page-header">
        <PageHeading title={person.name} />
        {isAdmin && (
          <Button variant="secondary" onClick={() => setIsEditing(true)}>
            {t('person.edit.button')}
          </Button>
        )}
      </div>
      <div className="tag-row">
        {person.isActive ? (
          <Tag data-color="success">{t('people.status.active')}</Tag>
        ) : (
          <Tag data-color="warning">
            {person.deactivatedAt !== null
              ? t('person.inactiveSince', { date: formatDate(person.deactivatedAt, locale) })
              : t('people.status.inactive')}
          </Tag>
        )}
        {person.jobTitle !== null && <Tag data-color="neutral">{person.jobTitle}</Tag>}
      </div>

      <section aria-labelledby={detailsId} className="page-section">
        <Heading level={2} data-size="sm" id={detailsId}>
          {t('person.details')}
        </Heading>
        <dl className="details-list">
          <dt>{t('person.fields.employeeNumber')}</dt>
          <dd className="tabular">{person.employeeNumber}</dd>
          <dt>{t('person.fields.email')}</dt>
          <dd>
            {person.email !== null ? (
              <Link href={`mailto:${person.email}`}>{person.email}</Link>
            ) : (
              <span className="muted">{t('person.notGiven')}</span>
            )}
          </dd>
          <dt>{t('person.fields.jobTitle')}</dt>
          <dd>{person.jobTitle ?? <span className="muted">{t('person.notGiven')}</span>}</dd>
          <dt>{t('person.fields.unit')}</dt>
          <dd>
            {person.unitPath.length > 0 ? (
              <ol className="path-list" aria-label={t('person.unitPathLabel')}>
                {person.unitPath.map((unit) => (
                  <li key={unit.id}>
                    <Link asChild>
                      <RouterLink to={`/organisation/units/${unit.id}`}>{unit.name}</RouterLink>
                    </Link>
                  </li>
                ))}
              </ol>
            ) : (
              <span className="muted">{t('person.noUnit')}</span>
            )}
          </dd>
          <dt>{t('person.fields.manager')}</dt>
          <dd>
            {person.manager ? (
              <Link asChild>
                <RouterLink to={`/people/${person.manager.id}`}>{person.manager.name}</RouterLink>
              </Link>
            ) : (
              <span className="muted">{t('person.noManager')}</span>
            )}
          </dd>
          <dt>{t('person.fields.language')}</dt>
          <dd>
            {person.locale !== null ? (
              t(`languages.${person.locale}`)
            ) : (
              <span className="muted">{t('person.notGiven')}</span>
            )}
          </dd>
          <dt>{t('person.fields.status')}</dt>
          <dd>
            {person.isActive
              ? t('people.status.active')
              : person.deactivatedAt !== null
                ? t('person.inactiveSince', { date: formatDate(person.deactivatedAt, locale) })
                : t('people.status.inactive')}
          </dd>
          <dt>{t('person.fields.account')}</dt>
          <dd>{person.hasAccount ? t('person.hasAccount') : t('person.noAccount')}</dd>
        </dl>
      </section>

      <section aria-labelledby={reportsId} className="page-section">
        <Heading level={2} data-size="sm" id={reportsId}>
          {t('person.directReports', { count: person.directReports.length })}
        </Heading>
        {person.directReports.length > 0 ? (
          <ul className="plain-list">
            {person.directReports.map((report) => (
              <li key={report.id}>
                <Link asChild>
                  <RouterLink to={`/people/${report.id}`}>{report.name}</RouterLink>
                </Link>
                {report.jobTitle !== null && <span className="muted"> · {report.jobTitle}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('person.noReports')}</Paragraph>
        )}
      </section>

      <section aria-labelledby={profilesId} className="page-section">
        <Heading level={2} data-size="sm" id={profilesId}>
          {t('person.profiles')}
        </Heading>
        <PersonProfiles person={person} isAdmin={isAdmin} />
      </section>

      {isEditing && <PersonEditDialog person={person} onClose={() => setIsEditing(false)} />}
    </>
  );
}

function PersonProfiles({ person, isAdmin }: { person: PersonDetail; isAdmin: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const profiles = useRoleProfiles();
  const assign = useAssignProfile(person.id);
  const unassign = useUnassignProfile(person.id);
  const [chosen, setChosen] = useState('');
  const [choiceError, setChoiceError] = useState(false);
  const selectId = useId();
  const errorRef = useRef<HTMLDivElement>(null);
  const caption = t('person.profilesCaption', { name: person.name });

  const manual = new Set(
    person.profiles.filter((item) => item.source === 'manual').map((item) => item.profileId),
  );
  const assignable = (profiles.data ?? []).filter((profile) => !manual.has(profile.id));

  const onAssign = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const profile = assignable.find((item) => item.id === chosen);
    if (!profile) {
      setChoiceError(true);
      return;
    }
    setChoiceError(false);
    unassign.reset();
    assign.mutate(profile.id, {
      onSuccess: () => {
        setChosen('');
        announce(
          t('person.assigned', { profile: resolveText(profile.name, locale), name: person.name }),
        );
      },
      onError: () => window.requestAnimationFrame(() => errorRef.current?.focus()),
    });
  };

  const onRemove = (item: ProfileAssignment) => {
    assign.reset();
    unassign.mutate(item.profileId, {
      onSuccess: () =>
        announce(
          t('person.unassigned', {
            profile: assignmentName(item.name, locale),
            name: person.name,
          }),
        ),
      onError: () => window.requestAnimationFrame(() => errorRef.current?.focus()),
    });
  };

  const failure = assign.error ?? unassign.error;

  return (
    <>
      {failure !== null && <ProblemAlert ref={errorRef} error={failure} headingLevel={3} />}
      {person.profiles.length > 0 ? (
        <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
          <Table zebra className="profiles-table">
            <caption className="visually-hidden">{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('person.profileColumns.profile')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.profileColumns.source')}</Table.HeaderCell>
                {isAdmin && (
                  <Table.HeaderCell>
                    <span className="visually-hidden">{t('person.profileColumns.actions')}</span>
                  </Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {person.profiles.map((item) => {
                const name = assignmentName(item.name, locale);
                return (
                  <Table.Row key={`${item.profileId}-${item.source}-${item.ruleId ?? 'manual'}`}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/role-profiles/${item.profileId}`}>{name}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{t(`person.sources.${item.source}`)}</Table.Cell>
                    {isAdmin && (
                      <Table.Cell>
                        {item.source === 'manual' && (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            onClick={() => onRemove(item)}
                            loading={unassign.isPending && unassign.variables === item.profileId}
                            aria-label={t('person.unassign', { profile: name })}
                          >
                            {t('person.unassignShort')}
                          </Button>
                        )}
                      </Table.Cell>
                    )}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Paragraph>{t('person.noProfiles')}</Paragraph>
      )}
      {isAdmin && (
        <form className="inline-form" onSubmit={onAssign} noValidate>
          <Field>
            <Label htmlFor={selectId}>{t('person.assignLabel')}</Label>
            <Field.Description>{t('person.assignHelp')}</Field.Description>
            <Select
              id={selectId}
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
              aria-invalid={choiceError}
              disabled={profiles.isPending}
            >
              <Select.Option value="">{t('person.chooseProfile')}</Select.Option>
              {assignable.map((profile) => (
                <Select.Option key={profile.id} value={profile.id}>
                  {resolveText(profile.name, locale)}
                </Select.Option>
              ))}
            </Select>
            {choiceError && <ValidationMessage>{t('person.chooseProfileError')}</ValidationMessage>}
          </Field>
          <Button type="submit" loading={assign.isPending} aria-disabled={assign.isPending}>
            {t('person.assign')}
          </Button>
        </form>
      )}
    </>
  );
}
