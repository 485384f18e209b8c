import { useTranslation } from 'react-i18next';

export function UserStatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge ${active ? 'kern-badge--success' : 'kern-badge--danger'}`}>
      <span className="kern-label">{active ? t('users.statusActive') : t('users.statusInactive')}</span>
    </span>
  );
}
