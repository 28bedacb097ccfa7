import { Heading } from '@digdir/designsystemet-react';
import { resolveText, type Campaign, type CampaignSettings } from '@evne/core';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useFrameworks } from '../../frameworks/use-frameworks';
import { useUnits } from '../../organisation/use-organisation';
import { useRoleProfiles } from '../../role-profiles/use-role-profiles';
import { formatDateTime } from '../campaign-format';

type Row = keyof CampaignSettings | 'invitations';

interface SettingsSummaryProps {
  campaign: Campaign;
  heading: string;
  /** Only these settings (e.g. those that can no longer change); all with the invitations if left out. */
  fields?: readonly (keyof CampaignSettings)[] | undefined;
  headingLevel?: 2 | 3;
  /** Without the page section's top margin (inside a form group). */
  plain?: boolean;
}

/** The campaign's settings as a description list. */
export function SettingsSummary({
  campaign,
  heading,
  fields,
  headingLevel = 2,
  plain = false,
}: SettingsSummaryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const frameworks = useFrameworks();
  const units = useUnits();
  const profiles = useRoleProfiles();

  const framework = (frameworks.data ?? []).find((item) =>
    item.versions.some((version) => version.id === campaign.frameworkVersionId),
  );
  const version = framework?.versions.find((item) => item.id === campaign.frameworkVersionId);
  const unitNames = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
  const profileNames = new Map(
    (profiles.data ?? []).map((profile) => [profile.id, resolveText(profile.name, locale)]),
  );
  const { audience } = campaign;
  const audienceParts = [
    audience.unitIds.length > 0
      ? t(audience.includeSubunits ? 'campaigns.summary.unitsWithSub' : 'campaigns.summary.units', {
          units: formatList(
            audience.unitIds.map((id) => unitNames.get(id) ?? '…'),
            locale,
          ),
        })
      : null,
    audience.profileIds.length > 0
      ? t('campaigns.summary.profiles', {
          profiles: formatList(
            audience.profileIds.map((id) => profileNames.get(id) ?? '…'),
            locale,
          ),
        })
      : null,
    audience.personIds.length > 0
      ? t('campaigns.summary.people', { count: audience.personIds.length })
      : null,
  ].filter((part): part is string => part !== null);

  const rows: [Row, string, string][] = [
    [
      'frameworkVersionId',
      t('campaigns.fields.frameworkVersionId'),
      framework && version
        ? t('campaigns.form.versionOption', {
            name: resolveText(framework.name, locale),
            number: version.number,
          })
        : '…',
    ],
    [
      'nodeIds',
      t('campaigns.fields.nodeIds'),
      campaign.nodeIds === null
        ? t('campaigns.summary.allCompetences')
        : t('campaigns.summary.someCompetences', { count: campaign.nodeIds.length }),
    ],
    ['audience', t('campaigns.fields.audience'), audienceParts.join(' ')],
    ['opensAt', t('campaigns.fields.opensAt'), formatDateTime(campaign.opensAt, locale)],
    ['closesAt', t('campaigns.fields.closesAt'), formatDateTime(campaign.closesAt, locale)],
    [
      'modes',
      t('campaigns.fields.modes'),
      formatList(
        campaign.modes.map((mode) => t(`campaigns.modes.${mode}`)),
        locale,
      ),
    ],
    [
      'languages',
      t('campaigns.fields.languages'),
      formatList(
        campaign.languages.map((language) => t(`languages.${language}`)),
        locale,
      ),
    ],
    [
      'anonymity',
      t('campaigns.fields.anonymity'),
      `${t(`campaigns.anonymity.${campaign.anonymity}`)} – ${t(
        `campaigns.anonymityHelp.${campaign.anonymity}`,
      )}`,
    ],
    [
      'invitations',
      t('campaigns.summary.invitations'),
      campaign.status === 'draft'
        ? t('campaigns.summary.notScheduled')
        : t('campaigns.summary.invited', {
            count: campaign.counts.invited,
            sent: campaign.counts.sent,
          }),
    ],
  ];

  const shown = rows.filter(([row]) =>
    fields === undefined ? true : row !== 'invitations' && fields.includes(row),
  );

  return (
    <section aria-labelledby={headingId} className={plain ? 'settings-summary' : 'page-section'}>
      <Heading level={headingLevel} data-size={plain ? 'xs' : 'sm'} id={headingId}>
        {heading}
      </Heading>
      <dl className="details-list">
        {shown.map(([row, term, value]) => (
          <Fragment key={row}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
