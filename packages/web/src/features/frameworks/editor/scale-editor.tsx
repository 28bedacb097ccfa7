import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { resolveText, type FrameworkVersion, type Scale, type ScaleLevel } from '@evne/core';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { LocalizedTextFields } from '../../../components/localized-text-fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { useLocale } from '../../../lib/i18n';
import { draftFromText, textFromDraft, type LocalizedDraft } from '../../../lib/localized-text';
import { useChangeVersion } from '../use-frameworks';

interface LevelDraft {
  key: number;
  value: string;
  label: LocalizedDraft;
  descriptor: LocalizedDraft;
}

function toDrafts(scale: Scale): LevelDraft[] {
  return scale.levels.map((level, index) => ({
    key: index,
    value: String(level.value),
    label: draftFromText(level.label),
    descriptor: draftFromText(level.descriptor),
  }));
}

/** Edits the draft's scale: level values, labels and descriptors, and the "not applicable" answer. */
export function ScaleEditor({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const change = useChangeVersion(version.id);
  const headingId = useId();
  const [levels, setLevels] = useState<LevelDraft[]>(() => toDrafts(version.scale));
  const [notApplicable, setNotApplicable] = useState<LocalizedDraft>(() =>
    draftFromText(version.scale.notApplicable.label),
  );
  const [nextKey, setNextKey] = useState(version.scale.levels.length);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const update = (key: number, patch: Partial<LevelDraft>) =>
    setLevels((current) =>
      current.map((level) => (level.key === key ? { ...level, ...patch } : level)),
    );

  const addLevel = () => {
    const highest = levels.reduce((max, level) => Math.max(max, Number(level.value) || 0), 0);
    setLevels((current) => [
      ...current,
      {
        key: nextKey,
        value: String(highest + 1),
        label: draftFromText(null),
        descriptor: draftFromText(null),
      },
    ]);
    setNextKey((key) => key + 1);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors: Record<string, string> = {};
    const parsed: ScaleLevel[] = [];
    for (const level of levels) {
      const value = Number(level.value);
      const label = textFromDraft(level.label);
      if (!Number.isInteger(value) || value < 0 || value > 100) {
        nextErrors[`value-${level.key}`] = t('editor.scale.valueInvalid');
      }
      if (label === null) {
        nextErrors[`label-${level.key}`] = t('editor.scale.labelMissing');
      }
      const descriptor = textFromDraft(level.descriptor);
      if (label !== null) {
        parsed.push({ value, label, ...(descriptor !== null ? { descriptor } : {}) });
      }
    }
    const notApplicableLabel = textFromDraft(notApplicable);
    if (notApplicableLabel === null) {
      nextErrors.notApplicable = t('editor.scale.labelMissing');
    }
    setErrors(nextErrors);
    if (notApplicableLabel === null || Object.keys(nextErrors).length > 0) {
      return;
    }
    change.mutate(
      {
        type: 'updateVersion',
        input: { scale: { levels: parsed, notApplicable: { label: notApplicableLabel } } },
      },
      { onSuccess: () => announce(t('editor.scale.saved')) },
    );
  };

  return (
    <section aria-labelledby={headingId} className="page-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('scale.title')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('editor.scale.intro')}
      </Paragraph>
      <form className="form-stack" onSubmit={onSubmit} noValidate>
        {change.isError && <ProblemAlert error={change.error} headingLevel={3} />}
        <ol className="scale-levels">
          {levels.map((level, index) => (
            <li key={level.key} className="scale-levels__item">
              <Heading level={3} data-size="2xs">
                {t('editor.scale.levelHeading', {
                  position: index + 1,
                  label:
                    resolveText(textFromDraft(level.label), locale) || t('editor.scale.unnamed'),
                })}
              </Heading>
              <Textfield
                label={t('editor.scale.value')}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                value={level.value}
                onChange={(event) => update(level.key, { value: event.target.value })}
                error={errors[`value-${level.key}`]}
                className="scale-levels__value"
              />
              <LocalizedTextFields
                legend={t('scale.label')}
                value={level.label}
                onChange={(label) => update(level.key, { label })}
                error={errors[`label-${level.key}`]}
              />
              <LocalizedTextFields
                legend={t('scale.descriptor')}
                value={level.descriptor}
                onChange={(descriptor) => update(level.key, { descriptor })}
                multiline
              />
              <Button
                variant="tertiary"
                data-size="sm"
                data-color="danger"
                onClick={() =>
                  setLevels((current) => current.filter((item) => item.key !== level.key))
                }
              >
                {t('editor.scale.removeLevel', { position: index + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <Button variant="secondary" onClick={addLevel}>
            {t('editor.scale.addLevel')}
          </Button>
        </div>
        <LocalizedTextFields
          legend={t('editor.scale.notApplicable')}
          description={t('editor.scale.notApplicableHelp')}
          value={notApplicable}
          onChange={setNotApplicable}
          error={errors.notApplicable}
        />
        <div className="button-row">
          <Button type="submit" loading={change.isPending} aria-disabled={change.isPending}>
            {t('editor.scale.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
