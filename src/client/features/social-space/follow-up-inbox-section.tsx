import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpStatus } from '../../../shared/contracts/explorations';
import { EmptyState } from '../../components/ui/empty-state';
import { Fieldset } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { hasPermission, useMe } from '../../lib/session';
import { followUpsQuery } from './exploration-api';
import { FollowUpTable } from './follow-up-list';

// The task inbox above has its own pagination; one more page navigation would repeat its landmark.
const PAGE_SIZE = 100;

/** "Folgeaufgaben aus Sozialraumerkundungen": a section of the task inbox (composed in app/composed). */
export function FollowUpInboxSection() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [scope, setScope] = useState<'mine' | 'agency'>('mine');
  const [status, setStatus] = useState<FollowUpStatus>('open');
  const allowed = hasPermission(me, 'exploration.read');
  const result = useQuery({ ...followUpsQuery({ scope, status, page: 1, pageSize: PAGE_SIZE }), enabled: allowed });
  if (!allowed) return null;
  return (
    <SectionCard id="exploration-follow-ups" title={t('explorations.followUps.title')}>
      <p className="kern-body">{t('explorations.followUps.intro')}</p>
      <div className="lotse-filter__fields">
        <Fieldset legend={t('explorations.followUps.scope')} horizontal>
          {(['mine', 'agency'] as const).map((s) => (
            <div className="kern-form-check" key={s}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`follow-up-scope-${s}`}
                name="follow-up-scope"
                checked={scope === s}
                onChange={() => setScope(s)}
              />
              <label className="kern-label" htmlFor={`follow-up-scope-${s}`}>
                {t(`explorations.followUps.scopes.${s}`)}
              </label>
            </div>
          ))}
        </Fieldset>
        <Fieldset legend={t('explorations.followUps.status')} horizontal>
          {(['open', 'done'] as const).map((s) => (
            <div className="kern-form-check" key={s}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`follow-up-status-${s}`}
                name="follow-up-status"
                checked={status === s}
                onChange={() => setStatus(s)}
              />
              <label className="kern-label" htmlFor={`follow-up-status-${s}`}>
                {t(`explorations.followUps.statuses.${s}`)}
              </label>
            </div>
          ))}
        </Fieldset>
      </div>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data && result.data.items.length === 0 ? (
        <EmptyState title={t('explorations.followUps.empty')}>{t('explorations.followUps.emptyText')}</EmptyState>
      ) : null}
      {result.data && result.data.items.length > 0 ? <FollowUpTable items={result.data.items} /> : null}
    </SectionCard>
  );
}
