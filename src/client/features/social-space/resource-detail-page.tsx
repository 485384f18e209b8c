import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ResourceDetail } from '../../../shared/contracts/resources';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage } from '../../lib/errors';
import { paths } from '../../lib/paths';
import { formatCalendarDate } from './districts-format';
import { resourceApi, resourceEditPath, resourceQuery, resourceTaxonomyQuery } from './resource-api';
import { ResourceStatusBadge, useCategoryName, useLanguageName, VerificationText } from './resource-format';
import { SocialSpaceNav } from './social-space-nav';

/** One entry of the directory with every field, its use in plans, verification, edit and delete. */
export function ResourceDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const result = useQuery(resourceQuery(id));
  return (
    <>
      <SocialSpaceNav />
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data ? <ResourceView r={result.data} /> : null}
      <p>
        <Link className="kern-link" to={paths.resources}>
          {t('resources.detail.back')}
        </Link>
      </p>
    </>
  );
}

function ResourceView({ r }: { r: ResourceDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const terms = useQuery(resourceTaxonomyQuery);
  const categoryName = useCategoryName(terms.data?.items);
  const languageName = useLanguageName();
  const none = t('resources.detail.notSet');

  const verify = useMutation({
    mutationFn: () => resourceApi.verify(r),
    onSuccess: (next) => {
      queryClient.setQueryData(resourceQuery(r.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['resources', 'list'] });
      setNotice({ text: t('resources.detail.verified'), key: Date.now() });
    },
  });
  const remove = useMutation({
    mutationFn: () => resourceApi.remove(r.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['resources'] });
      void navigate(paths.resources);
    },
  });

  const ages =
    r.minimumAge !== null && r.maximumAge !== null
      ? t('resources.detail.ageRange', { min: r.minimumAge, max: r.maximumAge })
      : r.minimumAge !== null
        ? t('resources.detail.ageFrom', { min: r.minimumAge })
        : r.maximumAge !== null
          ? t('resources.detail.ageTo', { max: r.maximumAge })
          : none;
  const loc = r.location;
  return (
    <>
      <PageHeading title={r.name} preline={r.organization.name}>
        {r.description}
      </PageHeading>
      <SuccessNotice notice={notice} />
      {r.status === 'temporarily closed' ? (
        <Alert tone="warning" title={t('resources.detail.closedNotice')}>
          {r.alert ? <p className="kern-body">{r.alert}</p> : null}
        </Alert>
      ) : null}
      {r.status === 'defunct' ? (
        <Alert tone="danger" title={t('resources.detail.defunctNotice')}>
          {r.alert ?? null}
        </Alert>
      ) : null}
      <p className="kern-body">
        <ResourceStatusBadge status={r.status} />{' '}
        <strong>{t('resources.detail.planUse', { count: r.openPlanCount })}</strong>
      </p>
      <div className="lotse-toolbar">
        {r.canEdit ? (
          <Link className="kern-btn kern-btn--primary" to={resourceEditPath(r.id)}>
            <span className="kern-label">{t('resources.detail.edit')}</span>
          </Link>
        ) : null}
        {r.canEdit ? (
          <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {t('resources.detail.verify')}
          </Button>
        ) : null}
        {r.canDelete ? (
          <Button variant="secondary" onClick={() => setConfirmDelete(true)}>
            {t('resources.detail.delete')}
          </Button>
        ) : null}
      </div>
      {verify.error ? <Alert tone="danger" role="alert" title={errorMessage(verify.error, t)} /> : null}

      <SectionCard id="resource-basics" title={t('resources.detail.organization')}>
        <DescriptionList
          items={[
            { key: 'org', term: t('resources.detail.organization'), value: r.organization.name },
            {
              key: 'cat',
              term: t('resources.detail.categories'),
              value: r.categories.map(categoryName).join(', ') || none,
            },
            { key: 'url', term: t('resources.detail.website'), value: r.url ?? r.organization.website ?? none },
            { key: 'email', term: t('resources.detail.email'), value: r.email ?? r.organization.email ?? none },
          ]}
        />
      </SectionCard>

      <SectionCard id="resource-place" title={t('resources.detail.place')}>
        <DescriptionList
          items={[
            {
              key: 'address',
              term: t('resources.detail.address'),
              value: loc?.street
                ? `${loc.name ? `${loc.name}, ` : ''}${loc.street} ${loc.houseNumber ?? ''}, ${loc.postalCode ?? ''} ${loc.city ?? ''}`
                : none,
            },
            { key: 'district', term: t('resources.detail.district'), value: loc?.district?.name ?? none },
            { key: 'access', term: t('resources.detail.accessibility'), value: loc?.accessibility ?? none },
            { key: 'transport', term: t('resources.detail.transportation'), value: loc?.transportation ?? none },
          ]}
        />
      </SectionCard>

      <SectionCard id="resource-hours" title={t('resources.detail.hours')}>
        {r.schedules.length === 0 ? (
          <p className="kern-body">{t('resources.detail.noHours')}</p>
        ) : (
          <ul className="kern-list">
            {r.schedules.map((s, i) => (
              <li key={i}>
                {t('resources.detail.hoursLine', {
                  days: s.byDay.map((d) => t(`resources.daysLong.${d}`)).join(', '),
                  from: s.opensAt ?? '',
                  to: s.closesAt ?? '',
                })}
                {s.description ? ` (${s.description})` : ''}
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <SectionCard id="resource-access" title={t('resources.form.sections.access')}>
        <DescriptionList
          items={[
            {
              key: 'lang',
              term: t('resources.detail.languages'),
              value: r.languages.map(languageName).join(', ') || none,
            },
            {
              key: 'cost',
              term: t('resources.detail.cost'),
              value:
                [r.cost ? t(`resources.cost.${r.cost}`) : null, r.costDescription].filter(Boolean).join(' – ') || none,
            },
            { key: 'elig', term: t('resources.detail.eligibility'), value: r.eligibility ?? none },
            { key: 'ages', term: t('resources.detail.ages'), value: ages },
          ]}
        />
      </SectionCard>

      <SectionCard id="resource-contacts" title={t('resources.detail.contacts')}>
        {r.contacts.length === 0 ? (
          <p className="kern-body">{t('resources.detail.noContacts')}</p>
        ) : (
          <ul className="kern-list">
            {r.contacts.map((c, i) => (
              <li key={i}>
                <strong>{c.name}</strong>
                {c.role ? `, ${c.role}` : ''}
                {c.phone ? ` · ${c.phone}` : ''}
                {c.email ? ` · ${c.email}` : ''} (
                {c.public ? t('resources.detail.public') : t('resources.detail.internal')})
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <SectionCard id="resource-internal" title={t('resources.detail.internalNote')}>
        <p className="kern-body kern-body--small">{t('resources.detail.internalNoteHint')}</p>
        <p className="kern-body">{r.internalNote ?? none}</p>
      </SectionCard>

      <SectionCard id="resource-verification" title={t('resources.detail.verification')}>
        <p className="kern-body">
          {r.verifiedOn
            ? r.verifiedBy
              ? t('resources.detail.verifiedOn', {
                  date: formatCalendarDate(r.verifiedOn, i18n.language),
                  name: r.verifiedBy.displayName,
                })
              : t('resources.detail.verifiedOnNoName', { date: formatCalendarDate(r.verifiedOn, i18n.language) })
            : null}{' '}
          {r.verificationOverdue ? <VerificationText r={r} /> : null}
        </p>
      </SectionCard>

      <ConfirmDialog
        isOpen={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={t('resources.detail.deleteTitle')}
        confirmLabel={t('resources.detail.deleteConfirm')}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
      >
        <p className="kern-body">{t('resources.detail.deleteText', { name: r.name })}</p>
      </ConfirmDialog>
    </>
  );
}
