import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { dateOfBirthInputSchema, iso2Schema } from '../../../shared/contracts/people';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { PageHeading } from '../../components/ui/page-heading';
import { isApiError } from '../../lib/errors';
import { zodOptions } from '../../lib/form-errors';
import { paths } from '../../lib/paths';
import { useFormSummary } from '../../lib/use-form-summary';
import { DuplicateCandidates } from './duplicate-candidates';
import { duplicateCheckQuery, peopleApi, type DuplicateCheckParams } from './people-api';
import { PersonFormFields } from './person-form-fields';
import {
  emptyPersonForm,
  PERSON_FORM_FIELDS,
  personFormSchema,
  type PersonFormInput,
  type PersonFormOutput,
} from './person-form-schema';
import { useDebouncedValue } from './use-debounced-value';

const DEBOUNCE_MS = 300;

function validOrNull<T>(
  schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
  value: string,
): T | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const parsed = schema.safeParse(trimmed);
  return parsed.success ? (parsed.data ?? null) : null;
}

/** What the duplicate check gets from the form as it is being filled in. */
function useDuplicateCheckParams(form: ReturnType<typeof useForm<PersonFormInput, unknown, PersonFormOutput>>) {
  const [givenNames, familyName, dateOfBirth, placeOfBirth, nationalities] = useWatch({
    control: form.control,
    name: ['givenNames', 'familyName', 'dateOfBirth', 'placeOfBirth', 'nationalities'],
  });
  const firstNationality = nationalities.split(/[,;\s]+/).find(Boolean) ?? '';
  const params: DuplicateCheckParams = {
    givenNames: givenNames.trim(),
    familyName: familyName.trim(),
    dateOfBirth: validOrNull<string>(dateOfBirthInputSchema, dateOfBirth),
    placeOfBirth: placeOfBirth.trim() || null,
    nationality: validOrNull<string>(iso2Schema, firstNationality),
  };
  const debounced = useDebouncedValue(JSON.stringify(params), DEBOUNCE_MS);
  return JSON.parse(debounced) as DuplicateCheckParams;
}

export function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const summary = useFormSummary('person-create');
  const form = useForm<PersonFormInput, unknown, PersonFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(personFormSchema, zodOptions),
    defaultValues: emptyPersonForm,
  });
  const [suspected, setSuspected] = useState(false);
  const suspectedRef = useRef<HTMLDivElement>(null);

  const checkParams = useDuplicateCheckParams(form);
  const checkEnabled = !!checkParams.givenNames && !!checkParams.familyName;
  const duplicates = useQuery(duplicateCheckQuery(checkParams, checkEnabled));
  const create = useMutation({ mutationFn: peopleApi.create });

  useEffect(() => {
    if (suspected) suspectedRef.current?.focus();
  }, [suspected]);

  function submit(values: PersonFormOutput, duplicatesReviewed: boolean) {
    create.mutate(
      { ...values, duplicatesReviewed },
      {
        onSuccess: (person) => {
          queryClient.setQueryData(['people', 'detail', person.id], person);
          void queryClient.invalidateQueries({ queryKey: ['people', 'search'] });
          void queryClient.invalidateQueries({ queryKey: ['people', 'duplicate-check'] });
          void navigate(paths.person(person.id), { state: { created: true } });
        },
        onError: (error) => {
          if (isApiError(error, 409) && error.code === 'DUPLICATE_SUSPECTED') {
            summary.clear();
            setSuspected(true);
            void duplicates.refetch();
            return;
          }
          summary.showServerError(error, form.setError, PERSON_FORM_FIELDS);
        },
      },
    );
  }

  const onSubmit = form.handleSubmit((values) => submit(values, false), summary.showFieldErrors);
  const onConfirmDifferent = form.handleSubmit((values) => submit(values, true), summary.showFieldErrors);

  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.people}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('people.backToSearch')}
        </Link>
      </p>
      <PageHeading title={t('people.createTitle')}>{t('people.createIntro')}</PageHeading>
      <div className="lotse-detail-layout">
        <form
          noValidate
          onSubmit={(event) => void onSubmit(event)}
          className="lotse-stack"
          aria-labelledby="page-title"
          onChange={() => setSuspected(false)}
        >
          <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
          <PersonFormFields form={form} fieldId={summary.id} />
          {suspected ? (
            <Alert
              ref={suspectedRef}
              tabIndex={-1}
              tone="warning"
              role="alert"
              title={t('people.duplicateSuspectedTitle')}
              className="lotse-error-summary"
            >
              <p className="kern-body">{t('people.duplicateSuspectedText')}</p>
              <div>
                <Button variant="secondary" disabled={create.isPending} onClick={() => void onConfirmDifferent()}>
                  {t('people.confirmDifferent')}
                </Button>
              </div>
            </Alert>
          ) : null}
          <div className="lotse-button-row">
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('people.submit')}
            </Button>
          </div>
        </form>
        <DuplicateCandidates
          candidates={checkEnabled ? duplicates.data?.candidates : undefined}
          checking={checkEnabled && duplicates.isFetching}
        />
      </div>
    </>
  );
}
