import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  addableTeamRoleSchema,
  type Case,
  type CaseTeamMember,
  type TeamMemberBasis,
} from '../../../shared/contracts/cases';
import type { DataCategoryCode } from '../../../shared/contracts/data-protection';
import { categoryLabel } from '../../components/data-protection/withheld';
import { formatCalendarDate } from './case-records-format';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './case-format';
import { caseChanged, casesApi, personConsentsQuery, teamAgenciesQuery } from './cases-api';
import { agencyCaseworkersQuery } from './colleagues-api';
import { SectionCard } from '../../components/ui/section-card';
import { FormActions } from '../../components/ui/form-actions';

type BasisValues = {
  kind: 'consent' | 'legal_basis';
  consentId: string;
  legalBasis: string;
  categories: DataCategoryCode[];
  validUntil: string;
};
type AddValues = { agencyId: string; userId: string; role: 'participant' | 'consulted'; basis: BasisValues };
const ADD_FIELDS = ['agencyId', 'userId', 'role', 'basis'] as const;

/** The basis as the API takes it: the consent, or the norm with the categories (issue 5). */
function basisOf(values: BasisValues): TeamMemberBasis {
  if (values.kind === 'consent') return { kind: 'consent', consentId: values.consentId };
  return {
    kind: 'legal_basis',
    legalBasis: values.legalBasis.trim(),
    categories: values.categories,
    ...(values.validUntil ? { validUntil: values.validUntil } : {}),
  };
}

function AddMemberForm({ value, onDone, onStale }: { value: Case; onDone: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('case-team-add');
  const agencies = useQuery(teamAgenciesQuery);
  const onTeam = new Set(value.team.filter((m) => m.current).map((m) => m.agency.id));
  const candidates = (agencies.data?.items ?? []).filter((a) => !onTeam.has(a.id) && a.kind !== 'steering');
  const form = useForm<AddValues>({
    shouldFocusError: false,
    defaultValues: {
      agencyId: '',
      userId: '',
      role: 'participant',
      basis: { kind: 'legal_basis', consentId: '', legalBasis: '', categories: ['identity'], validUntil: '' },
    },
  });
  const agencyId = useWatch({ control: form.control, name: 'agencyId' });
  const basisKind = useWatch({ control: form.control, name: 'basis.kind' });
  // Consents of the person in force that name the chosen agency; without any, only a legal basis is offered.
  const consents = useQuery({ ...personConsentsQuery(value.person.id), retry: false });
  const usableConsents = (consents.data?.items ?? []).filter(
    (k) => k.status === 'in_force' && k.recipients.some((r) => r.id === agencyId),
  );
  const kind = usableConsents.length ? basisKind : 'legal_basis';
  // Only what the own agency sees of the person can be passed on.
  const ownCategories = value.access.categories;
  // The colleagues of the chosen agency: naming one is optional.
  const colleagues = useQuery(agencyCaseworkersQuery(agencyId));
  const add = useMutation({
    mutationFn: (values: AddValues) =>
      casesApi.addTeamMember(value, {
        agencyId: values.agencyId,
        userId: values.userId || null,
        role: values.role,
        basis: basisOf({ ...values.basis, kind }),
      }),
  });
  const errors = form.formState.errors;
  const colleagueOptions = () => {
    if (agencyId === '') return [{ value: '', label: t('caseHeader.team.chooseAgencyFirst') }];
    if (colleagues.isPending) return [{ value: '', label: t('caseHeader.team.loadingColleagues') }];
    const items = colleagues.data?.items ?? [];
    if (items.length === 0) return [{ value: '', label: t('caseHeader.team.noColleagues') }];
    return [
      { value: '', label: t('caseHeader.team.noColleague') },
      ...items.map((c) => ({
        value: c.id,
        label: c.team ? t('caseHeader.team.colleagueWithTeam', { name: c.displayName, team: c.team }) : c.displayName,
      })),
    ];
  };
  const onSubmit = form.handleSubmit((values) => {
    const missing: [string, string][] = [];
    if (!values.agencyId) missing.push(['agencyId', t('validation.required')]);
    if (kind === 'consent' && !values.basis.consentId) missing.push(['basis.consentId', t('validation.required')]);
    if (kind === 'legal_basis' && values.basis.legalBasis.trim().length < 5)
      missing.push(['basis.legalBasis', t('validation.required')]);
    if (kind === 'legal_basis' && values.basis.categories.length === 0)
      missing.push(['basis.categories', t('validation.required')]);
    if (missing.length) {
      for (const [path, message] of missing) form.setError(path as 'agencyId', { type: 'required', message });
      summary.showFieldErrors(ruleErrors(missing));
      return;
    }
    add.mutate(values, {
      onSuccess: (updated) => {
        caseChanged(queryClient, updated);
        onDone();
      },
      onError: (error) => {
        if (isApiError(error, 412)) onStale();
        else summary.showServerError(error, form.setError, ADD_FIELDS);
      },
    });
  });
  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('cases.team.addTitle')}
    >
      <p className="kern-body">{t('caseHeader.team.addIntro')}</p>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      {agencies.error ? <p className="kern-body">{errorMessage(agencies.error, t)}</p> : null}
      <SelectField
        id={summary.id('agencyId')}
        label={t('cases.team.agency')}
        error={errors.agencyId?.message}
        options={[
          { value: '', label: t('cases.team.chooseAgency') },
          ...candidates.map((a) => ({ value: a.id, label: a.name })),
        ]}
        registration={form.register('agencyId', {
          // Another agency's colleagues: the named colleague must belong to the chosen agency.
          onChange: () => {
            form.setValue('userId', '');
            form.setValue('basis.consentId', '');
          },
        })}
      />
      {colleagues.error ? <p className="kern-body">{errorMessage(colleagues.error, t)}</p> : null}
      <SelectField
        id={summary.id('userId')}
        label={t('caseHeader.team.colleague')}
        hint={t('caseHeader.team.colleagueHint')}
        optional
        error={errors.userId?.message}
        disabled={agencyId === '' || colleagues.isPending}
        options={colleagueOptions()}
        registration={form.register('userId')}
      />
      <SelectField
        id={summary.id('role')}
        label={t('cases.team.role')}
        hint={t('cases.team.roleHint')}
        error={errors.role?.message}
        options={addableTeamRoleSchema.options.map((r) => ({ value: r, label: t(`cases.team.roles.${r}`) }))}
        registration={form.register('role')}
      />
      <Fieldset
        id={summary.id('basis')}
        legend={t('caseHeader.team.basisLegend')}
        hint={t('caseHeader.team.basisHint')}
        error={errors.basis?.message}
      >
        {usableConsents.length ? (
          <SelectField
            id={summary.id('basis.kind')}
            label={t('caseHeader.team.basisKind')}
            options={(['consent', 'legal_basis'] as const).map((k) => ({
              value: k,
              label: t(`caseHeader.team.basisKinds.${k}`),
            }))}
            registration={form.register('basis.kind')}
          />
        ) : agencyId ? (
          <p className="kern-body kern-body--small">{t('caseHeader.team.noConsent')}</p>
        ) : null}
        {kind === 'consent' ? (
          <SelectField
            id={summary.id('basis.consentId')}
            label={t('caseHeader.team.consent')}
            error={errors.basis?.consentId?.message}
            options={[
              { value: '', label: t('caseHeader.team.chooseConsent') },
              ...usableConsents.map((k) => ({
                value: k.id,
                label: t('caseHeader.team.consentOption', {
                  givenOn: formatCalendarDate(k.givenOn),
                  expiresOn: formatCalendarDate(k.expiresOn),
                  categories: k.categories.map(categoryLabel).join(', '),
                }),
              })),
            ]}
            registration={form.register('basis.consentId')}
          />
        ) : (
          <>
            <TextField
              id={summary.id('basis.legalBasis')}
              label={t('caseHeader.team.legalBasis')}
              hint={t('caseHeader.team.legalBasisHint')}
              error={errors.basis?.legalBasis?.message}
              maxLength={300}
              registration={form.register('basis.legalBasis')}
            />
            <Fieldset
              id={summary.id('basis.categories')}
              legend={t('caseHeader.team.categories')}
              hint={t('caseHeader.team.categoriesHint')}
              error={errors.basis?.categories?.message}
            >
              {ownCategories.map((category) => (
                <Checkbox
                  key={category}
                  value={category}
                  label={categoryLabel(category)}
                  registration={form.register('basis.categories')}
                />
              ))}
            </Fieldset>
            <TextField
              id={summary.id('basis.validUntil')}
              type="date"
              optional
              label={t('caseHeader.team.validUntil')}
              hint={t('caseHeader.team.validUntilHint')}
              error={errors.basis?.validUntil?.message}
              registration={form.register('basis.validUntil')}
            />
          </>
        )}
      </Fieldset>
      <FormActions submitLabel={t('cases.team.add')} pending={add.isPending} onCancel={onDone} />
    </form>
  );
}

/** Why the agency sees the case: own client, consent (and whether it still holds) or the norm. */
function basisText(member: CaseTeamMember, t: TFunction): string {
  const b = member.basis;
  if (b.kind === 'consent')
    return t(
      b.consentInForce === false ? 'caseHeader.team.basisShown.consentEnded' : 'caseHeader.team.basisShown.consent',
    );
  if (b.kind === 'legal_basis') return t('caseHeader.team.basisShown.legal_basis', { norm: b.legalBasis });
  return t('caseHeader.team.basisShown.own');
}

function MemberLine({ member }: { member: CaseTeamMember }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="kern-body">
        <strong>{member.agency.name}</strong>
        {member.user ? ` – ${member.user.displayName}` : ''} · {t(`cases.team.roles.${member.role}`)}
      </span>
      <br />
      <span className="kern-body kern-body--small">{basisText(member, t)}</span>
      <br />
      <span className="kern-body kern-body--small">
        {member.leftAt
          ? t('cases.team.period', { from: formatDateTime(member.joinedAt), to: formatDateTime(member.leftAt) })
          : t('cases.team.since', { date: formatDateTime(member.joinedAt) })}
      </span>
    </>
  );
}

type CaseTeamPanelProps = { value: Case; onStale: () => void };

/** The case team across agencies: current members (lead first), former ones folded away. */
export function CaseTeamPanel({ value, onStale }: CaseTeamPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<CaseTeamMember | null>(null);
  const end = useMutation({
    mutationFn: (member: CaseTeamMember) => casesApi.endTeamMember(value, member.id, null),
  });
  const current = value.team.filter((m) => m.current);
  const former = value.team.filter((m) => !m.current);
  const canChange = value.actions.steer && value.phase !== 'closure';

  return (
    <SectionCard
      id="case-team"
      title={t('cases.team.title')}
      actions={
        <>
          {canChange ? (
            <Button variant="secondary" icon="add" small onClick={() => setAdding(true)}>
              {t('cases.team.add')}
            </Button>
          ) : null}
        </>
      }
    >
      <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('cases.team.current')}>
        {current.map((member) => (
          <li key={member.id}>
            <MemberLine member={member} />
            {canChange && member.role !== 'lead' ? (
              <div>
                <Button
                  variant="tertiary"
                  small
                  icon="delete"
                  onClick={() => {
                    end.reset();
                    setEnding(member);
                  }}
                  aria-label={t('cases.team.endFor', { name: member.agency.name })}
                >
                  {t('cases.team.end')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {former.length ? (
        <details className="lotse-details">
          <summary>{t('cases.team.former', { count: former.length })}</summary>
          <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
            {former.map((member) => (
              <li key={member.id}>
                <MemberLine member={member} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ModalDialog isOpen={adding} onOpenChange={setAdding} title={t('cases.team.addTitle')} wide dismissable={false}>
        <AddMemberForm
          value={value}
          onDone={() => setAdding(false)}
          onStale={() => {
            setAdding(false);
            onStale();
          }}
        />
      </ModalDialog>
      <ConfirmDialog
        isOpen={ending !== null}
        onOpenChange={(open) => {
          if (!open) setEnding(null);
        }}
        title={t('cases.team.endTitle')}
        confirmLabel={t('cases.team.end')}
        isPending={end.isPending}
        error={end.error && !isApiError(end.error, 412) ? errorMessage(end.error, t) : null}
        onConfirm={() => {
          if (!ending) return;
          end.mutate(ending, {
            onSuccess: (updated) => {
              caseChanged(queryClient, updated);
              setEnding(null);
            },
            onError: (error) => {
              if (isApiError(error, 412)) {
                setEnding(null);
                onStale();
              }
            },
          });
        }}
      >
        {ending ? t('cases.team.endText', { name: ending.agency.name }) : null}
      </ConfirmDialog>
    </SectionCard>
  );
}
