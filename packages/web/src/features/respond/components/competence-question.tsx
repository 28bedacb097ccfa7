import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Paragraph,
  Radio,
  Textarea,
} from '@digdir/designsystemet-react';
import type { Questionnaire } from '@evne/core';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnswered, type Draft } from '../answers';

type Competence = Questionnaire['areas'][number]['competences'][number];
type Scale = Questionnaire['scale'];

interface CompetenceQuestionProps {
  competence: Competence;
  scale: Scale;
  draft: Draft | undefined;
  readOnly: boolean;
  /** Marks the competence as missing after a refused submit. */
  missing: boolean;
  onChange: (nodeId: string, change: Partial<Omit<Draft, 'nodeId'>>) => void;
}

const NOT_APPLICABLE = 'not-applicable';

/**
 * One competence: the scale as one radio group (fieldset, legend = the competence) with each
 * level's descriptor and "not relevant / don't know", then the wish to develop and a comment.
 */
export const CompetenceQuestion = memo(function CompetenceQuestion({
  competence,
  scale,
  draft,
  readOnly,
  missing,
  onChange,
}: CompetenceQuestionProps) {
  const { t } = useTranslation();
  const name = useId();
  const commentId = useId();
  const [commentOpen, setCommentOpen] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (commentOpen) {
      commentRef.current?.focus();
    }
  }, [commentOpen]);
  const comment = draft?.comment ?? '';
  const showComment = commentOpen || comment !== '';
  const value = draft?.isNotApplicable
    ? NOT_APPLICABLE
    : draft?.level !== null && draft?.level !== undefined
      ? String(draft.level)
      : '';
  const descriptorFor = (level: number, fallback: string | null) =>
    competence.levelDescriptors.find((item) => item.value === level)?.descriptor ?? fallback;
  const answered = isAnswered(draft);

  return (
    <li
      className={missing && !answered ? 'competence competence--missing' : 'competence'}
      id={`competence-${competence.id}`}
    >
      <Fieldset disabled={readOnly} data-size="sm" className="competence__scale">
        <Fieldset.Legend className="competence__legend">
          <span className="competence__code">{competence.code}</span> {competence.name}
        </Fieldset.Legend>
        {competence.description !== null && (
          <Fieldset.Description>{competence.description}</Fieldset.Description>
        )}
        {missing && !answered && (
          <Paragraph data-size="sm" className="competence__missing">
            {t('respond.question.missing')}
          </Paragraph>
        )}
        <div className="level-options">
          {scale.levels.map((level) => {
            const descriptor = descriptorFor(level.value, level.descriptor);
            return (
              <Radio
                key={level.value}
                name={name}
                value={String(level.value)}
                variant="outline"
                className="level-option"
                checked={value === String(level.value)}
                onChange={() => onChange(competence.id, { level: level.value })}
                label={
                  <>
                    <span className="level-option__value">{level.value}</span> {level.label}
                  </>
                }
                description={descriptor ?? undefined}
              />
            );
          })}
          <Radio
            name={name}
            value={NOT_APPLICABLE}
            variant="outline"
            className="level-option level-option--na"
            checked={value === NOT_APPLICABLE}
            onChange={() => onChange(competence.id, { isNotApplicable: true })}
            label={scale.notApplicable.label}
          />
        </div>
      </Fieldset>
      <div className="competence__extras">
        <Checkbox
          data-size="sm"
          disabled={readOnly}
          checked={draft?.wantsToDevelop ?? false}
          onChange={(event) => onChange(competence.id, { wantsToDevelop: event.target.checked })}
          label={
            <>
              {t('respond.question.develop')}
              <span className="visually-hidden">: {competence.name}</span>
            </>
          }
        />
        {showComment ? (
          <Field data-size="sm" className="competence__comment">
            <Label htmlFor={commentId}>
              {t('respond.question.comment')}
              <span className="visually-hidden">: {competence.name}</span>
            </Label>
            <Textarea
              ref={commentRef}
              id={commentId}
              rows={3}
              maxLength={2000}
              readOnly={readOnly}
              value={comment}
              onChange={(event) => onChange(competence.id, { comment: event.target.value })}
            />
          </Field>
        ) : (
          !readOnly && (
            <Button
              variant="tertiary"
              data-size="sm"
              className="competence__add-comment"
              aria-expanded={false}
              onClick={() => setCommentOpen(true)}
            >
              {t('respond.question.addComment')}
              <span className="visually-hidden">: {competence.name}</span>
            </Button>
          )
        )}
      </div>
    </li>
  );
});
