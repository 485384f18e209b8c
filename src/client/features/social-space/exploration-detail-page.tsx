import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { paths } from '../../lib/paths';
import { explorationQuery } from './exploration-api';
import { formatDay } from './exploration-format';
import { FollowUpTable } from './follow-up-list';
import { SocialSpaceNav } from './social-space-nav';

/** One exploration protocol. */
export function ExplorationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const result = useQuery(explorationQuery(id));
  const e = result.data;
  return (
    <>
      <SocialSpaceNav />
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {e ? (
        <>
          <PageHeading
            preline={t('explorations.detail.preline')}
            title={t('explorations.detail.title', { district: e.district.name, date: formatDay(e.exploredOn) })}
          />
          <p>
            <Link className="kern-link" to={paths.explorations}>
              {t('explorations.detail.back')}
            </Link>
          </p>
          {saved ? <Alert tone="success" role="status" title={t('explorations.form.saved')} /> : null}
          <SectionCard id="protocol" title={t('explorations.form.sections.basics')}>
            <DescriptionList
              items={[
                {
                  key: 'recorded',
                  term: t('explorations.detail.recordedBy'),
                  value: `${e.createdBy.displayName} (${e.agency.name})`,
                },
                {
                  key: 'participants',
                  term: t('explorations.detail.participants'),
                  value: e.participants.length
                    ? e.participants.map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name)).join(', ')
                    : t('explorations.detail.none'),
                },
                {
                  key: 'route',
                  term: t('explorations.detail.route'),
                  value: (
                    <span className="lotse-preserve-lines">{e.route ?? t('explorations.detail.notRecorded')}</span>
                  ),
                },
                {
                  key: 'findings',
                  term: t('explorations.detail.findings'),
                  value: (
                    <span className="lotse-preserve-lines">{e.findings ?? t('explorations.detail.notRecorded')}</span>
                  ),
                },
              ]}
            />
          </SectionCard>
          <SectionCard id="stakeholders" title={t('explorations.detail.stakeholders')}>
            {e.stakeholders.length === 0 ? (
              <p className="kern-body">{t('explorations.detail.none')}</p>
            ) : (
              <ul className="kern-list">
                {e.stakeholders.map((s, i) => (
                  <li key={i}>
                    {s.name}
                    {s.role ? `, ${s.role}` : ''}
                    {s.organisation ? ` (${s.organisation})` : ''}
                    {s.service ? (
                      <>
                        {' – '}
                        <Link className="kern-link" to={paths.resource(s.service.id)}>
                          {s.service.name}
                        </Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
          <SectionCard id="resources" title={t('explorations.detail.resources')}>
            {e.resources.length === 0 ? (
              <p className="kern-body">{t('explorations.detail.none')}</p>
            ) : (
              <ul className="kern-list">
                {e.resources.map((r) => (
                  <li key={r.service.id}>
                    <Link className="kern-link" to={paths.resource(r.service.id)}>
                      {r.service.name}
                    </Link>{' '}
                    ({t(`explorations.detail.${r.change}`)}){r.note ? ` – ${r.note}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
          <SectionCard id="addresses" title={t('explorations.detail.addresses')}>
            {e.addresses.length === 0 ? (
              <p className="kern-body">{t('explorations.detail.none')}</p>
            ) : (
              <ul className="kern-list">
                {e.addresses.map((a) => (
                  <li key={a.id}>
                    <Link className="kern-link" to={paths.address(a.id)}>
                      {a.label}
                    </Link>
                    {': '}
                    {t(`socialSpace.mailDelivery.${a.mailDelivery}`)}
                    {a.mailboxPresent === false ? `, ${t('explorations.addresses.mailboxNo')}` : ''}
                    {a.problem ? (
                      <>
                        {' '}
                        <span className="kern-badge kern-badge--danger">
                          <span className="kern-label">{t('explorations.detail.problem')}</span>
                        </span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
          <SectionCard id="follow-ups" title={t('explorations.detail.followUps')}>
            {e.followUps.length === 0 ? (
              <p className="kern-body">{t('explorations.detail.none')}</p>
            ) : (
              <FollowUpTable items={e.followUps} showExploration={false} />
            )}
          </SectionCard>
        </>
      ) : null}
    </>
  );
}
