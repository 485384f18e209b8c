import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralCriteria } from '../../../shared/contracts/referral-criteria';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { agenciesQuery } from './referrals-api';
import { CriteriaEditor, criterionToDraft, draftFieldId, draftsToCriteria, type CriterionDraft, type DraftErrors } from './criteria-editor';
import { referralCriteriaQuery, saveReferralCriteria } from './measures-api';

/** paths.referralCriteria: each receiving agency's acceptance criteria; the own agency's are edited here. */
export function ReferralCriteriaPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setParams] = useSearchParamUpdate();
  const agencies = useQuery(agenciesQuery);
  const agencyId = search.get('stelle') || me.data?.agency.id || '';
  const result = useQuery({ ...referralCriteriaQuery(agencyId), enabled: agencyId !== '' });
  const [notice, setNotice] = useState<Notice | null>(null);

  return (
    <>
      <PageHeading title={t('measures.agencyCriteria.title')}>{t('measures.agencyCriteria.intro')}</PageHeading>
      <SelectField
        id="criteria-agency"
        label={t('measures.agencyCriteria.agency')}
        value={agencyId}
        options={(agencies.data?.items ?? [])
          .filter((a) => a.kind !== 'steering')
          .map((a) => ({ value: a.id, label: a.name }))}
        onChange={(e) => setParams({ stelle: e.target.value || null }, { replace: true })}
      />
      <SuccessNotice notice={notice} />
      {result.isPending && agencyId ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data ? (
        <CriteriaCard
          key={`${result.data.agency.id}:${result.data.version}`}
          data={result.data}
          onSaved={() => setNotice({ text: t('measures.agencyCriteria.saved'), key: Date.now() })}
        />
      ) : null}
    </>
  );
}

function CriteriaCard({ data, onSaved }: { data: ReferralCriteria; onSaved: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const lang = currentLanguage();
  const initial = () => data.criteria.map((c) => criterionToDraft(c.criterion));
  const [drafts, setDrafts] = useState<CriterionDraft[]>(initial);
  const [draftErrors, setDraftErrors] = useState<DraftErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setAttempt((n) => n + 1);
    setGeneral(null);
    const converted = draftsToCriteria(drafts, t);
    setDraftErrors(converted.errors);
    if (Object.keys(converted.errors).length > 0) return;
    setPending(true);
    try {
      const saved = await saveReferralCriteria(data.agency.id, data.version, converted.criteria);
      qc.setQueryData(referralCriteriaQuery(data.agency.id).queryKey, saved);
      onSaved();
    } catch (error) {
      setGeneral(errorMessage(error, t));
    } finally {
      setPending(false);
    }
  }

  const summary: SummaryItem[] = [
    ...(general ? [{ message: general }] : []),
    ...Object.entries(draftErrors).flatMap(([key, fields]) =>
      Object.entries(fields).map(([f, message]) => ({ fieldId: draftFieldId('agency-criteria', Number(key), f), message })),
    ),
  ];

  return (
    <SectionCard id="agency-criteria-card" title={data.agency.name}>
      <p className="kern-body kern-body--small">
        {data.updatedAt
          ? t('measures.agencyCriteria.version', { version: data.version, date: formatDateTime(data.updatedAt) })
          : t('measures.agencyCriteria.neverSet')}
      </p>
      {data.mayEdit ? (
        <form className="lotse-stack" noValidate onSubmit={(ev) => void submit(ev)} aria-label={t('measures.agencyCriteria.editOwn')}>
          <ErrorSummary items={summary} focusKey={attempt} />
          <CriteriaEditor
            id="agency-criteria"
            legend={t('measures.agencyCriteria.editOwn')}
            drafts={drafts}
            onChange={setDrafts}
            errors={draftErrors}
          />
          <FormActions
            submitLabel={t('measures.agencyCriteria.save')}
            pending={pending}
            onCancel={() => {
              setDrafts(initial());
              setDraftErrors({});
            }}
          />
        </form>
      ) : (
        <>
          {data.criteria.length === 0 ? (
            <p className="kern-body">{t('measures.noCriteria')}</p>
          ) : (
            <ul className="kern-list">
              {data.criteria.map((c, i) => (
                <li key={i}>{c.description[lang]}</li>
              ))}
            </ul>
          )}
          <p className="kern-body kern-body--small">{t('measures.agencyCriteria.readOnly')}</p>
        </>
      )}
    </SectionCard>
  );
}
