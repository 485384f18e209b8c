import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addableTeamRoleSchema, type Case, type CaseTeamMember } from '../../../shared/contracts/cases';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ErrorSummary } from '../../components/ui/error-summary';
import { SelectField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './case-format';
import { caseChanged, casesApi, teamAgenciesQuery } from './cases-api';
import { agencyCaseworkersQuery } from './colleagues-api';
import { SectionCard } from '../../components/ui/section-card';
import { FormActions } from '../../components/ui/form-actions';

type AddValues = { agencyId: string; userId: string; role: 'participant' | 'consulted' };
const ADD_FIELDS = ['agencyId', 'userId', 'role'] as const;

function AddMemberForm({ value, onDone, onStale }: { value: Case; onDone: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useFormSummary('case-team-add');
  const agencies = useQuery(teamAgenciesQuery);
  const onTeam = new Set(value.team.filter((m) => m.current).map((m) => m.agency.id));
  const candidates = (agencies.data?.items ?? []).filter((a) => !onTeam.has(a.id) && a.kind !== 'steering');
  const form = useForm<AddValues>({
    shouldFocusError: false,
    defaultValues: { agencyId: '', userId: '', role: 'participant' },
  });
  const agencyId = useWatch({ control: form.control, name: 'agencyId' });
  // The colleagues of the chosen agency: naming one is optional.
  const colleagues = useQuery(agencyCaseworkersQuery(agencyId));
  const add = useMutation({
    mutationFn: (values: AddValues) =>
      casesApi.addTeamMember(value, { agencyId: values.agencyId, userId: values.userId || null, role: values.role }),
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
    if (!values.agencyId) {
      form.setError('agencyId', { type: 'required', message: t('validation.required') });
      summary.showFieldErrors(ruleErrors([['agencyId', t('validation.required')]]));
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
          onChange: () => form.setValue('userId', ''),
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
      <FormActions submitLabel={t('cases.team.add')} pending={add.isPending} onCancel={onDone} />
    </form>
  );
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
