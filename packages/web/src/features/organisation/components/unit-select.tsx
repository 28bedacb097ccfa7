import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { INTL_LOCALE } from '../../../lib/locale';
import { buildUnitTree, flattenUnitTree } from '../unit-tree';
import { useUnits } from '../use-organisation';

interface UnitSelectProps {
  label: string;
  description?: string | undefined;
  /** The chosen unit's id, or '' for none. */
  value: string;
  onChange: (unitId: string) => void;
  /** The text of the empty choice (e.g. "All units"); without it a unit must be chosen. */
  emptyLabel?: string | undefined;
  /** Units that cannot be chosen (e.g. a unit's own subtree when moving it). */
  exclude?: ReadonlySet<string> | undefined;
  error?: string | undefined;
  className?: string | undefined;
}

/** A select of the units the reader sees, indented by depth, inactive ones marked. */
export function UnitSelect({
  label,
  description,
  value,
  onChange,
  emptyLabel,
  exclude,
  error,
  className,
}: UnitSelectProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const errorId = useId();
  const units = useUnits();
  const options = useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALE[locale]);
    return flattenUnitTree(buildUnitTree(units.data ?? [], collator.compare));
  }, [units.data, locale]);
  return (
    <Field className={className}>
      <Label htmlFor={id}>{label}</Label>
      {description !== undefined && <Field.Description>{description}</Field.Description>}
      <Select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        disabled={units.isPending}
      >
        {emptyLabel !== undefined && <Select.Option value="">{emptyLabel}</Select.Option>}
        {emptyLabel === undefined && value === '' && (
          <Select.Option value="" disabled>
            {t('units.choose')}
          </Select.Option>
        )}
        {options.map(({ unit, depth }) => (
          <Select.Option key={unit.id} value={unit.id} disabled={exclude?.has(unit.id) === true}>
            {`${'\u2003'.repeat(depth - 1)}${unit.name} (${unit.code})${
              unit.isActive ? '' : ` – ${t('units.inactive')}`
            }`}
          </Select.Option>
        ))}
      </Select>
      {error !== undefined && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Field>
  );
}
