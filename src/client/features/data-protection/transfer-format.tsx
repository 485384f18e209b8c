import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../shared/contracts/transfers';
import { currentLanguage } from '../../lib/i18n';
import { categoryLabel } from '../../components/data-protection/withheld';

export function TransferStatusBadge({ transfer }: { transfer: Pick<Transfer, 'inForce'> }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${transfer.inForce ? 'success' : 'info'}`}>
      <span className="kern-label">{transfer.inForce ? t('transfers.inForce') : t('transfers.expired')}</span>
    </span>
  );
}

export function transferCategories(transfer: Pick<Transfer, 'categories'>): string {
  return transfer.categories.map(categoryLabel).join(', ');
}

export function transferValidity(transfer: Pick<Transfer, 'validUntil'>): string {
  return formatDay(transfer.validUntil);
}

/** A person's name in the usual order (the lists here carry no name order). */
export function displayName(person: { givenNames: string; familyName: string }): string {
  return `${person.givenNames} ${person.familyName}`;
}

/** 'YYYY-MM-DD' as "24.11.2026" (German) or "24 Nov 2026"; other values (a year, "1990-xx") as they are. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  if (currentLanguage() === 'de') return `${m[3]}.${m[2]}.${m[1]}`;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
