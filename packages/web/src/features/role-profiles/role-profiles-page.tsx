import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { resolveText } from '@evne/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useLocale } from '../../lib/i18n';
import { useCurrentSession } from '../auth/use-session';
import { CreateProfileDialog } from './components/create-profile-dialog';
import { useRoleProfiles } from './use-role-profiles';

/** The organisation's role profiles: what each role should master, on which framework version. */
export function RoleProfilesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useCurrentSession();
  const isAdmin = session.role === 'admin';
  const profiles = useRoleProfiles();
  const [isCreating, setIsCreating] = useState(false);
  const caption = t('roleProfiles.listCaption');
  const names = new Map(
    (profiles.data ?? []).map((profile) => [profile.id, resolveText(profile.name, locale)]),
  );

  return (
    <>
      <div className="page-header">
        <PageHeading title={t('roleProfiles.title')} />
        <div className="button-row">
          {(profiles.data?.length ?? 0) >= 2 && (
            <Button asChild variant="secondary">
              <RouterLink to="/role-profiles/compare">{t('roleProfiles.compare.open')}</RouterLink>
            </Button>
          )}
          {isAdmin && (
            <Button onClick={() => setIsCreating(true)}>{t('roleProfiles.create.open')}</Button>
          )}
        </div>
      </div>
      <Paragraph className="lead">{t('roleProfiles.intro')}</Paragraph>
      {profiles.isPending && <LoadingState />}
      {profiles.isError && <ProblemAlert error={profiles.error} />}
      {profiles.isSuccess && profiles.data.length === 0 && (
        <Paragraph>{isAdmin ? t('roleProfiles.emptyAdmin') : t('roleProfiles.empty')}</Paragraph>
      )}
      {profiles.isSuccess && profiles.data.length > 0 && (
        <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
          <Table className="profiles-list">
            <caption className="visually-hidden">{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('roleProfiles.columns.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.columns.framework')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.columns.targets')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.columns.people')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.columns.carriedFrom')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {profiles.data.map((profile) => {
                const version = profile.frameworkVersion;
                return (
                  <Table.Row key={profile.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/role-profiles/${profile.id}`}>
                          {resolveText(profile.name, locale)}
                        </RouterLink>
                      </Link>
                      {profile.isExample && (
                        <>
                          {' '}
                          <Tag data-color="info" data-size="sm">
                            {t('roleProfiles.example')}
                          </Tag>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {t('roleProfiles.frameworkVersion', {
                        name: resolveText(version.frameworkName, locale),
                        number: version.number,
                      })}{' '}
                      {version.isLatest ? (
                        <Tag data-color="success" data-size="sm">
                          {t('roleProfiles.latest')}
                        </Tag>
                      ) : (
                        <Tag data-color="warning" data-size="sm">
                          {t('roleProfiles.newerExists')}
                        </Tag>
                      )}
                    </Table.Cell>
                    <Table.Cell className="tabular">{profile.targetCount}</Table.Cell>
                    <Table.Cell className="tabular">
                      <Link asChild>
                        <RouterLink
                          to={`/people?profileId=${profile.id}`}
                          aria-label={t('roleProfiles.peopleWith', {
                            count: profile.peopleCount,
                            name: resolveText(profile.name, locale),
                          })}
                        >
                          {profile.peopleCount}
                        </RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      {profile.carriedFrom ? (
                        <Link asChild>
                          <RouterLink to={`/role-profiles/${profile.carriedFrom.id}`}>
                            {t('roleProfiles.carriedFromVersion', {
                              name: names.get(profile.carriedFrom.id) ?? '',
                              number: profile.carriedFrom.versionNumber,
                            })}
                          </RouterLink>
                        </Link>
                      ) : (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('roleProfiles.notCarried')}</span>
                        </>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {isCreating && <CreateProfileDialog onClose={() => setIsCreating(false)} />}
    </>
  );
}
