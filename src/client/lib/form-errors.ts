import i18next from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { SummaryItem } from '../components/ui/error-summary';
import { ApiError } from './api';

type Issue = {
  code?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  input?: unknown;
  path?: PropertyKey[];
};

const FIELD_FORMAT_MESSAGES = {
  username: 'validation.username',
  code: 'validation.totpCode',
  recoveryCode: 'validation.recoveryCode',
} as const;

function fieldFormatMessage(field: string): string | undefined {
  return field in FIELD_FORMAT_MESSAGES
    ? i18next.t(FIELD_FORMAT_MESSAGES[field as keyof typeof FIELD_FORMAT_MESSAGES])
    : undefined;
}

/**
 * Turns zod issues into plain-language messages in the UI language. The contract schemas carry no
 * messages of their own, so this per-parse error map is what the user reads.
 */
export function zodErrorMap(issue: Issue): string | undefined {
  const t = i18next.t.bind(i18next);
  const field = String(issue.path?.[issue.path.length - 1] ?? '');
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('validation.required') : t('validation.invalid');
    case 'too_small': {
      const min = Number(issue.minimum ?? 0);
      if (issue.origin === 'array') return t('validation.arrayTooShort', { count: min });
      if (issue.origin === 'string') {
        if (min <= 1 || issue.input === '') return t('validation.required');
        return fieldFormatMessage(field) ?? t('validation.tooShort', { count: min });
      }
      return t('validation.invalid');
    }
    case 'too_big': {
      const max = Number(issue.maximum ?? 0);
      if (issue.origin === 'array') return t('validation.arrayTooLong', { count: max });
      return t('validation.tooLong', { count: max });
    }
    case 'invalid_format':
      if (issue.input === '') return t('validation.required');
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'uuid') return t('validation.uuid');
      if (issue.format === 'date' || issue.format === 'datetime') return t('validation.date');
      return fieldFormatMessage(field) ?? t('validation.format');
    case 'invalid_value':
      return t('validation.invalid');
    default:
      return undefined;
  }
}

export const zodOptions = { error: zodErrorMap };

/** Server field paths may come as "body.name", "/name" or "legalBases.0.norm"; make them RHF paths. */
function toFieldPath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .replace(/\//g, '.');
}

/**
 * Puts the server's field errors next to their inputs. Returns the summary items for fields the form
 * knows and treats the rest as general messages.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: readonly string[],
  fieldId: (field: string) => string,
): SummaryItem[] {
  if (!(error instanceof ApiError)) return [];
  const items: SummaryItem[] = [];
  for (const fieldError of error.fieldErrors) {
    const path = toFieldPath(fieldError.path);
    const root = path.split('.')[0] ?? '';
    if (knownFields.includes(root)) {
      setError(path as Path<T>, { type: 'server', message: fieldError.message });
      items.push({ fieldId: fieldId(path), message: fieldError.message });
    } else {
      items.push({ message: fieldError.message });
    }
  }
  return items;
}

type ErrorNode = { message?: unknown; type?: unknown } | ErrorNode[] | { [key: string]: ErrorNode } | undefined;

/** Flattens react-hook-form's nested errors into "a.0.b" paths with their message. */
export function flattenFieldErrors(errors: unknown, prefix = ''): { path: string; message: string }[] {
  if (!errors || typeof errors !== 'object') return [];
  const node = errors as Record<string, ErrorNode>;
  if (typeof node.message === 'string' && prefix) return [{ path: prefix, message: node.message }];
  const result: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref' || key === 'type' || key === 'types' || key === 'message') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
      result.push({ path: key === 'root' ? prefix : path, message: value.message });
    } else {
      result.push(...flattenFieldErrors(value, path));
    }
  }
  return result;
}

export function formFieldId(formId: string, path: string): string {
  return `${formId}-${path.replace(/\./g, '-')}`;
}
