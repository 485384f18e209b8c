import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { Person } from '../../../shared/contracts/people';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary } from '../../components/ui/error-summary';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { zodOptions } from '../../lib/form-errors';
import { paths } from '../../lib/paths';
import { useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { caseChanged, casePersonQuery, casesApi } from './cases-api';
import { personLabel } from './case-format';

const formSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** '' = the person alone; otherwise the id of a current household of the person. */
  householdId: z.string(),
});
type FormValues = z.infer<typeof formSchema>;
const FIELDS = ['title', 'householdId'] as const;

function CaseCreateForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const summary = useFormSummary('case-create');
  const households = person.households.filter((h) => h.current);
  const form = useForm<FormValues>({
    shouldFocusError: false,
    resolver: zodResolver(formSchema, zodOptions),
    defaultValues: { title: '', householdId: '' },
  });
  const create = useMutation({
    mutationFn: (values: FormValues) =>
      casesApi.create({ personId: person.id, title: values.title, householdId: values.householdId || null }),
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(
    (values) =>
      create.mutate(values, {
        onSuccess: (created) => {
          caseChanged(queryClient, created);
          void navigate(paths.case(created.id), { state: { created: true } });
        },
        onError: (error) => summary.showServerError(error, form.setError, FIELDS),
      }),
    summary.showFieldErrors,
  );

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-form-narrow"
      aria-labelledby="page-title"
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <p className="kern-body">
        {t('cases.create.forPerson')}{' '}
        <Link className="kern-link" to={paths.person(person.id)}>
          {personLabel(person)}
        </Link>
      </p>
      <TextField
        id={summary.id('title')}
        label={t('cases.fields.title')}
        hint={t('cases.create.titleHint')}
        autoComplete="off"
        error={errors.title?.message}
        registration={form.register('title')}
      />
      {households.length ? (
        <SelectField
          id={summary.id('householdId')}
          label={t('cases.create.scope')}
          hint={t('cases.create.scopeHint')}
          error={errors.householdId?.message}
          options={[
            { value: '', label: t('cases.create.personOnly') },
            ...households.map((h) => ({
              value: h.householdId,
              label: t('cases.create.wholeHousehold', { name: h.name ?? t(`cases.householdKinds.${h.kind}`) }),
            })),
          ]}
          registration={form.register('householdId')}
        />
      ) : null}
      <p className="kern-body">{t('cases.create.leadIsMe', { name: me?.user.displayName ?? '' })}</p>
      <div className="lotse-button-row">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('cases.create.submit')}
        </Button>
        <Link className="kern-link" to={paths.person(person.id)}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** "Fall anlegen" for the person named in the address (?person=…). */
export function CaseCreatePage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const personId = search.get('person') ?? '';
  const person = useQuery({ ...casePersonQuery(personId), enabled: personId !== '' });
  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.cases}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('cases.backToList')}
        </Link>
      </p>
      <PageHeading title={t('cases.create.title')} />
      {personId === '' ? (
        <EmptyState title={t('cases.create.noPersonTitle')} headingLevel={2}>
          {t('cases.create.noPersonText')}
        </EmptyState>
      ) : person.isPending ? (
        <Loading />
      ) : person.error ? (
        <QueryError error={person.error} onRetry={() => void person.refetch()} />
      ) : (
        <CaseCreateForm person={person.data} />
      )}
    </>
  );
}
