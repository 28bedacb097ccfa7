import { Button, Checkbox, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../../organisation/components/unit-select';
import { useUnits } from '../../organisation/use-organisation';
import { fieldDomId } from './form-error-summary';

interface UnitAudiencePickerProps {
  unitIds: readonly string[];
  includeSubunits: boolean;
  onChange: (value: { unitIds: string[]; includeSubunits: boolean }) => void;
  error: string | undefined;
}

/** The units whose people are asked: added one at a time from the tree, with or without sub-units. */
export function UnitAudiencePicker({
  unitIds,
  includeSubunits,
  onChange,
  error,
}: UnitAudiencePickerProps) {
  const { t } = useTranslation();
  const units = useUnits();
  const [candidate, setCandidate] = useState('');
  const byId = new Map((units.data ?? []).map((unit) => [unit.id, unit]));
  const chosen = new Set(unitIds);

  const add = () => {
    if (candidate === '' || chosen.has(candidate)) {
      return;
    }
    onChange({ unitIds: [...unitIds, candidate], includeSubunits });
    setCandidate('');
  };

  return (
    <div className="campaign-form__subgroup">
      <Fieldset id={fieldDomId('unitIds')}>
        <Fieldset.Legend>{t('campaigns.form.units')}</Fieldset.Legend>
        <div className="picker-add">
          <UnitSelect
            className="picker-add__field"
            label={t('campaigns.form.addUnit')}
            value={candidate}
            onChange={setCandidate}
            exclude={chosen}
            error={error}
          />
          <Button variant="secondary" onClick={add} aria-disabled={candidate === ''}>
            {t('campaigns.form.addUnitButton')}
          </Button>
        </div>
        {unitIds.length === 0 ? (
          <Paragraph data-size="sm" className="muted">
            {t('campaigns.form.noUnits')}
          </Paragraph>
        ) : (
          <ul className="chosen-list" aria-label={t('campaigns.form.chosenUnits')}>
            {unitIds.map((unitId) => {
              const unit = byId.get(unitId);
              const label = unit ? `${unit.name} (${unit.code})` : unitId;
              return (
                <li key={unitId} className="chosen-list__item">
                  <span>{label}</span>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    onClick={() =>
                      onChange({ unitIds: unitIds.filter((id) => id !== unitId), includeSubunits })
                    }
                    aria-label={t('campaigns.form.remove', { name: label })}
                  >
                    {t('campaigns.form.removeShort')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <Checkbox
          label={t('campaigns.form.includeSubunits')}
          description={t('campaigns.form.includeSubunitsHelp')}
          checked={includeSubunits}
          onChange={(event) =>
            onChange({ unitIds: [...unitIds], includeSubunits: event.target.checked })
          }
        />
      </Fieldset>
    </div>
  );
}
