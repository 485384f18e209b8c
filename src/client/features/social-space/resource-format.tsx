import { useTranslation } from 'react-i18next';
import type { ResourceStatus, ResourceSummary } from '../../../shared/contracts/resources';
import { languageNames } from '../../../shared/domain/languages';
import { formatCalendarDate } from './districts-format';

/** The status as a badge; "temporarily closed" stands out. */
export function ResourceStatusBadge({ status }: { status: ResourceStatus }) {
  const { t } = useTranslation();
  const tone = status === 'active' ? 'success' : status === 'temporarily closed' ? 'warning' : 'danger';
  return (
    <span className={`kern-badge kern-badge--${tone}`}>
      <span className="kern-label">{t(`resources.status.${status}`)}</span>
    </span>
  );
}

/** "geprüft am …" or "nicht mehr geprüft seit …" (more than 12 months) or "noch nie geprüft". */
export function VerificationText({ r }: { r: Pick<ResourceSummary, 'verifiedOn' | 'verificationOverdue'> }) {
  const { t, i18n } = useTranslation();
  const warn = (text: string) => (
    <span className="kern-badge kern-badge--warning">
      <span className="kern-label">{text}</span>
    </span>
  );
  if (!r.verifiedOn) return warn(t('resources.list.neverVerified'));
  const date = formatCalendarDate(r.verifiedOn, i18n.language);
  return r.verificationOverdue ? warn(t('resources.list.staleSince', { date })) : <>{date}</>;
}

export function useLanguageName() {
  const { i18n } = useTranslation();
  return (code: string) => languageNames[code]?.[i18n.language === 'en' ? 'en' : 'de'] ?? code;
}

/** Category codes as the taxonomy names them. */
export function useCategoryName(terms: { code: string; name: string; nameEn: string }[] | undefined) {
  const { i18n } = useTranslation();
  const map = new Map((terms ?? []).map((t) => [t.code, i18n.language === 'en' ? t.nameEn : t.name]));
  return (code: string) => map.get(code) ?? code;
}
