import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { ApiError } from '../../lib/api';
import { formatCalendarDay } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { measureMatchesQuery } from './measures-api';

const badge = { met: 'success', unknown: 'warning', not_met: 'danger' } as const;

/** "Which measures fit?" on the person page: loaded on request (it is an audited read of the profile). */
export function MeasureMatchesSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLanguage();
  const [open, setOpen] = useState(false);
  const allowed = hasPermission(me.data, 'profile.read') && hasPermission(me.data, 'measure.read');
  const result = useQuery({ ...measureMatchesQuery(personId), enabled: allowed && open, retry: false });
  if (!allowed || (result.error instanceof ApiError && result.error.status === 403)) return null;
  const data = result.data;
  return (
    <SectionCard
      id="measure-matches"
      title={t('measures.matches.title')}
      actions={
        !open ? (
          <Button variant="secondary" icon="search" onClick={() => setOpen(true)}>
            {t('measures.matches.title')}
          </Button>
        ) : null
      }
    >
      {open && result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data ? (
        <>
          <p className="kern-body">
            {t('measures.matches.summary', {
              met: data.counts.met,
              unknown: data.counts.unknown,
              notMet: data.counts.notMet,
              date: formatCalendarDay(data.checkedOn),
            })}
          </p>
          {!data.hasProfile ? <p className="kern-body kern-body--small">{t('measures.matches.noProfile')}</p> : null}
          {data.items.length === 0 ? <p className="kern-body">{t('measures.matches.empty')}</p> : null}
          <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
            {data.items.map((item) => (
              <li key={item.measure.id}>
                <span className={`kern-badge kern-badge--${badge[item.outcome]}`}>
                  <span className="kern-label">{t(`measures.matches.${item.outcome}`)}</span>
                </span>{' '}
                <Link className="kern-link" to={paths.measure(item.measure.id)}>
                  {item.measure.title}
                </Link>{' '}
                <span className="kern-body kern-body--small">({item.measure.agency.name})</span>
                {item.results.length > 0 ? (
                  <ul className="kern-list">
                    {item.results.map((r, i) => (
                      <li key={i} className="kern-body kern-body--small">
                        {t(`measures.matches.${r.outcome}`)}: {r.explanation[lang]} (
                        {r.source === 'agency' ? t('measures.matches.sourceAgency') : t('measures.matches.sourceMeasure')})
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </SectionCard>
  );
}
