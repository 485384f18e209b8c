import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { GeoPoint } from '../../../shared/contracts/addresses';
import {
  resourceCosts,
  resourceStatuses,
  weekDays,
  type ResourceCost,
  type ResourceDetail,
  type ResourceInput,
  type ResourceStatus,
  type WeekDay,
} from '../../../shared/contracts/resources';
import type { Geometry } from '../../../shared/domain/social-space/geo';
import { PointPicker } from '../../components/map/point-picker';
import { Button } from '../../components/ui/button';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { paths } from '../../lib/paths';
import { districtDetailQuery, districtListQuery } from './districts-api';
import { resourceApi, resourceListQuery, resourceQuery, resourceTaxonomyQuery } from './resource-api';
import { useCategoryName } from './resource-format';
import { SocialSpaceNav } from './social-space-nav';

const FORM_ID = 'resource-form';
const fid = (path: string) => `${FORM_ID}-${path.replace(/\./g, '-')}`;

type HoursDraft = { key: number; byDay: WeekDay[]; opensAt: string; closesAt: string; description: string };
type ContactDraft = { key: number; name: string; role: string; phone: string; email: string; public: boolean };
type Draft = {
  orgMode: 'existing' | 'new';
  organizationId: string;
  organizationName: string;
  name: string;
  description: string;
  url: string;
  email: string;
  categories: string[];
  status: ResourceStatus;
  alert: string;
  withLocation: boolean;
  locationName: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  point: GeoPoint | null;
  accessibility: string;
  transportation: string;
  schedules: HoursDraft[];
  languages: string;
  cost: ResourceCost | '';
  costDescription: string;
  eligibility: string;
  minimumAge: string;
  maximumAge: string;
  contacts: ContactDraft[];
  internalNote: string;
};

let keySeq = 0;
const nextKey = () => (keySeq += 1);

function draftOf(r: ResourceDetail | null): Draft {
  return {
    orgMode: r ? 'existing' : 'new',
    organizationId: r?.organization.id ?? '',
    organizationName: '',
    name: r?.name ?? '',
    description: r?.description ?? '',
    url: r?.url ?? '',
    email: r?.email ?? '',
    categories: r?.categories ?? [],
    status: r?.status ?? 'active',
    alert: r?.alert ?? '',
    withLocation: r ? r.location !== null : true,
    locationName: r?.location?.name ?? '',
    street: r?.location?.street ?? '',
    houseNumber: r?.location?.houseNumber ?? '',
    postalCode: r?.location?.postalCode ?? '',
    city: r?.location?.city ?? 'Mülheim an der Ruhr',
    point: r?.location?.point ?? null,
    accessibility: r?.location?.accessibility ?? '',
    transportation: r?.location?.transportation ?? '',
    schedules: (r?.schedules ?? []).map((s) => ({
      key: nextKey(),
      byDay: s.byDay,
      opensAt: s.opensAt ?? '',
      closesAt: s.closesAt ?? '',
      description: s.description ?? '',
    })),
    languages: (r?.languages ?? []).join(', '),
    cost: r?.cost ?? '',
    costDescription: r?.costDescription ?? '',
    eligibility: r?.eligibility ?? '',
    minimumAge: r?.minimumAge?.toString() ?? '',
    maximumAge: r?.maximumAge?.toString() ?? '',
    contacts: (r?.contacts ?? []).map((c) => ({
      key: nextKey(),
      name: c.name ?? '',
      role: c.role ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
      public: c.public,
    })),
    internalNote: r?.internalNote ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const ageOf = (s: string) => (s.trim() === '' ? null : Number(s));

function toInput(d: Draft): ResourceInput {
  return {
    organization: d.orgMode === 'existing' ? { id: d.organizationId } : { name: d.organizationName.trim() },
    name: d.name,
    description: orNull(d.description),
    url: orNull(d.url),
    email: orNull(d.email),
    categories: d.categories,
    status: d.status,
    alert: orNull(d.alert),
    location: d.withLocation
      ? {
          name: orNull(d.locationName),
          street: d.street,
          houseNumber: d.houseNumber,
          postalCode: d.postalCode,
          city: d.city,
          point: d.point,
          accessibility: orNull(d.accessibility),
          transportation: orNull(d.transportation),
        }
      : null,
    schedules: d.schedules.map((s) => ({
      byDay: s.byDay,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      description: orNull(s.description),
    })),
    languages: d.languages
      .split(/[,\s]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
    cost: d.cost === '' ? null : d.cost,
    costDescription: orNull(d.costDescription),
    eligibility: orNull(d.eligibility),
    minimumAge: ageOf(d.minimumAge),
    maximumAge: ageOf(d.maximumAge),
    contacts: d.contacts.map((c) => ({
      name: c.name,
      role: orNull(c.role),
      phone: orNull(c.phone),
      email: orNull(c.email),
      public: c.public,
    })),
    internalNote: orNull(d.internalNote),
  };
}

/** New entry (paths.resourceNew) or edit of an entry (…/bearbeiten). */
export function ResourceFormPage() {
  const { id } = useParams();
  const existing = useQuery({ ...resourceQuery(id ?? ''), enabled: id !== undefined });
  const { t } = useTranslation();
  if (id !== undefined && !existing.data) {
    return (
      <>
        <SocialSpaceNav />
        <PageHeading title={t('resources.form.editTitle')} />
        {existing.isPending ? <Loading /> : null}
        {existing.error ? <QueryError error={existing.error} onRetry={() => void existing.refetch()} /> : null}
      </>
    );
  }
  return <ResourceForm key={existing.data?.version ?? 'new'} resource={existing.data ?? null} />;
}

function ResourceForm({ resource }: { resource: ResourceDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [d, setD] = useState<Draft>(() => draftOf(resource));
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const terms = useQuery(resourceTaxonomyQuery);
  const categoryName = useCategoryName(terms.data?.items);
  const districts = useQuery(districtListQuery);
  // The outlines for the map: the picker names the district a point lies in.
  const outlineIds = (districts.data?.items ?? []).map((x) => x.id);
  const outlines = useQuery({
    queryKey: ['districts', 'outlines', outlineIds],
    queryFn: () => Promise.all(outlineIds.map((x) => queryClient.fetchQuery(districtDetailQuery(x)))),
    enabled: outlineIds.length > 0,
    staleTime: 10 * 60_000,
  });
  // The organisations already in the directory, from its entries (a city has a few hundred).
  const allEntries = useQuery(resourceListQuery({ page: 1, pageSize: 200 }));
  const orgOptions = [
    ...new Map((allEntries.data?.items ?? []).map((r) => [r.organization.id, r.organization.name])).entries(),
  ]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));
  if (resource && !orgOptions.some((o) => o.value === resource.organization.id)) {
    orgOptions.push({ value: resource.organization.id, label: resource.organization.name });
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const err = (path: string) => errors.get(path);

  const save = useMutation({
    mutationFn: () => (resource ? resourceApi.update(resource, toInput(d)) : resourceApi.create(toInput(d))),
    onSuccess: (saved) => {
      queryClient.setQueryData(resourceQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['resources', 'list'] });
      void navigate(paths.resource(saved.id));
    },
    onError: (error) => {
      const next = new Map<string, string>();
      const items: SummaryItem[] = [];
      if (error instanceof ApiError && error.status === 412) {
        items.push({ message: t('resources.form.stale') });
      } else if (error instanceof ApiError && error.fieldErrors.length > 0) {
        for (const fe of error.fieldErrors) {
          const path = fe.path.replace(/^body[./]/, '').replace(/^location\./, '');
          const target = path.startsWith('categories')
            ? 'categories'
            : path === 'organization.id'
              ? 'organizationId'
              : path === 'organization.name'
                ? 'organizationName'
                : path;
          next.set(target, fe.message);
          items.push({ fieldId: fid(target), message: fe.message });
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
    save.mutate();
  };

  const picked = (outlines.data ?? []).map((o) => ({
    id: o.id,
    name: o.name,
    geometry: (o.geometry as Geometry | null) ?? null,
  }));
  return (
    <>
      <SocialSpaceNav />
      <PageHeading
        title={resource ? t('resources.form.editTitle') : t('resources.form.createTitle')}
        preline={resource?.name}
      >
        {t('resources.form.intro')}
      </PageHeading>
      <ErrorSummary items={summary} focusKey={focusKey} title={t('resources.form.errorTitle')} />
      <form id={FORM_ID} onSubmit={submit} noValidate>
        <SectionCard id="resource-form-basics" title={t('resources.form.sections.basics')}>
          <Fieldset legend={t('resources.form.organizationChoice')} horizontal>
            {(['existing', 'new'] as const).map((mode) => (
              <div className="kern-form-check" key={mode}>
                <input
                  className="kern-form-check__radio"
                  type="radio"
                  id={fid(`orgMode-${mode}`)}
                  name="orgMode"
                  value={mode}
                  checked={d.orgMode === mode}
                  onChange={() => set('orgMode', mode)}
                />
                <label className="kern-label" htmlFor={fid(`orgMode-${mode}`)}>
                  {mode === 'existing' ? t('resources.form.existingOrganization') : t('resources.form.newOrganization')}
                </label>
              </div>
            ))}
          </Fieldset>
          {d.orgMode === 'existing' ? (
            <SelectField
              id={fid('organizationId')}
              label={t('resources.form.existingOrganization')}
              value={d.organizationId}
              error={err('organizationId') ?? err('organizationName')}
              options={[{ value: '', label: t('resources.form.chooseOrganization') }, ...orgOptions]}
              onChange={(e) => set('organizationId', e.target.value)}
            />
          ) : (
            <TextField
              id={fid('organizationName')}
              label={t('resources.form.organizationName')}
              value={d.organizationName}
              error={err('organizationName')}
              onChange={(e) => set('organizationName', e.target.value)}
            />
          )}
          <TextField
            id={fid('name')}
            label={t('resources.form.name')}
            value={d.name}
            error={err('name')}
            onChange={(e) => set('name', e.target.value)}
          />
          <TextAreaField
            id={fid('description')}
            label={t('resources.form.description')}
            optional
            value={d.description}
            error={err('description')}
            onChange={(e) => set('description', e.target.value)}
          />
          <Fieldset legend={t('resources.form.categories')} error={err('categories')} id={fid('categories')}>
            <div>
              {(terms.data?.items ?? []).map((term) => (
                <Checkbox
                  key={term.code}
                  id={fid(`category-${term.code}`)}
                  label={categoryName(term.code)}
                  checked={d.categories.includes(term.code)}
                  onChange={(e) =>
                    set(
                      'categories',
                      e.target.checked ? [...d.categories, term.code] : d.categories.filter((c) => c !== term.code),
                    )
                  }
                />
              ))}
            </div>
          </Fieldset>
          <SelectField
            id={fid('status')}
            label={t('resources.form.status')}
            value={d.status}
            error={err('status')}
            options={resourceStatuses.map((s) => ({ value: s, label: t(`resources.status.${s}`) }))}
            onChange={(e) => set('status', e.target.value as ResourceStatus)}
          />
          <TextField
            id={fid('alert')}
            label={t('resources.form.alert')}
            optional
            value={d.alert}
            error={err('alert')}
            onChange={(e) => set('alert', e.target.value)}
          />
          <TextField
            id={fid('url')}
            label={t('resources.form.url')}
            optional
            type="url"
            value={d.url}
            error={err('url')}
            onChange={(e) => set('url', e.target.value)}
          />
          <TextField
            id={fid('email')}
            label={t('resources.form.email')}
            optional
            type="email"
            value={d.email}
            error={err('email')}
            onChange={(e) => set('email', e.target.value)}
          />
        </SectionCard>

        <SectionCard id="resource-form-place" title={t('resources.form.sections.place')}>
          <Checkbox
            id={fid('withLocation')}
            label={t('resources.form.withLocation')}
            checked={d.withLocation}
            onChange={(e) => set('withLocation', e.target.checked)}
          />
          {d.withLocation ? (
            <>
              <TextField
                id={fid('name-location')}
                label={t('resources.form.locationName')}
                optional
                value={d.locationName}
                onChange={(e) => set('locationName', e.target.value)}
              />
              <TextField
                id={fid('street')}
                label={t('resources.form.street')}
                value={d.street}
                error={err('street')}
                onChange={(e) => set('street', e.target.value)}
              />
              <TextField
                id={fid('houseNumber')}
                label={t('resources.form.houseNumber')}
                width={4}
                value={d.houseNumber}
                error={err('houseNumber')}
                onChange={(e) => set('houseNumber', e.target.value)}
              />
              <TextField
                id={fid('postalCode')}
                label={t('resources.form.postalCode')}
                width={4}
                inputMode="numeric"
                value={d.postalCode}
                error={err('postalCode')}
                onChange={(e) => set('postalCode', e.target.value)}
              />
              <TextField
                id={fid('city')}
                label={t('resources.form.city')}
                value={d.city}
                error={err('city')}
                onChange={(e) => set('city', e.target.value)}
              />
              <PointPicker
                value={d.point}
                onChange={(p) => set('point', p)}
                districts={picked}
                idPrefix={fid('point')}
                error={err('point')}
              />
              <TextField
                id={fid('accessibility')}
                label={t('resources.form.accessibility')}
                optional
                value={d.accessibility}
                error={err('accessibility')}
                onChange={(e) => set('accessibility', e.target.value)}
              />
              <TextField
                id={fid('transportation')}
                label={t('resources.form.transportation')}
                optional
                value={d.transportation}
                error={err('transportation')}
                onChange={(e) => set('transportation', e.target.value)}
              />
            </>
          ) : null}
        </SectionCard>

        <SectionCard id="resource-form-hours" title={t('resources.form.sections.hours')}>
          {d.schedules.map((s, i) => {
            const patch = (p: Partial<HoursDraft>) =>
              set(
                'schedules',
                d.schedules.map((x) => (x.key === s.key ? { ...x, ...p } : x)),
              );
            return (
              <Fieldset key={s.key} legend={t('resources.form.hoursLegend', { n: i + 1 })}>
                <Fieldset
                  legend={t('resources.form.days')}
                  horizontal
                  error={err(`schedules.${i}.byDay`)}
                  id={fid(`schedules.${i}.byDay`)}
                >
                  {weekDays.map((day) => (
                    <Checkbox
                      key={day}
                      id={fid(`schedules.${i}.day-${day}`)}
                      label={<abbr title={t(`resources.daysLong.${day}`)}>{t(`resources.days.${day}`)}</abbr>}
                      checked={s.byDay.includes(day)}
                      onChange={(e) =>
                        patch({
                          byDay: e.target.checked
                            ? weekDays.filter((w) => w === day || s.byDay.includes(w))
                            : s.byDay.filter((w) => w !== day),
                        })
                      }
                    />
                  ))}
                </Fieldset>
                <TextField
                  id={fid(`schedules.${i}.opensAt`)}
                  label={t('resources.form.opensAt')}
                  width={4}
                  value={s.opensAt}
                  error={err(`schedules.${i}.opensAt`)}
                  onChange={(e) => patch({ opensAt: e.target.value })}
                />
                <TextField
                  id={fid(`schedules.${i}.closesAt`)}
                  label={t('resources.form.closesAt')}
                  width={4}
                  value={s.closesAt}
                  error={err(`schedules.${i}.closesAt`)}
                  onChange={(e) => patch({ closesAt: e.target.value })}
                />
                <TextField
                  id={fid(`schedules.${i}.description`)}
                  label={t('resources.form.hoursNote')}
                  optional
                  value={s.description}
                  onChange={(e) => patch({ description: e.target.value })}
                />
                <Button
                  variant="secondary"
                  small
                  onClick={() =>
                    set(
                      'schedules',
                      d.schedules.filter((x) => x.key !== s.key),
                    )
                  }
                >
                  {t('resources.form.removeHours', { n: i + 1 })}
                </Button>
              </Fieldset>
            );
          })}
          <Button
            variant="secondary"
            icon="add"
            onClick={() =>
              set('schedules', [
                ...d.schedules,
                { key: nextKey(), byDay: [], opensAt: '', closesAt: '', description: '' },
              ])
            }
          >
            {t('resources.form.addHours')}
          </Button>
        </SectionCard>

        <SectionCard id="resource-form-access" title={t('resources.form.sections.access')}>
          <TextField
            id={fid('languages')}
            label={t('resources.form.languages')}
            optional
            value={d.languages}
            error={err('languages')}
            onChange={(e) => set('languages', e.target.value)}
          />
          <SelectField
            id={fid('cost')}
            label={t('resources.form.cost')}
            value={d.cost}
            options={[
              { value: '', label: t('resources.form.costUnknown') },
              ...resourceCosts.map((c) => ({ value: c, label: t(`resources.cost.${c}`) })),
            ]}
            onChange={(e) => set('cost', e.target.value as ResourceCost | '')}
          />
          <TextField
            id={fid('costDescription')}
            label={t('resources.form.costDescription')}
            optional
            value={d.costDescription}
            error={err('costDescription')}
            onChange={(e) => set('costDescription', e.target.value)}
          />
          <TextAreaField
            id={fid('eligibility')}
            label={t('resources.form.eligibility')}
            optional
            value={d.eligibility}
            error={err('eligibility')}
            onChange={(e) => set('eligibility', e.target.value)}
          />
          <TextField
            id={fid('minimumAge')}
            label={t('resources.form.minimumAge')}
            optional
            width={4}
            inputMode="numeric"
            value={d.minimumAge}
            error={err('minimumAge')}
            onChange={(e) => set('minimumAge', e.target.value)}
          />
          <TextField
            id={fid('maximumAge')}
            label={t('resources.form.maximumAge')}
            optional
            width={4}
            inputMode="numeric"
            value={d.maximumAge}
            error={err('maximumAge')}
            onChange={(e) => set('maximumAge', e.target.value)}
          />
        </SectionCard>

        <SectionCard id="resource-form-contacts" title={t('resources.form.sections.contacts')}>
          {d.contacts.map((c, i) => {
            const patch = (p: Partial<ContactDraft>) =>
              set(
                'contacts',
                d.contacts.map((x) => (x.key === c.key ? { ...x, ...p } : x)),
              );
            return (
              <Fieldset key={c.key} legend={t('resources.form.contactLegend', { n: i + 1 })}>
                <TextField
                  id={fid(`contacts.${i}.name`)}
                  label={t('resources.form.contactName')}
                  value={c.name}
                  error={err(`contacts.${i}.name`)}
                  onChange={(e) => patch({ name: e.target.value })}
                />
                <TextField
                  id={fid(`contacts.${i}.role`)}
                  label={t('resources.form.contactRole')}
                  optional
                  value={c.role}
                  onChange={(e) => patch({ role: e.target.value })}
                />
                <TextField
                  id={fid(`contacts.${i}.phone`)}
                  label={t('resources.form.contactPhone')}
                  optional
                  type="tel"
                  value={c.phone}
                  onChange={(e) => patch({ phone: e.target.value })}
                />
                <TextField
                  id={fid(`contacts.${i}.email`)}
                  label={t('resources.form.contactEmail')}
                  optional
                  type="email"
                  value={c.email}
                  error={err(`contacts.${i}.email`)}
                  onChange={(e) => patch({ email: e.target.value })}
                />
                <Checkbox
                  id={fid(`contacts.${i}.public`)}
                  label={t('resources.form.contactPublic')}
                  checked={c.public}
                  onChange={(e) => patch({ public: e.target.checked })}
                />
                <Button
                  variant="secondary"
                  small
                  onClick={() =>
                    set(
                      'contacts',
                      d.contacts.filter((x) => x.key !== c.key),
                    )
                  }
                >
                  {t('resources.form.removeContact', { n: i + 1 })}
                </Button>
              </Fieldset>
            );
          })}
          <Button
            variant="secondary"
            icon="add"
            onClick={() =>
              set('contacts', [
                ...d.contacts,
                { key: nextKey(), name: '', role: '', phone: '', email: '', public: false },
              ])
            }
          >
            {t('resources.form.addContact')}
          </Button>
        </SectionCard>

        <SectionCard id="resource-form-internal" title={t('resources.form.sections.internal')}>
          <TextAreaField
            id={fid('internalNote')}
            label={t('resources.form.internalNote')}
            optional
            value={d.internalNote}
            error={err('internalNote')}
            onChange={(e) => set('internalNote', e.target.value)}
          />
        </SectionCard>

        <FormActions
          submitLabel={resource ? t('resources.form.save') : t('resources.form.create')}
          pending={save.isPending}
          onCancel={() => void navigate(resource ? paths.resource(resource.id) : paths.resources)}
        />
      </form>
    </>
  );
}
