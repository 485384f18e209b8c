import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { REFERRAL_NOTE_MAX, REFERRAL_PURPOSE_MAX } from '../../../shared/contracts/referrals';
import { Alert } from '../../components/ui/alert';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { PageHeading } from '../../components/ui/page-heading';
import { paths } from '../../lib/paths';
import { useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './referral-format';
import { agenciesQuery, agencyMeasuresQuery, referralsApi, referralsChanged } from './referrals-api';

type Values = { toAgencyId: string; measureId: string; purpose: string; note: string; followUpOn: string };
const FIELDS = ['toAgencyId', 'measureId', 'purpose', 'note', 'followUpOn'] as const;

/** "Neue Vermittlung": a draft referral of one person to another agency, optionally to one of its measures. */
export function ReferralNewPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const personId = search.get('person') ?? '';
  const caseId = search.get('fall');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const summary = useFormSummary('referral-new');
  const agencies = useQuery(agenciesQuery);
  const form = useForm<Values>({
    shouldFocusError: false,
    defaultValues: { toAgencyId: '', measureId: '', purpose: '', note: '', followUpOn: '' },
  });
  const toAgencyId = useWatch({ control: form.control, name: 'toAgencyId' });
  const measures = useQuery(agencyMeasuresQuery(toAgencyId));
  const create = useMutation({
    mutationFn: (values: Values) =>
      referralsApi.create(personId, {
        toAgencyId: values.toAgencyId,
        measureId: values.measureId || null,
        caseId: caseId || null,
        purpose: values.purpose.trim(),
        note: values.note.trim() || null,
        followUpOn: values.followUpOn || null,
      }),
  });

  if (!/^[0-9a-f-]{36}$/i.test(personId)) {
    return (
      <>
        <PageHeading title={t('referrals.new.title')} />
        <Alert tone="info" title={t('referrals.new.noPerson')} />
      </>
    );
  }

  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit((values) => {
    const problems: [keyof Values, string][] = [];
    if (!values.toAgencyId) problems.push(['toAgencyId', t('validation.required')]);
    if (!values.purpose.trim()) problems.push(['purpose', t('validation.required')]);
    if (problems.length) {
      for (const [field, message] of problems) form.setError(field, { type: 'rule', message });
      summary.showFieldErrors(ruleErrors(problems));
      return;
    }
    create.mutate(values, {
      onSuccess: (referral) => {
        referralsChanged(queryClient, referral);
        void navigate(paths.referral(referral.id));
      },
      onError: (error) => summary.showServerError(error, form.setError, FIELDS),
    });
  });

  const agencyOptions = (agencies.data?.items ?? []).filter((a) => a.id !== me?.agency.id && a.kind !== 'steering');
  const agencyField = form.register('toAgencyId');
  return (
    <>
      <PageHeading title={t('referrals.new.title')}>{t('referrals.new.intro')}</PageHeading>
      <p className="kern-body">
        <Link className="kern-link" to={paths.person(personId)}>
          {t('personMerge.backToPerson')}
        </Link>
      </p>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        className="lotse-stack"
        aria-label={t('referrals.new.title')}
      >
        <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
        <SelectField
          id={summary.id('toAgencyId')}
          label={t('referrals.fields.toAgency')}
          error={errors.toAgencyId?.message}
          options={[
            { value: '', label: t('referrals.new.chooseAgency') },
            ...agencyOptions.map((a) => ({ value: a.id, label: a.name })),
          ]}
          registration={{
            ...agencyField,
            onChange: async (event) => {
              form.setValue('measureId', '');
              await agencyField.onChange(event);
            },
          }}
        />
        <SelectField
          id={summary.id('measureId')}
          label={t('referrals.fields.measure')}
          optional
          hint={measures.isError ? t('referrals.new.measuresUnavailable') : t('referrals.new.measureHint')}
          error={errors.measureId?.message}
          disabled={!toAgencyId}
          options={[
            { value: '', label: t('referrals.noMeasure') },
            ...(measures.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.title} (${m.provider})` })),
          ]}
          registration={form.register('measureId')}
        />
        <TextAreaField
          id={summary.id('purpose')}
          label={t('referrals.fields.purpose')}
          hint={t('referrals.new.purposeHint')}
          rows={3}
          maxLength={REFERRAL_PURPOSE_MAX}
          error={errors.purpose?.message}
          registration={form.register('purpose')}
        />
        <TextAreaField
          id={summary.id('note')}
          label={t('referrals.fields.note')}
          optional
          rows={3}
          maxLength={REFERRAL_NOTE_MAX}
          error={errors.note?.message}
          registration={form.register('note')}
        />
        <TextField
          id={summary.id('followUpOn')}
          label={t('referrals.fields.followUpOn')}
          hint={t('referrals.new.followUpHint')}
          optional
          type="date"
          width={4}
          error={errors.followUpOn?.message}
          registration={form.register('followUpOn')}
        />
        <FormActions
          submitLabel={t('referrals.new.submit')}
          pending={create.isPending}
          onCancel={() => void navigate(paths.person(personId))}
        />
      </form>
    </>
  );
}
