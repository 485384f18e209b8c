import { queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { GeoPoint } from '../../../shared/contracts/addresses';
import { taxonomyListSchema, weekDays, type ResourceInput, type WeekDay } from '../../../shared/contracts/resources';
import { PointPicker } from '../../components/map/point-picker';
import { Button } from '../../components/ui/button';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/ui/form-field';
import { api } from '../../lib/api';
import { useDistrictOutlines } from './districts-api';
import { fieldId, type FieldErrors } from './exploration-form-parts';

export type DiscoveredDraft = {
  name: string;
  category: string;
  organisation: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  days: WeekDay[];
  opensAt: string;
  closesAt: string;
  hours: string;
  languages: string;
  point: GeoPoint | null;
};

export const emptyDiscovered = (): DiscoveredDraft => ({
  name: '',
  category: '',
  organisation: '',
  street: '',
  houseNumber: '',
  postalCode: '',
  days: [],
  opensAt: '',
  closesAt: '',
  hours: '',
  languages: '',
  point: null,
});

/**
 * The directory's resource input (resourceInputSchema) for a resource found on the walk. Opening
 * hours with weekdays become an HSDS schedule; a text alone goes to the description.
 */
export function discoveredToRequest(d: DiscoveredDraft): ResourceInput {
  const hours = d.hours.trim();
  const hasLocation = Boolean(d.street.trim() || d.houseNumber.trim() || d.postalCode.trim() || d.point);
  return {
    name: d.name,
    categories: d.category ? [d.category] : [],
    organization: { name: d.organisation.trim() || d.name },
    description: d.days.length === 0 && hours ? hours : null,
    languages: d.languages
      .split(/[,\s]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
    schedules: d.days.length
      ? [{ byDay: d.days, opensAt: d.opensAt, closesAt: d.closesAt, description: hours || null }]
      : [],
    location: hasLocation
      ? { street: d.street, houseNumber: d.houseNumber, postalCode: d.postalCode, point: d.point }
      : null,
  };
}

const taxonomyQuery = queryOptions({
  queryKey: ['resource-taxonomy', 'terms'],
  queryFn: ({ signal }) => api.get('/resource-taxonomy', taxonomyListSchema, undefined, signal),
  staleTime: 10 * 60_000,
});

/** The compact resource sub-form of the exploration protocol. */
export function DiscoveredResourceFields({
  formId,
  prefix,
  value,
  onChange,
  errors,
}: {
  formId: string;
  prefix: string;
  value: DiscoveredDraft;
  onChange: (next: DiscoveredDraft) => void;
  errors: FieldErrors;
}) {
  const { t, i18n } = useTranslation();
  const taxonomy = useQuery(taxonomyQuery);
  const outlines = useDistrictOutlines();
  const id = (p: string) => fieldId(formId, `${prefix}.${p}`);
  const err = (...paths: string[]) => paths.map((p) => errors.get(`${prefix}.${p}`)).find(Boolean);
  const set = (change: Partial<DiscoveredDraft>) => onChange({ ...value, ...change });
  return (
    <>
      <TextField
        id={id('name')}
        label={t('explorations.form.resourceName')}
        value={value.name}
        onChange={(e) => set({ name: e.target.value })}
        error={err('name')}
      />
      <SelectField
        id={id('categories')}
        label={t('explorations.form.resourceCategory')}
        value={value.category}
        options={[
          { value: '', label: t('explorations.form.chooseCategory') },
          ...(taxonomy.data?.items ?? []).map((term) => ({
            value: term.code,
            label: i18n.language === 'en' ? term.nameEn : term.name,
          })),
        ]}
        onChange={(e) => set({ category: e.target.value })}
        error={err('categories', 'categories.0')}
      />
      <TextField
        id={id('organization.name')}
        label={t('explorations.form.resourceOrganisation')}
        optional
        value={value.organisation}
        onChange={(e) => set({ organisation: e.target.value })}
        error={err('organization.name', 'organization')}
      />
      <TextField
        id={id('location.street')}
        label={t('explorations.form.resourceStreet')}
        optional
        value={value.street}
        onChange={(e) => set({ street: e.target.value })}
        error={err('location.street')}
      />
      <TextField
        id={id('location.houseNumber')}
        label={t('explorations.form.resourceHouseNumber')}
        optional
        width={4}
        value={value.houseNumber}
        onChange={(e) => set({ houseNumber: e.target.value })}
        error={err('location.houseNumber')}
      />
      <TextField
        id={id('location.postalCode')}
        label={t('explorations.form.resourcePostalCode')}
        optional
        width={4}
        inputMode="numeric"
        value={value.postalCode}
        onChange={(e) => set({ postalCode: e.target.value })}
        error={err('location.postalCode')}
      />
      <Fieldset
        id={id('schedules.0.byDay')}
        legend={t('explorations.form.resourceDays')}
        error={err('schedules.0.byDay')}
        horizontal
      >
        {weekDays.map((day) => (
          <Checkbox
            key={day}
            id={`${id('schedules.0.byDay')}-${day}`}
            label={t(`explorations.form.weekDays.${day}`)}
            checked={value.days.includes(day)}
            onChange={(e) =>
              set({
                days: e.target.checked
                  ? weekDays.filter((d) => d === day || value.days.includes(d))
                  : value.days.filter((d) => d !== day),
              })
            }
          />
        ))}
      </Fieldset>
      {value.days.length > 0 ? (
        <>
          <TextField
            id={id('schedules.0.opensAt')}
            type="time"
            label={t('explorations.form.opensAt')}
            width={4}
            value={value.opensAt}
            onChange={(e) => set({ opensAt: e.target.value })}
            error={err('schedules.0.opensAt')}
          />
          <TextField
            id={id('schedules.0.closesAt')}
            type="time"
            label={t('explorations.form.closesAt')}
            width={4}
            value={value.closesAt}
            onChange={(e) => set({ closesAt: e.target.value })}
            error={err('schedules.0.closesAt')}
          />
        </>
      ) : null}
      <TextField
        id={id('schedules.0.description')}
        label={t('explorations.form.resourceHours')}
        hint={t('explorations.form.resourceHoursHint')}
        optional
        value={value.hours}
        onChange={(e) => set({ hours: e.target.value })}
        error={err('schedules.0.description', 'description')}
      />
      <TextField
        id={id('languages')}
        label={t('explorations.form.resourceLanguages')}
        hint={t('explorations.form.resourceLanguagesHint')}
        optional
        value={value.languages}
        onChange={(e) => set({ languages: e.target.value })}
        error={err('languages', 'languages.0', 'languages.1', 'languages.2')}
      />
      <PointPicker
        value={value.point}
        districts={outlines}
        onChange={(point) => set({ point })}
        idPrefix={id('location.point')}
        error={err('location.point')}
      />
    </>
  );
}

const resourceHitsSchema = z.object({ items: z.array(z.looseObject({ id: z.uuid(), name: z.string() })) }).loose();

/** Choose an existing resource of the directory by searching its name. */
export function ResourcePicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: { id: string; name: string } | null;
  onChange: (r: { id: string; name: string } | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = useQuery({
    queryKey: ['resources', 'search', q],
    queryFn: ({ signal }) => api.get('/resources', resourceHitsSchema, { q, pageSize: 10 }, signal),
    enabled: q.trim().length >= 2 && value === null,
  });
  if (value)
    return (
      <div className="kern-form-input" id={id}>
        <p className="kern-body">
          <strong>{t('explorations.form.chooseResource')}:</strong> {value.name}{' '}
          <Button variant="tertiary" small onClick={() => onChange(null)}>
            {t('explorations.form.remove')}
          </Button>
        </p>
      </div>
    );
  return (
    <div>
      <TextField
        id={`${id}-search`}
        label={t('explorations.form.resourceSearch')}
        hint={t('explorations.form.resourceSearchHint')}
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        error={error}
      />
      {hits.data ? (
        hits.data.items.length === 0 ? (
          <p className="kern-body" aria-live="polite">
            {t('explorations.form.noResourceFound')}
          </p>
        ) : (
          <ul className="kern-list" aria-live="polite" id={id}>
            {hits.data.items.map((r) => (
              <li key={r.id}>
                <Button variant="secondary" small onClick={() => onChange({ id: r.id, name: r.name })}>
                  {r.name}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
