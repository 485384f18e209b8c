import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';
import { ModalDialog } from './modal-dialog';

type ConfirmDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  error?: string | null;
};

/** Asks before a consequential action; the safe choice (cancel) comes first in the tab order. */
export function ConfirmDialog({ isOpen, onOpenChange, title, children, confirmLabel, onConfirm, isPending, error }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={title}
      role="alertdialog"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" onClick={onConfirm} disabled={isPending} aria-busy={isPending || undefined}>
            {isPending ? t('common.saving') : confirmLabel}
          </Button>
        </>
      }
    >
      <div className="kern-body">{children}</div>
      {error ? <Alert tone="danger" title={error} /> : null}
    </ModalDialog>
  );
}
