import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mailDeliveryValues, type MailDelivery } from '../../../shared/contracts/addresses';
import { Button } from '../../components/ui/button';
import { Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';

/** Server field errors by path ("addresses.0.street"), with the "body." prefix removed. */
export type FieldErrors = ReadonlyMap<string, string>;

export const fieldId = (formId: string, path: string) => `${formId}-${path.replace(/\./g, '-')}`;

/** One item of a repeatable group: a bordered fieldset with a remove button. */
export function RepeatItem({
  legend,
  onRemove,
  children,
}: {
  legend: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      className="kern-fieldset lotse-repeat-item"
      style={{ border: '1px solid var(--kern-color-layout-border, #ccc)', padding: '1rem', marginBottom: '1rem' }}
    >
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body">{children}</div>
      <Button
        variant="secondary"
        small
        onClick={onRemove}
        aria-label={t('explorations.form.removeItem', { item: legend })}
      >
        {t('explorations.form.remove')}
      </Button>
    </fieldset>
  );
}

export type TriState = 'yes' | 'no' | 'unknown';
export const triToValue = (v: TriState): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
export const valueToTri = (v: boolean | null): TriState => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/** Yes / no / unknown as radios. */
export function TriStateField({
  id,
  legend,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  value: TriState;
  onChange: (v: TriState) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <Fieldset id={id} legend={legend} error={error} horizontal>
      {(['yes', 'no', 'unknown'] as const).map((v) => (
        <div className="kern-form-check" key={v}>
          <input
            className="kern-form-check__radio"
            type="radio"
            id={`${id}-${v}`}
            name={name}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />
          <label className="kern-label" htmlFor={`${id}-${v}`}>
            {t(`explorations.form.${v}`)}
          </label>
        </div>
      ))}
    </Fieldset>
  );
}

export type FactsDraft = {
  mailbox: TriState;
  namesOnMailbox: string;
  shared: TriState;
  mailDelivery: MailDelivery;
  accessNotes: string;
};

export const emptyFacts = (): FactsDraft => ({
  mailbox: 'unknown',
  namesOnMailbox: '',
  shared: 'unknown',
  mailDelivery: 'unknown',
  accessNotes: '',
});

export const factsToRequest = (f: FactsDraft) => ({
  mailboxPresent: triToValue(f.mailbox),
  namesOnMailbox: f.namesOnMailbox.trim() || null,
  sharedAccommodation: triToValue(f.shared),
  mailDelivery: f.mailDelivery,
  accessNotes: f.accessNotes.trim() || null,
});

/** The deliverability facts of an address (exploration form and the address register's dialog). */
export function FactsFields({
  formId,
  prefix,
  value,
  onChange,
  errors,
}: {
  formId: string;
  /** Path of the facts object, e.g. "addresses.0.facts" or "facts". */
  prefix: string;
  value: FactsDraft;
  onChange: (next: FactsDraft) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const path = (f: string) => `${prefix}.${f}`;
  return (
    <>
      <TriStateField
        id={fieldId(formId, path('mailboxPresent'))}
        legend={t('explorations.form.mailbox')}
        value={value.mailbox}
        onChange={(mailbox) => onChange({ ...value, mailbox })}
        error={errors.get(path('mailboxPresent'))}
      />
      <TextField
        id={fieldId(formId, path('namesOnMailbox'))}
        label={t('explorations.form.namesOnMailbox')}
        optional
        value={value.namesOnMailbox}
        onChange={(e) => onChange({ ...value, namesOnMailbox: e.target.value })}
        error={errors.get(path('namesOnMailbox'))}
      />
      <TriStateField
        id={fieldId(formId, path('sharedAccommodation'))}
        legend={t('explorations.form.sharedAccommodation')}
        value={value.shared}
        onChange={(shared) => onChange({ ...value, shared })}
        error={errors.get(path('sharedAccommodation'))}
      />
      <SelectField
        id={fieldId(formId, path('mailDelivery'))}
        label={t('explorations.form.mailDelivery')}
        value={value.mailDelivery}
        options={mailDeliveryValues.map((m) => ({ value: m, label: t(`socialSpace.mailDelivery.${m}`) }))}
        onChange={(e) => onChange({ ...value, mailDelivery: e.target.value as MailDelivery })}
        error={errors.get(path('mailDelivery'))}
      />
      <TextAreaField
        id={fieldId(formId, path('accessNotes'))}
        label={t('explorations.form.accessNotes')}
        optional
        rows={2}
        value={value.accessNotes}
        onChange={(e) => onChange({ ...value, accessNotes: e.target.value })}
        error={errors.get(path('accessNotes'))}
      />
    </>
  );
}

/** Focus the first field of an item just added (keyboard users continue where the item appeared). */
export function focusSoon(id: string): void {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}
