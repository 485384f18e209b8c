import { formatCalendarDay } from '../../lib/format';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../shared/contracts/transfers';
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

/** A calendar day as the user's language writes it (one implementation: lib/format). */
export const formatDay = formatCalendarDay;
