import { ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignField } from '../campaign-form';

/** The element id of a form field's wrapper, for links from the error summary. */
export function fieldDomId(field: CampaignField): string {
  return `campaign-field-${field}`;
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea, button:not([disabled])';

/** Moves focus to the first control of a field (a fieldset's first checkbox or radio). */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: CampaignField): void {
  const target = document.getElementById(fieldDomId(field));
  if (!target) {
    return;
  }
  event.preventDefault();
  const control = target.matches(FOCUSABLE) ? target : target.querySelector<HTMLElement>(FOCUSABLE);
  target.scrollIntoView({ block: 'center' });
  (control ?? target).focus({ preventScroll: true });
}

export interface SummaryItem {
  field: CampaignField | undefined;
  message: string;
}

/** Every problem of the form with a link to its field; it takes focus when it appears. */
export function FormErrorSummary({
  heading,
  intro,
  items,
}: {
  heading: string;
  /** The failed call's own sentence, when the server gave one. */
  intro?: string | undefined;
  items: readonly SummaryItem[];
}) {
  const { t } = useTranslation();
  return (
    <ErrorSummary className="campaign-form__summary">
      <ErrorSummary.Heading level={2} data-size="xs">
        {heading}
      </ErrorSummary.Heading>
      {intro !== undefined && <Paragraph>{intro}</Paragraph>}
      {items.length > 0 && (
        <ErrorSummary.List>
          {items.map((item, index) => (
            <ErrorSummary.Item key={`${item.field ?? 'form'}-${index}`}>
              {item.field !== undefined ? (
                <ErrorSummary.Link
                  href={`#${fieldDomId(item.field)}`}
                  onClick={(event) => focusField(event, item.field ?? 'name')}
                >
                  {t('campaigns.form.problemAt', {
                    field: t(`campaigns.fields.${item.field}`),
                    message: item.message,
                  })}
                </ErrorSummary.Link>
              ) : (
                item.message
              )}
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      )}
    </ErrorSummary>
  );
}
