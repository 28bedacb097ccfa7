import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
} from '@digdir/designsystemet-react';
import { resolveText, type RoleProfile, type Scale } from '@evne/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useAnnounce } from '../../../components/announcer';
import { ProblemAlert } from '../../../components/problem-alert';
import { useLocale } from '../../../lib/i18n';
import { useFrameworks } from '../../frameworks/use-frameworks';
import { carryForwardTargets } from '../carry-forward';
import { useCarryForward, useRoleProfiles } from '../use-role-profiles';
import { levelText } from './target-wheel';

/**
 * Offers to carry the profile to a newer version of its framework (or an adaptation of it),
 * and lists the targets that could not be carried, with the reason.
 */
export function CarryForwardSection({ profile, scale }: { profile: RoleProfile; scale: Scale }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const headingId = useId();
  const selectId = useId();
  const frameworks = useFrameworks();
  const profiles = useRoleProfiles();
  const carry = useCarryForward(profile.id);
  const resultRef = useRef<HTMLDivElement>(null);
  const targets = useMemo(
    () => carryForwardTargets(frameworks.data ?? [], profile.frameworkVersion),
    [frameworks.data, profile.frameworkVersion],
  );
  const [chosen, setChosen] = useState('');
  const versionId = chosen !== '' ? chosen : (targets[0]?.versionId ?? '');

  useEffect(() => {
    if (carry.isSuccess || carry.isError) {
      resultRef.current?.focus();
    }
  }, [carry.isSuccess, carry.isError]);

  const target = targets.find((item) => item.versionId === versionId) ?? targets[0];
  if (target === undefined) {
    return null;
  }
  const already = new Map(
    (profiles.data ?? [])
      .filter((item) => item.carriedFrom?.id === profile.id)
      .map((item) => [item.frameworkVersion.id, item]),
  );
  const optionText = (target: (typeof targets)[number]) =>
    t('roleProfiles.carry.option', {
      name: resolveText(target.frameworkName, locale),
      number: target.number,
    });
  const result = carry.data;

  return (
    <section aria-labelledby={headingId} className="page-section carry-forward">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('roleProfiles.carry.heading')}
      </Heading>
      <Paragraph>{t('roleProfiles.carry.intro')}</Paragraph>
      <div className="inline-form">
        <Field>
          <Label htmlFor={selectId}>{t('roleProfiles.carry.to')}</Label>
          <Select
            id={selectId}
            value={versionId}
            onChange={(event) => setChosen(event.target.value)}
          >
            {targets.map((option) => (
              <Select.Option key={option.versionId} value={option.versionId}>
                {optionText(option)}
                {already.has(option.versionId) ? ` (${t('roleProfiles.carry.alreadyShort')})` : ''}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button
          onClick={() =>
            carry.mutate(versionId, {
              onSuccess: (done) =>
                announce(t('roleProfiles.carry.doneAnnounce', { count: done.notCarried.length })),
            })
          }
          loading={carry.isPending}
          aria-disabled={carry.isPending}
        >
          {t('roleProfiles.carry.submit', {
            target: optionText(target),
          })}
        </Button>
      </div>
      {already.has(versionId) && (
        <Paragraph data-size="sm">
          {t('roleProfiles.carry.already')}{' '}
          <Link asChild>
            <RouterLink to={`/role-profiles/${already.get(versionId)?.id ?? ''}`}>
              {resolveText(already.get(versionId)?.name, locale)}
            </RouterLink>
          </Link>
        </Paragraph>
      )}
      {carry.isError && <ProblemAlert ref={resultRef} error={carry.error} headingLevel={3} />}
      {result && (
        <Alert
          data-color={result.notCarried.length > 0 ? 'warning' : 'success'}
          ref={resultRef}
          tabIndex={-1}
        >
          <Heading level={3} data-size="xs">
            {t('roleProfiles.carry.doneTitle')}
          </Heading>
          <Paragraph>
            {result.notCarried.length > 0
              ? t('roleProfiles.carry.someNotCarried', { count: result.notCarried.length })
              : t('roleProfiles.carry.allCarried')}{' '}
            <Link asChild>
              <RouterLink to={`/role-profiles/${result.profile.id}`}>
                {t('roleProfiles.carry.openCopy', {
                  name: resolveText(result.profile.frameworkVersion.frameworkName, locale),
                  number: result.profile.frameworkVersion.number,
                })}
              </RouterLink>
            </Link>
          </Paragraph>
        </Alert>
      )}
      {result && result.notCarried.length > 0 && (
        <div
          className="table-scroll ds-focus"
          role="region"
          aria-label={t('roleProfiles.carry.notCarriedCaption')}
          tabIndex={0}
        >
          <Table zebra data-size="sm">
            <caption className="visually-hidden">
              {t('roleProfiles.carry.notCarriedCaption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('table.code')}</Table.HeaderCell>
                <Table.HeaderCell>{t('kinds.competence')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.targetLevel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.carry.reason')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.notCarried.map((item) => (
                <Table.Row key={item.nodeId}>
                  <Table.Cell className="tree-table__code">{item.code}</Table.Cell>
                  <Table.Cell>{resolveText(item.name, locale)}</Table.Cell>
                  <Table.Cell>{levelText(item.targetLevel, scale, locale, t)}</Table.Cell>
                  <Table.Cell>{t(`roleProfiles.carry.reasons.${item.reason}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
