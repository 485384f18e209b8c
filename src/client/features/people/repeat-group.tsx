import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { fieldIds } from '../../components/ui/form-field';

type RepeatGroupProps = {
  /** Id of the fieldset, so that an error summary or a "Bearbeiten" link can point at the group. */
  id: string;
  legend: string;
  hint?: ReactNode;
  /** Shown instead of rows when there are none. */
  emptyText: string;
  /** Stable keys of the rows (react-hook-form's `field.id`), in order. */
  keys: string[];
  /** Accessible name of row n (1-based), e.g. "Anschrift 2". */
  rowLabel: (n: number) => string;
  renderRow: (index: number, n: number) => ReactNode;
  addLabel: string;
  removeLabel: (n: number) => string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  max: number;
  /** A message about the whole list (e.g. too many entries). */
  error?: string | undefined;
};

type PendingFocus = { kind: 'row'; index: number } | { kind: 'add' } | null;

const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A list of rows that the user adds and removes (name variants, identifiers, languages, contacts,
 * addresses). Focus follows the change, so keyboard and screen-reader users never land on the page's
 * top: a new row's first input takes focus; after a removal the row that moved up takes it, or the
 * previous row, or — with no rows left — the add button. A polite status announces the change.
 */
export function RepeatGroup({
  id,
  legend,
  hint,
  emptyText,
  keys,
  rowLabel,
  renderRow,
  addLabel,
  removeLabel,
  onAdd,
  onRemove,
  max,
  error,
}: RepeatGroupProps) {
  const { t } = useTranslation();
  const rows = useRef(new Map<string, HTMLDivElement>());
  const addRow = useRef<HTMLDivElement>(null);
  const pending = useRef<PendingFocus>(null);
  const [announcement, setAnnouncement] = useState('');
  const ids = fieldIds(id);

  // Runs after the render that shows the added or removed row.
  useEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    if (target.kind === 'add' || keys.length === 0) {
      addRow.current?.querySelector('button')?.focus();
    } else {
      const key = keys[Math.min(target.index, keys.length - 1)];
      const row = key ? rows.current.get(key) : undefined;
      row?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
  }, [keys]);

  function add() {
    onAdd();
    pending.current = { kind: 'row', index: keys.length };
    setAnnouncement(t('repeatGroup.added', { item: rowLabel(keys.length + 1) }));
  }

  function remove(index: number) {
    onRemove(index);
    pending.current = keys.length > 1 ? { kind: 'row', index } : { kind: 'add' };
    setAnnouncement(t('repeatGroup.removed', { item: rowLabel(index + 1) }));
  }

  const describedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`kern-fieldset ${error ? 'kern-fieldset--error' : ''}`.trim()}
      aria-describedby={describedBy}
    >
      <legend className="kern-label">{legend}</legend>
      {hint ? (
        <div className="kern-hint" id={ids.hint}>
          {hint}
        </div>
      ) : null}
      <div className="kern-fieldset__body">
        {keys.length === 0 ? <p className="kern-body kern-body--muted">{emptyText}</p> : null}
        {keys.map((key, index) => {
          const n = index + 1;
          return (
            <div
              key={key}
              ref={(element) => {
                if (element) rows.current.set(key, element);
                else rows.current.delete(key);
              }}
              className="lotse-repeat-group"
              role="group"
              aria-label={rowLabel(n)}
            >
              {renderRow(index, n)}
              <div>
                <Button variant="tertiary" icon="delete" small onClick={() => remove(index)}>
                  {removeLabel(n)}
                </Button>
              </div>
            </div>
          );
        })}
        <div ref={addRow}>
          <Button variant="secondary" icon="add" disabled={keys.length >= max} onClick={add}>
            {addLabel}
          </Button>
        </div>
        {error ? (
          <p className="kern-error" id={ids.error}>
            <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
            <span className="kern-body">{error}</span>
          </p>
        ) : null}
        <p className="kern-sr-only" role="status">
          {announcement}
        </p>
      </div>
    </fieldset>
  );
}
