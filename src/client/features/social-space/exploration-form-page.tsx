import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { GeoPoint } from '../../../shared/contracts/addresses';
import type { ExplorationCreateRequest } from '../../../shared/contracts/explorations';
import { PointPicker } from '../../components/map/point-picker';
import { Button } from '../../components/ui/button';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { PageHeading } from '../../components/ui/page-heading';
import { SectionCard } from '../../components/ui/section-card';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { paths } from '../../lib/paths';
import { useMe } from '../../lib/session';
import {
  agenciesQuery,
  caseworkersQuery,
  explorationApi,
  explorationOverviewQuery,
  explorationsChanged,
} from './exploration-api';
import {
  emptyFacts,
  FactsFields,
  factsToRequest,
  fieldId,
  focusSoon,
  RepeatItem,
  type FactsDraft,
  type FieldErrors,
} from './exploration-form-parts';
import {
  DiscoveredResourceFields,
  discoveredToRequest,
  emptyDiscovered,
  ResourcePicker,
  type DiscoveredDraft,
} from './exploration-resource-fields';
import { useDistrictOutlines } from './districts-api';
import { SocialSpaceNav } from './social-space-nav';

const FORM = 'exploration';
const fid = (path: string) => fieldId(FORM, path);

type ParticipantDraft = {
  key: number;
  kind: 'colleague' | 'external';
  agencyId: string;
  userId: string;
  name: string;
  organisation: string;
};
type StakeholderDraft = { key: number; name: string; role: string; organisation: string };
type UpdatedDraft = { key: number; serviceId: string; label: string; note: string };
type AddressDraft = {
  key: number;
  street: string;
  houseNumber: string;
  postalCode: string;
  facts: FactsDraft;
  point: GeoPoint | null;
  note: string;
};
type FollowUpDraft = {
  key: number;
  title: string;
  description: string;
  agencyId: string;
  userId: string;
  dueDate: string;
};

let nextKey = 1;
const key = () => nextKey++;

function todayBerlin(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Colleague picker of one agency (participants, follow-up assignees). */
function ColleagueSelect({
  id,
  agencyId,
  value,
  onChange,
  label,
  emptyLabel,
  error,
}: {
  id: string;
  agencyId: string;
  value: string;
  onChange: (v: string) => void;
  label: string;
  emptyLabel: string;
  error?: string;
}) {
  const colleagues = useQuery(caseworkersQuery(agencyId));
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      error={error}
      disabled={agencyId === ''}
      options={[
        { value: '', label: emptyLabel },
        ...(colleagues.data?.items ?? []).map((c) => ({ value: c.id, label: c.displayName })),
      ]}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The protocol of an exploration (Sozialraumerkundung), sent in one request. */
export function ExplorationFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const overview = useQuery(explorationOverviewQuery());
  const agencies = useQuery(agenciesQuery());
  const myAgency = me?.agency.id ?? '';

  const [exploredOn, setExploredOn] = useState(todayBerlin);
  const [districtId, setDistrictId] = useState('');
  const outlines = useDistrictOutlines();
  const [participants, setParticipants] = useState<ParticipantDraft[]>(() =>
    me
      ? [{ key: key(), kind: 'colleague', agencyId: me.agency.id, userId: me.user.id, name: '', organisation: '' }]
      : [],
  );
  const [route, setRoute] = useState('');
  const [findings, setFindings] = useState('');
  const [stakeholders, setStakeholders] = useState<StakeholderDraft[]>([]);
  const [discovered, setDiscovered] = useState<(DiscoveredDraft & { key: number })[]>([]);
  const [updated, setUpdated] = useState<UpdatedDraft[]>([]);
  const [addresses, setAddresses] = useState<AddressDraft[]>([]);
  const [followUps, setFollowUps] = useState<FollowUpDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [focusKey, setFocusKey] = useState(0);

  const districts = [...(overview.data?.items ?? [])].sort((a, b) =>
    a.district.name.localeCompare(b.district.name, 'de'),
  );
  const agencyOptions = [
    { value: '', label: t('explorations.form.chooseAgency') },
    ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
  ];

  const patch = <T extends { key: number }>(
    set: React.Dispatch<React.SetStateAction<T[]>>,
    k: number,
    change: Partial<T>,
  ) => set((items) => items.map((i) => (i.key === k ? { ...i, ...change } : i)));
  const remove = <T extends { key: number }>(
    set: React.Dispatch<React.SetStateAction<T[]>>,
    k: number,
    focusId: string,
  ) => {
    set((items) => items.filter((i) => i.key !== k));
    focusSoon(focusId);
  };

  const body = (): ExplorationCreateRequest => ({
    exploredOn,
    districtId,
    participants: participants.map((p) =>
      p.kind === 'colleague'
        ? { userId: p.userId || null, name: null, organisation: null }
        : { userId: null, name: p.name, organisation: p.organisation.trim() || null },
    ),
    route: route.trim() || null,
    findings: findings.trim() || null,
    stakeholders: stakeholders.map((s) => ({
      name: s.name,
      role: s.role.trim() || null,
      organisation: s.organisation.trim() || null,
      serviceId: null,
    })),
    resourcesDiscovered: discovered.map(discoveredToRequest),
    resourcesUpdated: updated.map((u) => ({ serviceId: u.serviceId, note: u.note.trim() || null })),
    addresses: addresses.map((a) => ({
      addressId: null,
      address: { street: a.street, houseNumber: a.houseNumber, postalCode: a.postalCode },
      facts: factsToRequest(a.facts),
      point: a.point,
      note: a.note.trim() || null,
    })),
    followUps: followUps.map((f) => ({
      title: f.title,
      description: f.description.trim() || null,
      assigneeAgencyId: f.agencyId,
      assigneeUserId: f.userId || null,
      dueDate: f.dueDate || null,
    })),
  });

  const save = useMutation({
    mutationFn: () => explorationApi.create(body()),
    onSuccess: (created) => {
      explorationsChanged(queryClient);
      void navigate(paths.exploration(created.id), { state: { saved: true } });
    },
    onError: (error) => {
      const next = new Map<string, string>();
      const items: SummaryItem[] = [];
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        for (const fe of error.fieldErrors) {
          const path = fe.path.replace(/^body[./]/, '').replace(/\//g, '.');
          // Participant paths without a field point at the item's first input.
          next.set(path, fe.message);
          items.push({ fieldId: fid(path), message: fe.message });
        }
      } else {
        items.push({ message: errorMessage(error, t) });
      }
      setErrors(next);
      setSummary(items);
      setFocusKey((k) => k + 1);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryItem[] = [];
    const next = new Map<string, string>();
    if (!districtId) {
      next.set('districtId', t('explorations.form.chooseDistrict'));
      problems.push({
        fieldId: fid('districtId'),
        message: `${t('explorations.form.district')}: ${t('explorations.form.chooseDistrict')}`,
      });
    }
    if (problems.length) {
      setErrors(next);
      setSummary(problems);
      setFocusKey((k) => k + 1);
      return;
    }
    save.mutate();
  };
  const err = (path: string) => errors.get(path);

  return (
    <>
      <SocialSpaceNav />
      <PageHeading title={t('explorations.form.title')}>{t('explorations.form.intro')}</PageHeading>
      <form id={FORM} noValidate onSubmit={submit} aria-label={t('explorations.form.title')}>
        <ErrorSummary items={summary} focusKey={focusKey} />

        <SectionCard id="basics" title={t('explorations.form.sections.basics')}>
          <TextField
            id={fid('exploredOn')}
            type="date"
            label={t('explorations.form.exploredOn')}
            value={exploredOn}
            max={todayBerlin()}
            onChange={(e) => setExploredOn(e.target.value)}
            error={err('exploredOn')}
          />
          <SelectField
            id={fid('districtId')}
            label={t('explorations.form.district')}
            value={districtId}
            options={[
              { value: '', label: t('explorations.form.chooseDistrict') },
              ...districts.map((d) => ({ value: d.district.id, label: d.district.name })),
            ]}
            onChange={(e) => setDistrictId(e.target.value)}
            error={err('districtId')}
          />
        </SectionCard>

        <SectionCard id="participants" title={t('explorations.form.sections.participants')}>
          {participants.map((p, i) => {
            const path = `participants.${i}`;
            return (
              <RepeatItem
                key={p.key}
                legend={t('explorations.form.participant', { n: i + 1 })}
                onRemove={() => remove(setParticipants, p.key, 'add-participant')}
              >
                <SelectField
                  id={fid(`${path}.kind`)}
                  label={t('explorations.form.participantKind')}
                  value={p.kind}
                  options={[
                    { value: 'colleague', label: t('explorations.form.participantColleague') },
                    { value: 'external', label: t('explorations.form.participantExternal') },
                  ]}
                  onChange={(e) => patch(setParticipants, p.key, { kind: e.target.value as ParticipantDraft['kind'] })}
                />
                {p.kind === 'colleague' ? (
                  <>
                    <SelectField
                      id={fid(`${path}.agencyId`)}
                      label={t('explorations.form.participantAgency')}
                      value={p.agencyId}
                      options={agencyOptions}
                      onChange={(e) => patch(setParticipants, p.key, { agencyId: e.target.value, userId: '' })}
                    />
                    <ColleagueSelect
                      id={fid(`${path}.userId`)}
                      agencyId={p.agencyId}
                      value={p.userId}
                      onChange={(userId) => patch(setParticipants, p.key, { userId })}
                      label={t('explorations.form.participantUser')}
                      emptyLabel={t('explorations.form.chooseUser')}
                      error={err(`${path}.userId`)}
                    />
                  </>
                ) : (
                  <>
                    <TextField
                      id={fid(`${path}.name`)}
                      label={t('explorations.form.name')}
                      value={p.name}
                      onChange={(e) => patch(setParticipants, p.key, { name: e.target.value })}
                      error={err(`${path}.name`)}
                    />
                    <TextField
                      id={fid(`${path}.organisation`)}
                      label={t('explorations.form.organisation')}
                      optional
                      value={p.organisation}
                      onChange={(e) => patch(setParticipants, p.key, { organisation: e.target.value })}
                      error={err(`${path}.organisation`)}
                    />
                  </>
                )}
              </RepeatItem>
            );
          })}
          <Button
            id="add-participant"
            variant="secondary"
            onClick={() => {
              const k = key();
              setParticipants((items) => [
                ...items,
                { key: k, kind: 'colleague', agencyId: myAgency, userId: '', name: '', organisation: '' },
              ]);
              focusSoon(fid(`participants.${participants.length}.kind`));
            }}
          >
            {t('explorations.form.addParticipant')}
          </Button>
        </SectionCard>

        <SectionCard id="route" title={t('explorations.form.sections.route')}>
          <TextAreaField
            id={fid('route')}
            label={t('explorations.form.route')}
            hint={t('explorations.form.routeHint')}
            optional
            rows={3}
            value={route}
            onChange={(e) => setRoute(e.target.value)}
            error={err('route')}
          />
          <TextAreaField
            id={fid('findings')}
            label={t('explorations.form.findings')}
            optional
            rows={6}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
            error={err('findings')}
          />
        </SectionCard>

        <SectionCard id="stakeholders" title={t('explorations.form.sections.stakeholders')}>
          {stakeholders.map((s, i) => {
            const path = `stakeholders.${i}`;
            return (
              <RepeatItem
                key={s.key}
                legend={t('explorations.form.stakeholder', { n: i + 1 })}
                onRemove={() => remove(setStakeholders, s.key, 'add-stakeholder')}
              >
                <TextField
                  id={fid(`${path}.name`)}
                  label={t('explorations.form.name')}
                  value={s.name}
                  onChange={(e) => patch(setStakeholders, s.key, { name: e.target.value })}
                  error={err(`${path}.name`)}
                />
                <TextField
                  id={fid(`${path}.role`)}
                  label={t('explorations.form.role')}
                  hint={t('explorations.form.roleHint')}
                  optional
                  value={s.role}
                  onChange={(e) => patch(setStakeholders, s.key, { role: e.target.value })}
                  error={err(`${path}.role`)}
                />
                <TextField
                  id={fid(`${path}.organisation`)}
                  label={t('explorations.form.organisation')}
                  optional
                  value={s.organisation}
                  onChange={(e) => patch(setStakeholders, s.key, { organisation: e.target.value })}
                  error={err(`${path}.organisation`)}
                />
              </RepeatItem>
            );
          })}
          <Button
            id="add-stakeholder"
            variant="secondary"
            onClick={() => {
              setStakeholders((items) => [...items, { key: key(), name: '', role: '', organisation: '' }]);
              focusSoon(fid(`stakeholders.${stakeholders.length}.name`));
            }}
          >
            {t('explorations.form.addStakeholder')}
          </Button>
        </SectionCard>

        <SectionCard id="resources" title={t('explorations.form.sections.resources')}>
          <h3 className="kern-heading-small">{t('explorations.form.discoveredTitle')}</h3>
          {discovered.map((d, i) => (
            <RepeatItem
              key={d.key}
              legend={t('explorations.form.discovered', { n: i + 1 })}
              onRemove={() => remove(setDiscovered, d.key, 'add-discovered')}
            >
              <DiscoveredResourceFields
                formId={FORM}
                prefix={`resourcesDiscovered.${i}`}
                value={d}
                onChange={(next) =>
                  setDiscovered((items) => items.map((x) => (x.key === d.key ? { ...next, key: d.key } : x)))
                }
                errors={errors}
              />
            </RepeatItem>
          ))}
          <Button
            id="add-discovered"
            variant="secondary"
            onClick={() => {
              setDiscovered((items) => [...items, { ...emptyDiscovered(), key: key() }]);
              focusSoon(fid(`resourcesDiscovered.${discovered.length}.name`));
            }}
          >
            {t('explorations.form.addDiscovered')}
          </Button>

          <h3 className="kern-heading-small">{t('explorations.form.updatedTitle')}</h3>
          {updated.map((u, i) => {
            const path = `resourcesUpdated.${i}`;
            return (
              <RepeatItem
                key={u.key}
                legend={t('explorations.form.updated', { n: i + 1 })}
                onRemove={() => remove(setUpdated, u.key, 'add-updated')}
              >
                <ResourcePicker
                  id={fid(`${path}.serviceId`)}
                  value={u.serviceId ? { id: u.serviceId, name: u.label } : null}
                  onChange={(r) => patch(setUpdated, u.key, { serviceId: r?.id ?? '', label: r?.name ?? '' })}
                  error={err(`${path}.serviceId`)}
                />
                <TextField
                  id={fid(`${path}.note`)}
                  label={t('explorations.form.updateNote')}
                  optional
                  value={u.note}
                  onChange={(e) => patch(setUpdated, u.key, { note: e.target.value })}
                  error={err(`${path}.note`)}
                />
              </RepeatItem>
            );
          })}
          <Button
            id="add-updated"
            variant="secondary"
            onClick={() => {
              setUpdated((items) => [...items, { key: key(), serviceId: '', label: '', note: '' }]);
              focusSoon(`${fid(`resourcesUpdated.${updated.length}.serviceId`)}-search`);
            }}
          >
            {t('explorations.form.addUpdated')}
          </Button>
        </SectionCard>

        <SectionCard id="addresses" title={t('explorations.form.sections.addresses')}>
          {addresses.map((a, i) => {
            const path = `addresses.${i}`;
            return (
              <RepeatItem
                key={a.key}
                legend={t('explorations.form.address', { n: i + 1 })}
                onRemove={() => remove(setAddresses, a.key, 'add-address')}
              >
                <TextField
                  id={fid(`${path}.address.street`)}
                  label={t('explorations.form.street')}
                  autoComplete="off"
                  value={a.street}
                  onChange={(e) => patch(setAddresses, a.key, { street: e.target.value })}
                  error={err(`${path}.address.street`) ?? err(`${path}.addressId`)}
                />
                <TextField
                  id={fid(`${path}.address.houseNumber`)}
                  label={t('explorations.form.houseNumber')}
                  width={4}
                  autoComplete="off"
                  value={a.houseNumber}
                  onChange={(e) => patch(setAddresses, a.key, { houseNumber: e.target.value })}
                  error={err(`${path}.address.houseNumber`)}
                />
                <TextField
                  id={fid(`${path}.address.postalCode`)}
                  label={t('explorations.form.postalCode')}
                  width={4}
                  inputMode="numeric"
                  autoComplete="off"
                  value={a.postalCode}
                  onChange={(e) => patch(setAddresses, a.key, { postalCode: e.target.value })}
                  error={err(`${path}.address.postalCode`)}
                />
                <FactsFields
                  formId={FORM}
                  prefix={`${path}.facts`}
                  value={a.facts}
                  onChange={(facts) => patch(setAddresses, a.key, { facts })}
                  errors={errors}
                />
                <PointPicker
                  value={a.point}
                  districts={outlines}
                  onChange={(point) => patch(setAddresses, a.key, { point })}
                  idPrefix={fid(`${path}.point`)}
                  error={err(`${path}.point`)}
                />
                <TextField
                  id={fid(`${path}.note`)}
                  label={t('explorations.form.note')}
                  optional
                  value={a.note}
                  onChange={(e) => patch(setAddresses, a.key, { note: e.target.value })}
                  error={err(`${path}.note`)}
                />
              </RepeatItem>
            );
          })}
          <Button
            id="add-address"
            variant="secondary"
            onClick={() => {
              setAddresses((items) => [
                ...items,
                { key: key(), street: '', houseNumber: '', postalCode: '', facts: emptyFacts(), point: null, note: '' },
              ]);
              focusSoon(fid(`addresses.${addresses.length}.address.street`));
            }}
          >
            {t('explorations.form.addAddress')}
          </Button>
        </SectionCard>

        <SectionCard id="follow-ups" title={t('explorations.form.sections.followUps')}>
          {followUps.map((f, i) => {
            const path = `followUps.${i}`;
            return (
              <RepeatItem
                key={f.key}
                legend={t('explorations.form.followUp', { n: i + 1 })}
                onRemove={() => remove(setFollowUps, f.key, 'add-follow-up')}
              >
                <TextField
                  id={fid(`${path}.title`)}
                  label={t('explorations.form.followUpTitle')}
                  value={f.title}
                  onChange={(e) => patch(setFollowUps, f.key, { title: e.target.value })}
                  error={err(`${path}.title`)}
                />
                <TextAreaField
                  id={fid(`${path}.description`)}
                  label={t('explorations.form.description')}
                  optional
                  rows={2}
                  value={f.description}
                  onChange={(e) => patch(setFollowUps, f.key, { description: e.target.value })}
                  error={err(`${path}.description`)}
                />
                <SelectField
                  id={fid(`${path}.assigneeAgencyId`)}
                  label={t('explorations.form.assigneeAgency')}
                  value={f.agencyId}
                  options={agencyOptions}
                  onChange={(e) => patch(setFollowUps, f.key, { agencyId: e.target.value, userId: '' })}
                  error={err(`${path}.assigneeAgencyId`)}
                />
                <ColleagueSelect
                  id={fid(`${path}.assigneeUserId`)}
                  agencyId={f.agencyId}
                  value={f.userId}
                  onChange={(userId) => patch(setFollowUps, f.key, { userId })}
                  label={t('explorations.form.assigneeUser')}
                  emptyLabel={t('explorations.form.wholeAgency')}
                  error={err(`${path}.assigneeUserId`)}
                />
                <TextField
                  id={fid(`${path}.dueDate`)}
                  type="date"
                  label={t('explorations.form.dueDate')}
                  optional
                  value={f.dueDate}
                  onChange={(e) => patch(setFollowUps, f.key, { dueDate: e.target.value })}
                  error={err(`${path}.dueDate`)}
                />
              </RepeatItem>
            );
          })}
          <Button
            id="add-follow-up"
            variant="secondary"
            onClick={() => {
              setFollowUps((items) => [
                ...items,
                { key: key(), title: '', description: '', agencyId: myAgency, userId: '', dueDate: '' },
              ]);
              focusSoon(fid(`followUps.${followUps.length}.title`));
            }}
          >
            {t('explorations.form.addFollowUp')}
          </Button>
        </SectionCard>

        <FormActions
          submitLabel={t('explorations.form.submit')}
          pending={save.isPending}
          onCancel={() => void navigate(paths.explorations)}
        />
      </form>
    </>
  );
}
