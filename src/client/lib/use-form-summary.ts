import { useCallback, useState } from 'react';
import type { FieldErrors, FieldValues, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SummaryItem } from '../components/ui/error-summary';
import { errorMessage } from './errors';
import { applyServerErrors, flattenFieldErrors, formFieldId } from './form-errors';

/** The visible label of an input (or legend of a group), so that summary lines name their field. */
function fieldLabel(id: string): string | null {
  const element = document.getElementById(id);
  if (!element) return null;
  const labelElement =
    element instanceof HTMLFieldSetElement
      ? element.querySelector('legend')
      : 'labels' in element
        ? (element as HTMLInputElement).labels?.[0]
        : null;
  if (!labelElement) return null;
  const clone = labelElement.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('.kern-label__optional').forEach((node) => node.remove());
  return clone.textContent?.trim() || null;
}

/**
 * State of a form's error summary: filled on an invalid submit from the field errors, or from the
 * server's problem (its `detail` plus any field errors). `focusKey` changes on every failed submit.
 */
export function useFormSummary(formId: string) {
  const { t } = useTranslation();
  const [items, setItems] = useState<SummaryItem[]>([]);
  const [focusKey, setFocusKey] = useState(0);

  const id = useCallback((path: string) => formFieldId(formId, path), [formId]);

  const showFieldErrors = useCallback(
    (errors: FieldErrors) => {
      setItems(
        flattenFieldErrors(errors).map((e) => {
          const fieldId = formFieldId(formId, e.path);
          const label = fieldLabel(fieldId);
          return { fieldId, message: label ? `${label}: ${e.message}` : e.message };
        }),
      );
      setFocusKey((k) => k + 1);
    },
    [formId],
  );

  const showServerError = useCallback(
    <T extends FieldValues>(error: unknown, setError?: UseFormSetError<T>, knownFields: readonly string[] = []) => {
      const fieldItems = setError ? applyServerErrors(error, setError, knownFields, (p) => formFieldId(formId, p)) : [];
      setItems([{ message: errorMessage(error, t) }, ...fieldItems]);
      setFocusKey((k) => k + 1);
    },
    [formId, t],
  );

  const clear = useCallback(() => setItems([]), []);

  return { items, focusKey, id, showFieldErrors, showServerError, clear };
}
