import { useTranslation } from 'react-i18next';
import { Button } from './button';

type FormActionsProps = {
  /** The label of the submit button; while `pending` it reads "Wird gespeichert …". */
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** Disables submitting for another reason than a pending request (e.g. a stale version). */
  disabled?: boolean;
};

/** The submit and cancel buttons at the end of a form or dialog. */
export function FormActions({ submitLabel, pending, onCancel, disabled = false }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="lotse-button-row">
      <Button type="submit" variant="primary" disabled={pending || disabled}>
        {pending ? t('common.saving') : submitLabel}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
