import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';

export type SummaryItem = { fieldId?: string; message: string };

type ErrorSummaryProps = {
  /** General messages (e.g. the server's `detail`) and field messages with the id of their input. */
  items: SummaryItem[];
  /** Changes whenever a new submit failed, so that focus moves to the summary again. */
  focusKey?: unknown;
  title?: string;
};

/**
 * The summary of everything that stopped a form from being sent. It takes focus when it appears so that
 * keyboard and screen-reader users learn about the problem at once; each field message links to its input.
 */
export function ErrorSummary({ items, focusKey, title }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, focusKey]);

  if (!visible) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      tone="danger"
      role="alert"
      title={title ?? t('common.errorSummaryTitle')}
      className="lotse-error-summary"
    >
      <ul className="kern-list">
        {items.map((item, index) => (
          <li key={`${item.fieldId ?? 'general'}-${index}`}>
            {item.fieldId ? (
              <a
                className="kern-link"
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.fieldId!)?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              <span className="kern-body">{item.message}</span>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
