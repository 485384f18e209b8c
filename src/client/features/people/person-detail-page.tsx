import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Person } from '../../../shared/contracts/people';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { zodOptions } from '../../lib/form-errors';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { peopleApi, personDetailQuery } from './people-api';
import { countryList, countryName, formatDateOfBirth, personName } from './people-format';
import { PersonFormFields } from './person-form-fields';
import {
  PERSON_FORM_FIELDS,
  personFormSchema,
  personToForm,
  type PersonFormInput,
  type PersonFormOutput,
} from './person-form-schema';

function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const notSet = t('common.notSet');
  return (
    <section className="lotse-section" aria-labelledby="person-data-title">
      <h2 className="kern-heading-medium" id="person-data-title">
        {t('people.baseDataTitle')}
      </h2>
      <DescriptionList
        items={[
          { key: 'givenNames', term: t('people.givenNames'), value: person.givenNames },
          { key: 'familyName', term: t('people.familyName'), value: person.familyName },
          { key: 'nameOrder', term: t('people.nameOrder'), value: t(`people.nameOrders.${person.nameOrder}`) },
          { key: 'sex', term: t('people.sex'), value: t(`people.sexes.${person.sex}`) },
          { key: 'dob', term: t('people.dateOfBirth'), value: formatDateOfBirth(person.dateOfBirth, t) },
          { key: 'placeOfBirth', term: t('people.placeOfBirth'), value: person.placeOfBirth ?? notSet },
          {
            key: 'countryOfBirth',
            term: t('people.countryOfBirth'),
            value: person.countryOfBirth ? countryName(person.countryOfBirth) : notSet,
          },
          { key: 'nationalities', term: t('people.nationalities'), value: countryList(person.nationalities, t) },
          { key: 'registeredBy', term: t('people.registeredBy'), value: person.registeredBy.name },
          { key: 'createdAt', term: t('people.createdAt'), value: formatDateTime(person.createdAt) },
          { key: 'updatedAt', term: t('people.updatedAt'), value: formatDateTime(person.updatedAt) },
        ]}
      />
      <h3 className="kern-heading-small">{t('people.nameVariants')}</h3>
      {person.nameVariants.length ? (
        <ul className="kern-list">
          {person.nameVariants.map((variant, index) => (
            <li key={index}>
              <span className="kern-badge kern-badge--info">
                <span className="kern-label">{t(`people.variantKinds.${variant.kind}`)}</span>
              </span>{' '}
              <span>{[variant.givenNames, variant.familyName].filter(Boolean).join(' ')}</span>
              {variant.script ? ` (${variant.script})` : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('people.noNameVariants')}</p>
      )}
      <h3 className="kern-heading-small">{t('people.identifiers')}</h3>
      {person.identifiers.length ? (
        <DescriptionList
          items={person.identifiers.map((identifier, index) => ({
            key: `${identifier.kind}-${index}`,
            term: t(`people.identifierKinds.${identifier.kind}`),
            value: identifier.value,
          }))}
        />
      ) : (
        <p className="kern-body">{t('people.noIdentifiers')}</p>
      )}
    </section>
  );
}

type PersonEditFormProps = { person: Person; onSaved: (person: Person) => void; onStale: () => void };

function PersonEditForm({ person, onSaved, onStale }: PersonEditFormProps) {
  const { t } = useTranslation();
  const summary = useFormSummary('person-edit');
  const form = useForm<PersonFormInput, unknown, PersonFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(personFormSchema, zodOptions),
    defaultValues: personToForm(person),
  });
  const save = useMutation({ mutationFn: (values: PersonFormOutput) => peopleApi.update(person.id, person.version, values) });

  const onSubmit = form.handleSubmit(
    (values) =>
      save.mutate(values, {
        onSuccess: (updated) => {
          summary.clear();
          onSaved(updated);
        },
        onError: (error) => {
          if (isApiError(error, 412)) {
            summary.clear();
            onStale();
            return;
          }
          summary.showServerError(error, form.setError, PERSON_FORM_FIELDS);
        },
      }),
    summary.showFieldErrors,
  );

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="lotse-stack lotse-form-narrow" aria-labelledby="person-edit-title">
      <h2 className="kern-heading-medium" id="person-edit-title">
        {t('people.editTitle')}
      </h2>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <PersonFormFields form={form} fieldId={summary.id} />
      <div>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}

export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const person = useQuery(personDetailQuery(id));
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const [message, setMessage] = useState<{ text: string; key: number } | null>(
    justCreated ? { text: t('people.created'), key: 0 } : null,
  );
  const [stale, setStale] = useState(false);
  const canWrite = hasPermission(me, 'person.write');

  if (person.isPending) return <Loading />;
  if (person.error) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  const data = person.data;
  const name = personName(data);

  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.people}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('people.backToSearch')}
        </Link>
      </p>
      <PageHeading title={name} preline={t('nav.people')} documentTitle={t('people.detailTitle', { name })} />

      <div role="status">
        {message ? <Alert key={message.key} tone="success" title={message.text} role="none" /> : null}
      </div>
      {stale ? (
        <Alert tone="danger" role="alert" title={t('people.staleTitle')}>
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                setStale(false);
                setMessage(null);
                void person.refetch();
              }}
            >
              {t('people.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}

      <div className="lotse-sections">
        <PersonFacts person={data} />
        {canWrite ? (
          <PersonEditForm
            key={data.version}
            person={data}
            onSaved={(updated) => {
              queryClient.setQueryData(personDetailQuery(updated.id).queryKey, updated);
              void queryClient.invalidateQueries({ queryKey: ['people', 'search'] });
              setStale(false);
              setMessage({ text: t('people.saved'), key: Date.now() });
            }}
            onStale={() => {
              setMessage(null);
              setStale(true);
            }}
          />
        ) : (
          <p className="kern-body">{t('people.readOnlyNotice')}</p>
        )}
      </div>
    </>
  );
}
