import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../../../shared/domain/referrals/referral-machine';

const tone: Record<ReferralStatus, string> = {
  draft: 'kern-badge--info',
  sent: 'kern-badge--info',
  accepted: 'kern-badge--success',
  rejected: 'kern-badge--danger',
  started: 'kern-badge--success',
  completed: 'kern-badge--success',
  dropped_out: 'kern-badge--warning',
  revoked: 'kern-badge--warning',
};

/** The status of a referral as a KERN badge (the text carries the meaning, the colour only repeats it). */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge ${tone[status]}`}>
      <span className="kern-label">{t(`referrals.statuses.${status}`)}</span>
    </span>
  );
}
