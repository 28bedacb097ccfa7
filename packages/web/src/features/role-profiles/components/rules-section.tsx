import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Link,
  Paragraph,
  Radio,
  Textfield,
} from '@digdir/designsystemet-react';
import { resolveText, type ProfileRule, type RoleProfile } from '@evne/core';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useAnnounce } from '../../../components/announcer';
import { ProblemAlert } from '../../../components/problem-alert';
import { useLocale } from '../../../lib/i18n';
import { UnitSelect } from '../../organisation/components/unit-select';
import { useAddRule, useRemoveRule } from '../use-role-profiles';

/** "Job title: Sagsbehandler" or "Unit: Ældreområdet (SOF-ÆLD) and its sub-units". */
function ruleText(rule: ProfileRule, t: TFunction): string {
  if (rule.kind === 'job_title') {
    return t('roleProfiles.rules.jobTitleRule', { title: rule.jobTitle ?? '' });
  }
  const unit = rule.unit ? `${rule.unit.name} (${rule.unit.code})` : '?';
  return rule.includeSubunits
    ? t('roleProfiles.rules.unitRuleWithSubunits', { unit })
    : t('roleProfiles.rules.unitRule', { unit });
}

/** Who has the profile: the people count, the assignment rules, and (admin) adding and removing rules. */
export function RulesSection({ profile, isAdmin }: { profile: RoleProfile; isAdmin: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const headingId = useId();
  const addRule = useAddRule(profile.id);
  const removeRule = useRemoveRule(profile.id);
  const [kind, setKind] = useState<'job_title' | 'unit'>('job_title');
  const [jobTitle, setJobTitle] = useState('');
  const [unitId, setUnitId] = useState('');
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const errorRef = useRef<HTMLDivElement>(null);
  const profileName = resolveText(profile.name, locale);
  const failure = addRule.error ?? removeRule.error;

  useEffect(() => {
    if (failure) {
      errorRef.current?.focus();
    }
  }, [failure]);

  const onAdd = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    removeRule.reset();
    if (kind === 'job_title' && jobTitle.trim() === '') {
      setFieldError(t('roleProfiles.rules.jobTitleMissing'));
      return;
    }
    if (kind === 'unit' && unitId === '') {
      setFieldError(t('roleProfiles.rules.unitMissing'));
      return;
    }
    setFieldError(undefined);
    addRule.mutate(
      kind === 'job_title'
        ? { kind, jobTitle: jobTitle.trim() }
        : { kind, unitId, includeSubunits },
      {
        onSuccess: (next) => {
          setJobTitle('');
          announce(t('roleProfiles.rules.added', { count: next.peopleCount }));
        },
      },
    );
  };

  return (
    <section aria-labelledby={headingId} className="page-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('roleProfiles.rules.heading')}
      </Heading>
      <Paragraph>
        {t('roleProfiles.rules.peopleCount', { count: profile.peopleCount })}{' '}
        <Link asChild>
          <RouterLink to={`/people?profileId=${profile.id}`}>
            {t('roleProfiles.rules.seePeople', { name: profileName })}
          </RouterLink>
        </Link>
      </Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('roleProfiles.rules.intro')}
      </Paragraph>
      {failure !== null && <ProblemAlert ref={errorRef} error={failure} headingLevel={3} />}
      {profile.rules.length > 0 ? (
        <ul className="rule-list" aria-label={t('roleProfiles.rules.listLabel')}>
          {profile.rules.map((rule) => {
            const text = ruleText(rule, t);
            return (
              <li key={rule.id} className="rule-list__item">
                <span>{text}</span>
                {isAdmin && (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('roleProfiles.rules.removeNamed', { rule: text })}
                    loading={removeRule.isPending && removeRule.variables === rule.id}
                    onClick={() => {
                      addRule.reset();
                      removeRule.mutate(rule.id, {
                        onSuccess: () => announce(t('roleProfiles.rules.removed', { rule: text })),
                      });
                    }}
                  >
                    {t('roleProfiles.rules.remove')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <Paragraph>{t('roleProfiles.rules.none')}</Paragraph>
      )}
      {isAdmin && (
        <form className="form-stack rule-form" onSubmit={onAdd} noValidate>
          <Fieldset>
            <Fieldset.Legend>{t('roleProfiles.rules.addLegend')}</Fieldset.Legend>
            <Radio
              name="rule-kind"
              value="job_title"
              label={t('roleProfiles.rules.byJobTitle')}
              checked={kind === 'job_title'}
              onChange={() => setKind('job_title')}
            />
            <Radio
              name="rule-kind"
              value="unit"
              label={t('roleProfiles.rules.byUnit')}
              checked={kind === 'unit'}
              onChange={() => setKind('unit')}
            />
          </Fieldset>
          {kind === 'job_title' ? (
            <Textfield
              label={t('roleProfiles.rules.jobTitle')}
              description={t('roleProfiles.rules.jobTitleHelp')}
              value={jobTitle}
              onChange={(event) => setJobTitle(event.target.value)}
              error={fieldError}
              autoComplete="off"
            />
          ) : (
            <>
              <UnitSelect
                label={t('roleProfiles.rules.unit')}
                value={unitId}
                onChange={setUnitId}
                error={fieldError}
              />
              <Checkbox
                label={t('roleProfiles.rules.includeSubunits')}
                checked={includeSubunits}
                onChange={(event) => setIncludeSubunits(event.target.checked)}
              />
            </>
          )}
          <div className="button-row">
            <Button type="submit" variant="secondary" loading={addRule.isPending}>
              {t('roleProfiles.rules.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
