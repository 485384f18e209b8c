import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/contracts/people';
import { Alert } from '../ui/alert';
import { categoryLabel } from './withheld';

/**
 * Says on which grounds the viewer sees the person and what is withheld, unless the person is
 * simply the agency's own client with nothing withheld (the common case needs no banner).
 */
export function PersonAccessSummary({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { grounds, categories, withheld } = person.access;
  const ownOnly = grounds.every((g) => g === 'registered' || g === 'case_team');
  if (ownOnly && withheld.length === 0) return null;
  return (
    <Alert
      tone={grounds.includes('break_glass') ? 'warning' : 'info'}
      role="none"
      title={t('dataProtection.grounds.title')}
    >
      <p className="kern-body">{grounds.map((g) => t(`dataProtection.grounds.${g}`)).join(' · ')}</p>
      <p className="kern-body kern-body--small">
        <strong>{t('dataProtection.grounds.categories')}:</strong> {categories.map(categoryLabel).join(', ')}
      </p>
      {withheld.length ? (
        <p className="kern-body kern-body--small">
          <strong>{t('dataProtection.grounds.withheld')}:</strong> {withheld.map(categoryLabel).join(', ')}
        </p>
      ) : null}
    </Alert>
  );
}
