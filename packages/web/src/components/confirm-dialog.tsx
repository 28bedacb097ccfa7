import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  isPending?: boolean;
  /** Red confirm button for destructive actions. */
  danger?: boolean;
  /** Shown inside the dialog when the action failed. */
  error?: ReactNode;
}

/** A modal "are you sure?" with a clear confirm and cancel. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
  isPending = false,
  danger = false,
  error,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      closeButton={t('common.close')}
      aria-labelledby={headingId}
      closedby="any"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {typeof body === 'string' ? <Paragraph>{body}</Paragraph> : body}
        {error}
        <div className="button-row">
          <Button
            data-color={danger ? 'danger' : 'accent'}
            onClick={onConfirm}
            loading={isPending}
            aria-disabled={isPending}
          >
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
