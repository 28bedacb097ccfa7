import {
  Button,
  Checkbox,
  Fieldset,
  Paragraph,
  Radio,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { resolveText, type FrameworkVersion } from '@evne/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { useLocale } from '../../../lib/i18n';
import { groupCompetences, ratedCompetences } from '../../role-profiles/profile-targets';
import { fieldDomId } from './form-error-summary';

interface CompetencePickerProps {
  version: FrameworkVersion | undefined;
  isLoading: boolean;
  allCompetences: boolean;
  nodeIds: readonly string[];
  onChange: (value: { allCompetences: boolean; nodeIds: string[] }) => void;
  error: string | undefined;
}

/** All competences of the version, or a chosen few: checkboxes grouped by area. */
export function CompetencePicker({
  version,
  isLoading,
  allCompetences,
  nodeIds,
  onChange,
  error,
}: CompetencePickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useId();
  const competences = useMemo(() => ratedCompetences(version?.nodes ?? []), [version]);
  const groups = useMemo(() => groupCompetences(competences), [competences]);
  const allIds = competences.map(({ node }) => node.id);
  const chosen = new Set(nodeIds);

  const toggle = (nodeId: string, checked: boolean) => {
    const next = new Set(chosen);
    if (checked) {
      next.add(nodeId);
    } else {
      next.delete(nodeId);
    }
    onChange({ allCompetences: false, nodeIds: allIds.filter((id) => next.has(id)) });
  };

  return (
    <div className="campaign-form__group">
      <Fieldset id={fieldDomId('nodeIds')}>
        <Fieldset.Legend>{t('campaigns.form.competences')}</Fieldset.Legend>
        <Fieldset.Description>{t('campaigns.form.competencesHelp')}</Fieldset.Description>
        {version === undefined ? (
          isLoading ? (
            <LoadingState />
          ) : (
            <Paragraph data-size="sm" className="muted">
              {t('campaigns.form.chooseVersionFirst')}
            </Paragraph>
          )
        ) : (
          <>
            <Radio
              name={name}
              value="all"
              label={t('campaigns.form.allCompetences', { count: allIds.length })}
              checked={allCompetences}
              onChange={() => onChange({ allCompetences: true, nodeIds: [] })}
            />
            <Radio
              name={name}
              value="some"
              label={t('campaigns.form.someCompetences')}
              checked={!allCompetences}
              onChange={() =>
                onChange({
                  allCompetences: false,
                  nodeIds: nodeIds.length > 0 ? [...nodeIds] : allIds,
                })
              }
            />
            {!allCompetences && (
              <div className="competence-picker">
                <Paragraph data-size="sm" role="status">
                  {t('campaigns.form.competencesChosen', {
                    count: chosen.size,
                    total: allIds.length,
                  })}
                </Paragraph>
                <div className="button-row">
                  <Button
                    variant="secondary"
                    data-size="sm"
                    onClick={() => onChange({ allCompetences: false, nodeIds: allIds })}
                  >
                    {t('campaigns.form.chooseAll')}
                  </Button>
                  <Button
                    variant="secondary"
                    data-size="sm"
                    onClick={() => onChange({ allCompetences: false, nodeIds: [] })}
                  >
                    {t('campaigns.form.chooseNone')}
                  </Button>
                </div>
                {groups.map((group) => {
                  const key = group.heading.map((node) => node.id).join('/') || 'top';
                  const legend =
                    group.heading
                      .map((node) => `${node.code} ${resolveText(node.name, locale)}`)
                      .join(' › ') || t('kinds.competence');
                  return (
                    <Fieldset key={key} data-size="sm" className="competence-picker__group">
                      <Fieldset.Legend>{legend}</Fieldset.Legend>
                      {group.items.map(({ node }) => (
                        <Checkbox
                          key={node.id}
                          value={node.id}
                          label={`${node.code} ${resolveText(node.name, locale)}`}
                          checked={chosen.has(node.id)}
                          onChange={(event) => toggle(node.id, event.target.checked)}
                        />
                      ))}
                    </Fieldset>
                  );
                })}
              </div>
            )}
          </>
        )}
        {error !== undefined && <ValidationMessage>{error}</ValidationMessage>}
      </Fieldset>
    </div>
  );
}
