import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Measure } from '../../../shared/contracts/measures';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage } from '../../lib/errors';
import { currentLanguage } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { createMeasure, invalidateMeasures, measureQuery, updateMeasure } from './measures-api';
import { MeasureForm } from './measure-form';
import { measurePeriod, measurePlaces } from './measures-page';

/** paths.measureNew: a new measure of the caller's agency. */
export function MeasureNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <>
      <PageHeading title={t('measures.newMeasure')} />
      <p>
        <Link className="kern-link" to={paths.measures}>
          {t('measures.backToList')}
        </Link>
      </p>
      <MeasureForm
        submitLabel={t('common.save')}
        onCancel={() => void navigate(paths.measures)}
        onSubmit={async (values) => {
          const created = await createMeasure(values);
          await invalidateMeasures(qc);
          void navigate(paths.measure(created.id), { state: { saved: true } });
        }}
      />
    </>
  );
}

/** paths.measure(id): one measure; its keepers edit or end it here. */
export function MeasurePage() {
  const { id = '' } = useParams();
  const result = useQuery(measureQuery(id));
  const [notice, setNotice] = useState<Notice | null>(null);
  if (result.isPending) return <Loading />;
  if (result.error) return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  return <MeasureView key={`${result.data.id}:${result.data.version}`} measure={result.data} notice={notice} setNotice={setNotice} />;
}

function MeasureView({
  measure,
  notice,
  setNotice,
}: {
  measure: Measure;
  notice: Notice | null;
  setNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const lang = currentLanguage();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: () => updateMeasure(measure.id, measure.version, { active: !measure.active }),
    onSuccess: async (updated) => {
      setConfirming(false);
      setNotice({ text: updated.active ? t('measures.reactivated') : t('measures.deactivated'), key: Date.now() });
      await invalidateMeasures(qc);
    },
  });

  return (
    <>
      <PageHeading title={measure.title} preline={t(`measures.kinds.${measure.kind}`)} />
      <p>
        <Link className="kern-link" to={paths.measures}>
          {t('measures.backToList')}
        </Link>
      </p>
      <SuccessNotice notice={notice} />
      {editing ? (
        <SectionCard id="measure-edit" title={t('measures.editMeasure')}>
          <MeasureForm
            initial={measure}
            submitLabel={t('common.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              await updateMeasure(measure.id, measure.version, values);
              setEditing(false);
              setNotice({ text: t('measures.saved'), key: Date.now() });
              await invalidateMeasures(qc);
            }}
          />
        </SectionCard>
      ) : (
        <SectionCard
          id="measure-details"
          title={measure.title}
          actions={
            measure.mayManage ? (
              <>
                <Button variant="secondary" icon="edit" onClick={() => setEditing(true)}>
                  {t('measures.editMeasure')}
                </Button>
                <Button variant="secondary" onClick={() => (measure.active ? setConfirming(true) : toggle.mutate())}>
                  {measure.active ? t('measures.deactivate') : t('measures.reactivate')}
                </Button>
              </>
            ) : null
          }
        >
          {!measure.active ? (
            <p>
              <span className="kern-badge kern-badge--warning">
                <span className="kern-label">{t('measures.inactive')}</span>
              </span>
            </p>
          ) : null}
          {measure.description ? <p className="kern-body">{measure.description}</p> : null}
          <DescriptionList
            items={[
              { key: 'provider', term: t('measures.fields.provider'), value: measure.provider },
              { key: 'agency', term: t('measures.fields.agency'), value: measure.agency.name },
              { key: 'dates', term: t('measures.columns.dates'), value: measurePeriod(measure, t) },
              { key: 'places', term: t('measures.fields.places'), value: measurePlaces(measure, t) },
              { key: 'location', term: t('measures.fields.location'), value: measure.location ?? '–' },
              { key: 'district', term: t('measures.fields.district'), value: measure.district?.name ?? '–' },
            ]}
          />
          <h3 className="kern-title">{t('measures.criteriaTitle')}</h3>
          {measure.criteria.length === 0 ? (
            <p className="kern-body">{t('measures.noCriteria')}</p>
          ) : (
            <ul className="kern-list">
              {measure.criteria.map((c, i) => (
                <li key={i}>{c.description[lang]}</li>
              ))}
            </ul>
          )}
          {!measure.mayManage ? <p className="kern-body kern-body--small">{t('measures.notManaged')}</p> : null}
          {toggle.error && !confirming ? <p className="kern-error">{errorMessage(toggle.error, t)}</p> : null}
        </SectionCard>
      )}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('measures.deactivateTitle')}
        confirmLabel={t('measures.deactivate')}
        onConfirm={() => toggle.mutate()}
        isPending={toggle.isPending}
        error={toggle.error ? errorMessage(toggle.error, t) : null}
      >
        <p className="kern-body">{t('measures.deactivateText')}</p>
      </ConfirmDialog>
    </>
  );
}
