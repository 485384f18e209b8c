import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type ModalDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /** A wide dialog for forms. */
  wide?: boolean;
  /** Close on a click outside; off for forms, where a stray click would throw away the input. */
  dismissable?: boolean;
};

/**
 * A modal dialog in KERN's look. react-aria traps focus inside, restores it on close, closes on Escape
 * and hides the rest of the page from assistive technology.
 */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  footer,
  role = 'dialog',
  wide,
  dismissable = true,
}: ModalDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={dismissable} className="lotse-modal-overlay">
      <Modal className={`kern-dialog lotse-modal ${wide ? 'lotse-modal--wide' : ''}`.trim()}>
        <Dialog role={role} className="lotse-modal__dialog">
          {({ close }) => (
            <>
              <header className="kern-dialog__header">
                <Heading slot="title" level={2} className="kern-title kern-title--large">
                  {title}
                </Heading>
                <button type="button" className="kern-btn kern-btn--tertiary" onClick={close}>
                  <span className="kern-icon kern-icon--close" aria-hidden="true" />
                  <span className="kern-label kern-sr-only">{t('common.close')}</span>
                </button>
              </header>
              <div className="kern-dialog__body">{children}</div>
              {footer ? <footer className="kern-dialog__footer">{footer}</footer> : null}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
