import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { measureKinds, type Measure, type MeasureKind } from '../../../shared/contracts/measures';
import type { Criterion } from '../../../shared/domain/referrals/criteria';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { hasPermission, useMe } from '../../lib/session';
import { districtsQuery } from './measures-api';
import { CriteriaEditor, criterionToDraft, draftFieldId, draftsToCriteria, type CriterionDraft, type DraftErrors } from './criteria-editor';

export type MeasureFormValues = {
  kind: MeasureKind;
  title: string;
  description: string | null;
  provider: string;
  places: number | null;
  startsOn: string | null;
  endsOn: string | null;
  location: string | null;
  districtId: string | null;
  criteria: Criterion[];
};

type Field = 'kind' | 'title' | 'description' | 'provider' | 'places' | 'startsOn' | 'endsOn' | 'location' | 'districtId';
const FORM_ID = 'measure-form';
const fieldId = (f: string) => `${FORM_ID}-${f}`;

type MeasureFormProps = {
  initial?: Measure;
  submitLabel: string;
  onSubmit: (values: MeasureFormValues) => Promise<void>;
  onCancel: () => void;
};

/** Create or edit a measure: the catalogue fields and the eligibility criteria as data. */
export function MeasureForm({ initial, submitLabel, onSubmit, onCancel }: MeasureFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const districts = useQuery({ ...districtsQuery, enabled: hasPermission(me.data, 'social_space.read') });
  const [v, setV] = useState<{
    kind: MeasureKind;
    title: string;
    description: string;
    provider: string;
    places: string;
    startsOn: string;
    endsOn: string;
    location: string;
    districtId: string;
  }>({
    kind: initial?.kind ?? 'integration_course',
    title: initial?.title ?? '',
    description: initial?.description ?? '',
    provider: initial?.provider ?? '',
    places: initial?.places === null || initial?.places === undefined ? '' : String(initial.places),
    startsOn: initial?.startsOn ?? '',
    endsOn: initial?.endsOn ?? '',
    location: initial?.location ?? '',
    districtId: initial?.district?.id ?? '',
  });
  const [drafts, setDrafts] = useState<CriterionDraft[]>(() => (initial?.criteria ?? []).map((c) => criterionToDraft(c.criterion)));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [draftErrors, setDraftErrors] = useState<DraftErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  const set = (f: keyof typeof v) => (ev: { target: { value: string } }) => setV((old) => ({ ...old, [f]: ev.target.value }));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setAttempt((n) => n + 1);
    setGeneral(null);
    const e: Partial<Record<Field, string>> = {};
    if (v.title.trim() === '') e.title = t('measures.required');
    if (v.provider.trim() === '') e.provider = t('measures.required');
    let places: number | null = null;
    if (v.places.trim() !== '') {
      if (!/^\d+$/.test(v.places.trim()) || Number(v.places) > 10000) e.places = t('measures.placesInvalid');
      else places = Number(v.places.trim());
    }
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) e.endsOn = t('measures.endBeforeStart');
    const converted = draftsToCriteria(drafts, t);
    setErrors(e);
    setDraftErrors(converted.errors);
    if (Object.keys(e).length > 0 || Object.keys(converted.errors).length > 0) return;
    setPending(true);
    try {
      await onSubmit({
        kind: v.kind,
        title: v.title.trim(),
        description: v.description.trim() || null,
        provider: v.provider.trim(),
        places,
        startsOn: v.startsOn || null,
        endsOn: v.endsOn || null,
        location: v.location.trim() || null,
        districtId: v.districtId || null,
        criteria: converted.criteria,
      });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const server: Partial<Record<Field, string>> = {};
        for (const fe of error.fieldErrors) {
          const key = fe.path.split('.')[0] as Field;
          if (key in v) server[key] = fe.message;
        }
        setErrors(server);
        if (Object.keys(server).length === 0) setGeneral(error.fieldErrors.map((fe) => fe.message).join(' '));
      } else setGeneral(errorMessage(error, t));
    } finally {
      setPending(false);
    }
  }

  const summary: SummaryItem[] = [
    ...(general ? [{ message: general }] : []),
    ...(Object.entries(errors) as [Field, string][]).map(([f, message]) => ({ fieldId: fieldId(f), message })),
    ...Object.entries(draftErrors).flatMap(([key, fields]) =>
      Object.entries(fields).map(([f, message]) => ({ fieldId: draftFieldId(`${FORM_ID}-criteria`, Number(key), f), message })),
    ),
  ];

  return (
    <form id={FORM_ID} className="lotse-stack" noValidate onSubmit={(ev) => void submit(ev)}>
      <ErrorSummary items={summary} focusKey={attempt} />
      <SelectField
        id={fieldId('kind')}
        label={t('measures.fields.kind')}
        value={v.kind}
        options={measureKinds.map((k) => ({ value: k, label: t(`measures.kinds.${k}`) }))}
        onChange={set('kind')}
      />
      <TextField id={fieldId('title')} label={t('measures.fields.title')} value={v.title} error={errors.title} onChange={set('title')} required />
      <TextField
        id={fieldId('provider')}
        label={t('measures.fields.provider')}
        value={v.provider}
        error={errors.provider}
        onChange={set('provider')}
        required
      />
      <TextAreaField
        id={fieldId('description')}
        label={t('measures.fields.description')}
        value={v.description}
        error={errors.description}
        optional
        onChange={set('description')}
      />
      <div className="lotse-filter__fields">
        <TextField
          id={fieldId('places')}
          label={t('measures.fields.places')}
          hint={t('measures.fields.placesHint')}
          inputMode="numeric"
          width={4}
          value={v.places}
          error={errors.places}
          optional
          onChange={set('places')}
        />
        <TextField id={fieldId('startsOn')} type="date" label={t('measures.fields.startsOn')} value={v.startsOn} error={errors.startsOn} optional onChange={set('startsOn')} />
        <TextField id={fieldId('endsOn')} type="date" label={t('measures.fields.endsOn')} value={v.endsOn} error={errors.endsOn} optional onChange={set('endsOn')} />
      </div>
      <TextField id={fieldId('location')} label={t('measures.fields.location')} value={v.location} error={errors.location} optional onChange={set('location')} />
      {districts.data ? (
        <SelectField
          id={fieldId('districtId')}
          label={t('measures.fields.district')}
          value={v.districtId}
          error={errors.districtId}
          optional
          options={[
            { value: '', label: t('measures.fields.noDistrict') },
            ...districts.data.items.map((d) => ({ value: d.id, label: d.name })),
          ]}
          onChange={set('districtId')}
        />
      ) : null}
      <CriteriaEditor
        id={`${FORM_ID}-criteria`}
        legend={t('measures.criteriaTitle')}
        drafts={drafts}
        onChange={setDrafts}
        errors={draftErrors}
      />
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
