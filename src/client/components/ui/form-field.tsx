import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

type FieldFrameProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  children: ReactNode;
  className?: string;
};

export function fieldIds(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

/** Label, hint and error message around one input, in KERN's form-input layout. */
function FieldFrame({ id, label, hint, error, optional, children, className }: FieldFrameProps) {
  const { t } = useTranslation();
  const ids = fieldIds(id);
  return (
    <div className={`kern-form-input ${error ? 'kern-form-input--error' : ''} ${className ?? ''}`.trim()}>
      <label className="kern-label" htmlFor={id}>
        {label}
        {optional ? <span className="kern-label__optional"> {t('common.optional')}</span> : null}
      </label>
      {hint ? (
        <div className="kern-hint" id={ids.hint}>
          {hint}
        </div>
      ) : null}
      {children}
      {error ? (
        <p className="kern-error" id={ids.error}>
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = fieldIds(id);
  const parts = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

type CommonProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  registration?: UseFormRegisterReturn;
  id?: string;
  className?: string;
};

type TextFieldProps = CommonProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { width?: 2 | 4 };

export function TextField({ label, hint, error, optional, registration, id, className, width, ...input }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const widthClass = width ? `kern-form-input__input--width-${width}` : '';
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} optional={optional} className={className}>
      <input
        id={inputId}
        className={`kern-form-input__input ${error ? 'kern-form-input__input--error' : ''} ${widthClass}`.trim()}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        type="text"
        {...input}
        {...registration}
      />
    </FieldFrame>
  );
}

type TextAreaFieldProps = CommonProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextAreaField({ label, hint, error, optional, registration, id, className, ...input }: TextAreaFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} optional={optional} className={className}>
      <textarea
        id={inputId}
        className={`kern-form-input__input ${error ? 'kern-form-input__input--error' : ''}`.trim()}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        rows={6}
        {...input}
        {...registration}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = CommonProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & {
    options: { value: string; label: string }[];
    ref?: Ref<HTMLSelectElement>;
  };

export function SelectField({ label, hint, error, optional, registration, id, className, options, ...select }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error} optional={optional} className={className}>
      <div className="kern-form-input__select-wrapper">
        <select
          id={selectId}
          className={`kern-form-input__select ${error ? 'kern-form-input__select--error' : ''}`.trim()}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(selectId, hint, error)}
          {...select}
          {...registration}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  label: ReactNode;
  registration?: UseFormRegisterReturn;
  invalid?: boolean;
};

export function Checkbox({ label, registration, invalid, id, ...input }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={`kern-form-check ${invalid ? 'kern-form-check--error' : ''}`.trim()}>
      <input
        id={inputId}
        type="checkbox"
        className={`kern-form-check__checkbox ${invalid ? 'kern-form-check__checkbox--error' : ''}`.trim()}
        {...input}
        {...registration}
      />
      <label className="kern-label" htmlFor={inputId}>
        {label}
      </label>
    </div>
  );
}

type FieldsetProps = {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  id?: string;
  horizontal?: boolean;
};

/** A group of checkboxes or radios; `id` is put on the fieldset so an error summary can link to it. */
export function Fieldset({ legend, hint, error, children, id, horizontal }: FieldsetProps) {
  const generated = useId();
  const fieldsetId = id ?? generated;
  const ids = fieldIds(fieldsetId);
  return (
    <fieldset
      id={fieldsetId}
      tabIndex={-1}
      className={`kern-fieldset ${error ? 'kern-fieldset--error' : ''}`.trim()}
      aria-describedby={describedBy(fieldsetId, hint, error)}
    >
      <legend className="kern-label">{legend}</legend>
      {hint ? (
        <div className="kern-hint" id={ids.hint}>
          {hint}
        </div>
      ) : null}
      <div className={`kern-fieldset__body ${horizontal ? 'kern-fieldset__body--horizontal' : ''}`.trim()}>{children}</div>
      {error ? (
        <p className="kern-error" id={ids.error}>
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
    </fieldset>
  );
}
