import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert';

export interface FormDialogProps {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  isPending: boolean;
  /** The failed call, shown above the fields and focused. */
  error: unknown;
  children: ReactNode;
  /** A wider dialog for long forms. */
  wide?: boolean;
}

/** A modal form: heading, the fields, the failure (focused) and submit/cancel. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  isPending,
  error,
  children,
  wide = false,
}: FormDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) {
      errorRef.current?.focus();
    }
  }, [error]);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
    // A field the form marked invalid takes focus, so that its message is read and seen.
    window.requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  };
  return (
    <Dialog
      open
      onClose={onClose}
      closeButton={t('common.close')}
      aria-labelledby={headingId}
      className={wide ? 'editor-dialog editor-dialog--wide' : 'editor-dialog'}
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form ref={formRef} className="form-stack" onSubmit={submit} noValidate>
          {error !== null && error !== undefined && (
            <ProblemAlert ref={errorRef} error={error} headingLevel={3} />
          )}
          {children}
          <div className="button-row">
            <Button type="submit" loading={isPending} aria-disabled={isPending}>
              {submitLabel}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
