import { useEffect, useRef, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { confidentialityLevels, type Confidentiality } from '../../../shared/contracts/case-records';
import { languageNames } from '../../../shared/domain/languages';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Fieldset } from '../../components/ui/form-field';
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { currentLanguage } from '../../lib/i18n';

/** Helpers shared by the notes, documents and appointments panels and the appointments page. */

/**
 * The current time, refreshed every minute: what an appointment offers (held/missed once it has
 * started) changes while the page is open.
 */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Whether an instant lies more than `toleranceMs` ahead of now. */
export function isInFuture(iso: string, toleranceMs: number): boolean {
  return new Date(iso).getTime() > Date.now() + toleranceMs;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a `datetime-local` input, in the browser's zone ("2026-05-12T09:30"). */
export function toLocalInput(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a `datetime-local` input as an ISO instant; null for an empty or unreadable value. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function locale(): string {
  return currentLanguage() === 'de' ? 'de-DE' : 'en-GB';
}

/** A calendar date 'YYYY-MM-DD' as "12.05.2036" / "12 May 2036" (no zone: it is a day, not an instant). */
export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "Arabisch (ar)"; for a code outside the shared list the browser's name, else the code. */
export function languageLabel(code: string): string {
  const lang = currentLanguage() === 'de' ? 'de' : 'en';
  let name = languageNames[code]?.[lang];
  if (!name) {
    try {
      name = new Intl.DisplayNames([locale()], { type: 'language', fallback: 'code' }).of(code) ?? code;
    } catch {
      name = code;
    }
  }
  return name === code ? code : `${name} (${code})`;
}

/** The shared languages for a select, German first, then by name in the UI language. */
export function languageOptions(): { value: string; label: string }[] {
  const lang = currentLanguage() === 'de' ? 'de' : 'en';
  const collator = new Intl.Collator(lang);
  return Object.entries(languageNames)
    .map(([value, names]) => ({ value, label: names[lang] }))
    .sort((a, b) => (a.value === 'de' ? -1 : b.value === 'de' ? 1 : collator.compare(a.label, b.label)));
}

/** The most specific message of a failed call: the first field message, else the problem's detail. */
export function problemText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.fieldErrors[0]) return error.fieldErrors[0].message;
  return errorMessage(error, t);
}

/** "1,2 MB", "830 KB", "512 Bytes" in the UI language. */
export function formatBytes(bytes: number): string {
  const number = (n: number, digits: number) =>
    new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return `${number(bytes, 0)} ${currentLanguage() === 'de' ? 'Bytes' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}

/** A badge for records not visible to the whole case team (the "lock"). */
export function ConfidentialityBadge({ level }: { level: Confidentiality }) {
  const { t } = useTranslation();
  if (level === 'team') return null;
  const text = t(`caseRecords.confidentiality.${level}`);
  return (
    <span className="kern-badge kern-badge--warning">
      {/* KERN has no lock icon; "visibility off" says the same: not everyone on the team sees this. */}
      <span className="kern-icon kern-icon--visibility-off" aria-hidden="true" />
      <span className="kern-label">{t('caseRecords.confidentiality.badge', { level: text })}</span>
    </span>
  );
}

/** The three visibility levels as radios, each with its explanation. */
export function ConfidentialityFieldset({
  id,
  agencyName,
  registration,
  error,
}: {
  id: string;
  agencyName: string;
  registration: UseFormRegisterReturn;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset id={id} legend={t('caseRecords.confidentiality.label')} error={error}>
      {confidentialityLevels.map((level) => (
        <div className="kern-form-check" key={level}>
          <input
            className="kern-form-check__radio"
            type="radio"
            id={`${id}-${level}`}
            value={level}
            aria-describedby={`${id}-${level}-hint`}
            {...registration}
          />
          <label className="kern-label" htmlFor={`${id}-${level}`}>
            {t(`caseRecords.confidentiality.${level}`)}
          </label>
          <p className="kern-hint" id={`${id}-${level}-hint`} style={{ flexBasis: '100%' }}>
            {t(`caseRecords.confidentiality.hints.${level}`, { agency: agencyName })}
          </p>
        </div>
      ))}
    </Fieldset>
  );
}

/** The 412 notice inside a dialog: someone else changed the entry; reload takes the current state. */
export function StaleNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      tone="danger"
      role="alert"
      title={t('caseRecords.stale.title')}
      className="lotse-error-summary"
    >
      <p className="kern-body">{t('caseRecords.stale.text')}</p>
      <div>
        <Button variant="secondary" onClick={onReload}>
          {t('caseRecords.stale.reload')}
        </Button>
      </div>
    </Alert>
  );
}

/**
 * The server names query-string fields "querystring.title"; the forms know them as "title". The
 * same error with the prefix removed, so that it lands next to its input.
 */
export function withoutQueryPrefix(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(
    error.status,
    error.code,
    error.detail,
    error.fieldErrors.map((f) => ({ ...f, path: f.path.replace(/^querystring\./, '') })),
  );
}
