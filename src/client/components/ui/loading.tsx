import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="lotse-loading" role="status">
      <span className="kern-loader kern-loader--visible lotse-loading__spinner" aria-hidden="true" />
      <span className="kern-body">{label ?? t('app.loading')}</span>
    </div>
  );
}
