import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AgencyDetail } from '../../../shared/contracts/agencies';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { agencyDetailQuery, agencyListQuery } from './agencies-api';
import { AgencyEditForm } from './agency-edit-form';
import { TeamCreateForm } from './team-create-form';

function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p className="kern-body lotse-preserve-lines" key={index}>
          {paragraph.trim()}
        </p>
      ))}
    </>
  );
}

function AgencyView({ agency }: { agency: AgencyDetail }) {
  const { t } = useTranslation();
  const contact = agency.contact;
  return (
    <>
      <section aria-labelledby="mandate-title" className="lotse-section">
        <h2 className="kern-heading-medium" id="mandate-title">
          {t('agencies.mandate')}
        </h2>
        <Paragraphs text={agency.mandate} />
      </section>
      <section aria-labelledby="legal-title" className="lotse-section">
        <h2 className="kern-heading-medium" id="legal-title">
          {t('agencies.legalBases')}
        </h2>
        {agency.legalBases.length === 0 ? (
          <p className="kern-body">{t('agencies.legalBasesEmpty')}</p>
        ) : (
          <DescriptionList
            items={agency.legalBases.map((basis, index) => ({
              key: `${basis.norm}-${index}`,
              term: basis.norm,
              value: basis.description,
            }))}
          />
        )}
      </section>
      <section aria-labelledby="contact-title" className="lotse-section">
        <h2 className="kern-heading-medium" id="contact-title">
          {t('agencies.contact')}
        </h2>
        <DescriptionList
          items={[
            {
              key: 'address',
              term: t('agencies.address'),
              value: <span className="lotse-preserve-lines">{contact.address ?? t('common.notSet')}</span>,
            },
            {
              key: 'phone',
              term: t('agencies.phone'),
              value: contact.phone ? (
                <a className="kern-link" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>
                  {contact.phone}
                </a>
              ) : (
                t('common.notSet')
              ),
            },
            {
              key: 'email',
              term: t('agencies.email'),
              value: contact.email ? (
                <a className="kern-link" href={`mailto:${contact.email}`}>
                  {contact.email}
                </a>
              ) : (
                t('common.notSet')
              ),
            },
            { key: 'hours', term: t('agencies.openingHours'), value: contact.openingHours ?? t('common.notSet') },
          ]}
        />
      </section>
    </>
  );
}

export function AgencyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const agency = useQuery(agencyDetailQuery(id));
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [teamMessage, setTeamMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const canManage = hasPermission(me, 'agency.manage');

  useEffect(() => {
    // After saving, the form disappears; put focus on the confirmation so it is not lost.
    if (message) messageRef.current?.focus();
  }, [message]);

  function applyUpdate(updated: AgencyDetail) {
    queryClient.setQueryData(agencyDetailQuery(id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: agencyListQuery.queryKey, exact: true });
  }

  if (agency.isPending) return <Loading />;
  if (agency.error) {
    if (isApiError(agency.error, 404)) {
      return (
        <>
          <PageHeading title={t('errors.notFoundTitle')} />
          <p className="kern-body">{t('errors.notFoundText')}</p>
          <p className="kern-body">
            <Link className="kern-link" to={paths.agencies}>
              {t('agencies.backToList')}
            </Link>
          </p>
        </>
      );
    }
    return <QueryError error={agency.error} onRetry={() => void agency.refetch()} />;
  }
  const data = agency.data;

  return (
    <>
      <p className="kern-body lotse-back-link">
        <Link className="kern-link" to={paths.agencies}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('agencies.backToList')}
        </Link>
      </p>
      <PageHeading
        title={data.name}
        preline={data.name.includes(t(`agencyKinds.${data.kind}`)) ? undefined : t(`agencyKinds.${data.kind}`)}
      >
        {data.shortMandate}
      </PageHeading>

      {message ? <Alert ref={messageRef} tabIndex={-1} tone="success" title={message} /> : null}

      <div className="lotse-detail-layout">
        <div className="lotse-detail-layout__main lotse-stack">
          {editing ? (
            <AgencyEditForm
              agency={data}
              onCancel={() => setEditing(false)}
              onSaved={(updated) => {
                setEditing(false);
                applyUpdate(updated);
                setMessage(t('agencies.saved'));
              }}
            />
          ) : (
            <>
              {canManage ? (
                <div>
                  <Button
                    variant="secondary"
                    icon="edit"
                    onClick={() => {
                      setMessage(null);
                      setEditing(true);
                    }}
                  >
                    {t('agencies.editTitle')}
                  </Button>
                </div>
              ) : null}
              <AgencyView agency={data} />
            </>
          )}
        </div>

        <aside className="lotse-detail-layout__aside" aria-labelledby="teams-title">
          <div className="kern-card kern-card--hug">
            <div className="kern-card__container">
              <header className="kern-card__header">
                <h2 className="kern-title kern-title--large" id="teams-title">
                  {t('agencies.teams')}
                </h2>
              </header>
              <div className="kern-card__body lotse-stack">
                {data.teams.length === 0 ? (
                  <p className="kern-body">{t('agencies.teamsEmpty')}</p>
                ) : (
                  <ul className="kern-list lotse-team-list">
                    {data.teams.map((team) => (
                      <li key={team.id}>
                        <span className="kern-body kern-body--bold">{team.name}</span>{' '}
                        <span className="kern-body kern-body--muted">
                          ({t('agencies.members', { count: team.memberCount })})
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                <DescriptionList
                  columns
                  items={[
                    { key: 'staff', term: t('agencies.staffCount'), value: String(data.staffCount) },
                    { key: 'code', term: t('agencies.code'), value: data.code },
                    {
                      key: 'scope',
                      term: t('recordScope.label'),
                      value: t(`recordScope.short.${data.caseworkerScope}`),
                    },
                    { key: 'updated', term: t('agencies.updatedAt'), value: formatDateTime(data.updatedAt) },
                  ]}
                />
                {canManage ? (
                  <>
                    <div role="status">
                      {teamMessage ? <Alert tone="success" title={teamMessage} role="none" /> : null}
                    </div>
                    <TeamCreateForm
                      agencyId={data.id}
                      onCreated={(updated, name) => {
                        applyUpdate(updated);
                        setTeamMessage(t('agencies.teamCreated', { name }));
                      }}
                    />
                  </>
                ) : null}
              </div>
            </div>
          </div>
        </aside>
      </div>
    </>
  );
}
