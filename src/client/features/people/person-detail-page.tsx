import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Person } from '../../../shared/contracts/people';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { isApiError } from '../../lib/errors';
import { formFieldId, zodOptions } from '../../lib/form-errors';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { isWithheld, WithheldNotice, withoutWithheldGroups } from '../../components/data-protection/withheld';
import { PersonAccessSummary } from '../../components/data-protection/person-access-summary';
import { SectionCard } from '../../components/ui/section-card';
import { HouseholdPanel } from './household-panel';
import { PersonCasesPanel } from './person-cases-panel';
import { MergedRedirect, PersonDuplicatesPanel, PersonMergeNotice } from './person-duplicates-panel';
import { peopleApi, personDetailQuery } from './people-api';
import { personName } from './people-format';
import {
  PersonAddressesSection,
  PersonContactsSection,
  PersonCoreData,
  PersonLanguagesSection,
} from './person-detail-sections';
import { PersonFormFields } from './person-form-fields';
import { PersonLegalPanel } from './person-legal-panel';
import {
  PERSON_FORM_FIELDS,
  personFormSchema,
  personToForm,
  type PersonFormInput,
  type PersonFormOutput,
} from './person-form-schema';
import { ResidenceDocumentsPanel, ResidenceDocumentWarning } from './residence-documents-panel';

const EDIT_FORM_ID = 'person-edit';

type PersonEditFormProps = { person: Person; onSaved: (person: Person) => void; onStale: () => void };

function PersonEditForm({ person, onSaved, onStale }: PersonEditFormProps) {
  const { t } = useTranslation();
  const summary = useFormSummary(EDIT_FORM_ID);
  const form = useForm<PersonFormInput, unknown, PersonFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(personFormSchema, zodOptions),
    defaultValues: personToForm(person),
  });
  const save = useMutation({
    mutationFn: (values: PersonFormOutput) =>
      peopleApi.update(person.id, person.version, withoutWithheldGroups(values, person.access.withheld)),
  });

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
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-form-narrow"
      aria-labelledby="person-edit-title"
    >
      <h2 className="kern-heading-medium" id="person-edit-title">
        {t('people.editTitle')}
      </h2>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <PersonFormFields form={form} fieldId={summary.id} withheld={person.access.withheld} />
      <div>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}

/**
 * What other features add to the person page, composed in src/client/app (features do not import
 * each other): a banner above the sections (emergency access) and panels after the legal-domain
 * panel (consents, transfers).
 */
export type PersonPageSlots = {
  banner?: (person: Person) => ReactNode;
  panels?: (person: Person, canWrite: boolean) => ReactNode;
};

export function PersonDetailPage({ slots = {} }: { slots?: PersonPageSlots }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const person = useQuery(personDetailQuery(id));
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const [message, setMessage] = useState<Notice | null>(justCreated ? { text: t('people.created'), key: 0 } : null);
  const [stale, setStale] = useState(false);
  const canWrite = hasPermission(me, 'person.write');

  if (person.isPending) return <Loading />;
  if (person.error) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  const data = person.data;
  if (data.mergedInto) return <MergedRedirect person={data} />;
  const name = personName(data);
  // The sections' "Bearbeiten" links jump to their fieldset in the edit form below.
  const editTarget = canWrite ? (path: string) => formFieldId(EDIT_FORM_ID, path) : undefined;

  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.people}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('people.backToSearch')}
        </Link>
      </p>
      <PageHeading title={name} preline={t('nav.people')} documentTitle={t('people.detailTitle', { name })} />

      <SuccessNotice notice={message} />
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

      <PersonAccessSummary person={data} />
      {hasPermission(me, 'referral.write') ? (
        <p className="lotse-button-row">
          <Link className="kern-btn kern-btn--secondary" to={paths.referralNew(data.id)}>
            <span className="kern-label">{t('referrals.vermitteln')}</span>
          </Link>
        </p>
      ) : null}
      {slots.banner?.(data)}
      <PersonMergeNotice personId={data.id} />
      {isWithheld(data, 'residence_status') ? null : <ResidenceDocumentWarning personId={data.id} />}

      <div className="lotse-sections">
        <PersonCoreData person={data} editTarget={editTarget} />
        <div className="lotse-grid">
          <PersonLanguagesSection person={data} editTarget={editTarget} />
          <PersonContactsSection person={data} editTarget={editTarget} />
          <PersonAddressesSection person={data} editTarget={editTarget} />
          <HouseholdPanel person={data} canWrite={canWrite} />
        </div>
        <PersonCasesPanel personId={data.id} />
        {hasPermission(me, 'case.read') ? (
          <p>
            <Link className="kern-link" to={paths.personCorrespondence(data.id)}>
              <span className="kern-icon kern-icon--mail" aria-hidden="true" />
              {t('letters.correspondence.linkLabel')}
            </Link>
          </p>
        ) : null}
        {isWithheld(data, 'residence_status') ? (
          <SectionCard id="person-residence" title={t('dataProtection.withheldResidenceTitle')}>
            <WithheldNotice category="residence_status" />
          </SectionCard>
        ) : (
          <>
            <ResidenceDocumentsPanel personId={data.id} canWrite={canWrite} />
            <PersonLegalPanel person={data} />
          </>
        )}
        {slots.panels?.(data, canWrite)}
        <PersonDuplicatesPanel personId={data.id} />
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
