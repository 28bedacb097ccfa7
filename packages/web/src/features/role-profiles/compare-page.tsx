import {
  Checkbox,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
} from '@digdir/designsystemet-react';
import { resolveText, type FrameworkVersion, type RoleProfile, type Scale } from '@evne/core';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useLocale } from '../../lib/i18n';
import { useFrameworkVersion } from '../frameworks/use-frameworks';
import {
  compareTargets,
  draftsFromTargets,
  ratedCompetences,
  type CompareRow,
  type TargetDraft,
} from './profile-targets';
import { useRoleProfile, useRoleProfiles } from './use-role-profiles';

const TargetWheel = lazy(() =>
  import('./components/target-wheel').then((module) => ({ default: module.TargetWheel })),
);

type Side = 'a' | 'b';

/** Two role profiles side by side: both targets per competence, the differences marked in words. */
export function CompareProfilesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const profiles = useRoleProfiles();
  const selectIds = { a: useId(), b: useId() };
  const ids = { a: params.get('a') ?? '', b: params.get('b') ?? '' };
  const a = useRoleProfile(ids.a || undefined);
  const b = useRoleProfile(ids.b || undefined);
  const versionA = useFrameworkVersion(a.data?.frameworkVersion.id);
  const versionB = useFrameworkVersion(b.data?.frameworkVersion.id);

  const choose = (side: Side, value: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') {
          next.delete(side);
        } else {
          next.set(side, value);
        }
        return next;
      },
      { replace: true },
    );
  };

  const failure = a.error ?? b.error ?? versionA.error ?? versionB.error;
  const ready =
    a.data && b.data && versionA.data && versionB.data
      ? { a: a.data, b: b.data, versionA: versionA.data, versionB: versionB.data }
      : null;
  const isLoading = (ids.a !== '' && ids.b !== '' && !ready && !failure) || profiles.isPending;

  return (
    <>
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to="/role-profiles">{t('roleProfiles.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('roleProfiles.compare.title')} />
      <Paragraph className="lead">{t('roleProfiles.compare.intro')}</Paragraph>
      <div className="compare-pickers">
        {(['a', 'b'] as const).map((side) => (
          <Field key={side}>
            <Label htmlFor={selectIds[side]}>{t(`roleProfiles.compare.${side}`)}</Label>
            <Select
              id={selectIds[side]}
              value={ids[side]}
              onChange={(event) => choose(side, event.target.value)}
              disabled={profiles.isPending}
            >
              <Select.Option value="">{t('roleProfiles.compare.choose')}</Select.Option>
              {(profiles.data ?? []).map((profile) => (
                <Select.Option key={profile.id} value={profile.id}>
                  {t('roleProfiles.compare.option', {
                    name: resolveText(profile.name, locale),
                    framework: resolveText(profile.frameworkVersion.frameworkName, locale),
                    number: profile.frameworkVersion.number,
                  })}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {profiles.isError && <ProblemAlert error={profiles.error} />}
      {failure !== null && <ProblemAlert error={failure} />}
      {isLoading && <LoadingState />}
      {ready && <Comparison {...ready} />}
      {!ready && !isLoading && (ids.a === '' || ids.b === '') && (
        <Paragraph>{t('roleProfiles.compare.chooseBoth')}</Paragraph>
      )}
    </>
  );
}

function targetText(
  draft: TargetDraft | undefined,
  scale: Scale,
  locale: 'da' | 'nb' | 'en',
  t: TFunction,
) {
  if (draft === undefined) {
    return t('roleProfiles.compare.notInVersion');
  }
  if (draft.targetLevel === null) {
    return t('roleProfiles.notNeeded');
  }
  const level = scale.levels.find((item) => item.value === draft.targetLevel);
  const label = level ? ` – ${resolveText(level.label, locale)}` : '';
  return `${draft.targetLevel}${label} (${t(`roleProfiles.importance.${draft.importance}`)})`;
}

function differenceText(row: CompareRow, names: { a: string; b: string }, t: TFunction): string {
  switch (row.difference) {
    case 'same':
      return t('roleProfiles.compare.same');
    case 'a_higher':
      return t('roleProfiles.compare.higher', { name: names.a, count: Math.abs(row.delta ?? 0) });
    case 'b_higher':
      return t('roleProfiles.compare.higher', { name: names.b, count: Math.abs(row.delta ?? 0) });
    case 'only_in_a':
      return t('roleProfiles.compare.onlyIn', { name: names.a });
    case 'only_in_b':
      return t('roleProfiles.compare.onlyIn', { name: names.b });
  }
}

function Comparison({
  a,
  b,
  versionA,
  versionB,
}: {
  a: RoleProfile;
  b: RoleProfile;
  versionA: FrameworkVersion;
  versionB: FrameworkVersion;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tableHeadingId = useId();
  const wheelsHeadingId = useId();
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const plain = { a: resolveText(a.name, locale), b: resolveText(b.name, locale) };
  // Two profiles of one name (e.g. a profile and its carried copy) are told apart by their place.
  const names =
    plain.a === plain.b
      ? {
          a: `${plain.a} (${t('roleProfiles.compare.a')})`,
          b: `${plain.b} (${t('roleProfiles.compare.b')})`,
        }
      : plain;
  const rows = useMemo(
    () =>
      compareTargets(
        { versionId: versionA.id, nodes: versionA.nodes, targets: a.targets },
        { versionId: versionB.id, nodes: versionB.nodes, targets: b.targets },
      ),
    [a.targets, b.targets, versionA, versionB],
  );
  const draftsA = useMemo(
    () => draftsFromTargets(ratedCompetences(versionA.nodes), a.targets),
    [versionA.nodes, a.targets],
  );
  const draftsB = useMemo(
    () => draftsFromTargets(ratedCompetences(versionB.nodes), b.targets),
    [versionB.nodes, b.targets],
  );
  const differing = rows.filter((row) => row.difference !== 'same');
  const shown = onlyDifferences ? differing : rows;
  const caption = t('roleProfiles.compare.caption', names);
  const sameVersion = versionA.id === versionB.id;

  return (
    <>
      {!sameVersion && (
        <Paragraph data-size="sm" className="note">
          {t('roleProfiles.compare.byCode')}
        </Paragraph>
      )}
      <section aria-labelledby={tableHeadingId} className="page-section">
        <div className="section-header">
          <Heading level={2} data-size="sm" id={tableHeadingId}>
            {t('roleProfiles.compare.tableHeading')}
          </Heading>
          <Checkbox
            data-size="sm"
            label={t('roleProfiles.compare.onlyDifferences')}
            checked={onlyDifferences}
            onChange={(event) => setOnlyDifferences(event.target.checked)}
          />
        </div>
        <Paragraph>
          {t('roleProfiles.compare.differCount', { count: differing.length, total: rows.length })}
        </Paragraph>
        <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
          <Table className="compare-table" data-size="sm">
            <caption className="visually-hidden">{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('table.code')}</Table.HeaderCell>
                <Table.HeaderCell>{t('kinds.competence')}</Table.HeaderCell>
                <Table.HeaderCell>{names.a}</Table.HeaderCell>
                <Table.HeaderCell>{names.b}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.compare.difference')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((row) => {
                const differs = row.difference !== 'same';
                return (
                  <Table.Row
                    key={`${row.code}-${row.a === undefined ? 'b' : 'a'}`}
                    className={differs ? 'compare-table__row--differs' : undefined}
                  >
                    <Table.Cell className="tree-table__code">{row.code}</Table.Cell>
                    <Table.Cell>{resolveText(row.name, locale)}</Table.Cell>
                    <Table.Cell>{targetText(row.a, versionA.scale, locale, t)}</Table.Cell>
                    <Table.Cell>{targetText(row.b, versionB.scale, locale, t)}</Table.Cell>
                    <Table.Cell>
                      {differs ? (
                        <strong className="compare-table__difference">
                          <span aria-hidden="true">≠ </span>
                          {differenceText(row, names, t)}
                        </strong>
                      ) : (
                        differenceText(row, names, t)
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      </section>
      <section aria-labelledby={wheelsHeadingId} className="page-section">
        <Heading level={2} data-size="sm" id={wheelsHeadingId}>
          {t('roleProfiles.compare.wheelsHeading')}
        </Heading>
        <div className="compare-wheels">
          {[
            { profile: a, version: versionA, drafts: draftsA, name: names.a },
            { profile: b, version: versionB, drafts: draftsB, name: names.b },
          ].map((side, index) => (
            <div key={`${side.profile.id}-${index}`} className="compare-wheels__item">
              <Heading level={3} data-size="xs">
                <Link asChild>
                  <RouterLink to={`/role-profiles/${side.profile.id}`}>{side.name}</RouterLink>
                </Link>
              </Heading>
              <Suspense fallback={<LoadingState label={t('wheel.loading')} />}>
                <TargetWheel
                  version={side.version}
                  drafts={side.drafts}
                  profileName={side.name}
                  summaryLabel={t('roleProfiles.compare.summaryOf', { name: side.name })}
                  compact
                />
              </Suspense>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
