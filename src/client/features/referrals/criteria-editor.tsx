import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { labourMarketAccessValues, type LabourMarketAccess } from '../../../shared/contracts/legal';
import {
  cefrLevels,
  criterionSchema,
  describeCriterion,
  type CefrLevel,
  type Criterion,
} from '../../../shared/domain/referrals/criteria';
import { Button } from '../../components/ui/button';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/ui/form-field';
import { currentLanguage } from '../../lib/i18n';

/**
 * Editing a list of criteria as data (a measure's eligibility, an agency's acceptance criteria):
 * add a criterion of one of the six kinds, set its values, remove it. Numbers are kept as typed
 * text until `draftsToCriteria` turns the list into criteria or field messages.
 */

export const criterionKinds = [
  'german_min',
  'labour_market_access',
  'age_range',
  'isced_min',
  'vocational_qualification',
  'driving_licence',
] as const;
export type CriterionKind = (typeof criterionKinds)[number];

export type CriterionDraft = {
  key: number;
  kind: CriterionKind;
  level: CefrLevel;
  allowed: LabourMarketAccess[];
  min: string;
  max: string;
  isced: string;
  licenceClass: string;
};

let nextKey = 1;

export function newDraft(kind: CriterionKind): CriterionDraft {
  return { key: nextKey++, kind, level: 'B1', allowed: ['free'], min: '', max: '', isced: '2', licenceClass: 'B' };
}

export function criterionToDraft(c: Criterion): CriterionDraft {
  const d = newDraft(c.kind);
  switch (c.kind) {
    case 'german_min':
      return { ...d, level: c.level };
    case 'labour_market_access':
      return { ...d, allowed: [...c.allowed] };
    case 'age_range':
      return { ...d, min: c.min === null ? '' : String(c.min), max: c.max === null ? '' : String(c.max) };
    case 'isced_min':
      return { ...d, isced: String(c.level) };
    case 'driving_licence':
      return { ...d, licenceClass: c.licenceClass };
    default:
      return d;
  }
}

export type DraftErrors = Record<number, Partial<Record<'allowed' | 'min' | 'max' | 'isced' | 'licenceClass', string>>>;

const wholeNumber = (s: string, lo: number, hi: number): number | null | 'invalid' => {
  if (s.trim() === '') return null;
  if (!/^\d+$/.test(s.trim())) return 'invalid';
  const n = Number(s.trim());
  return n >= lo && n <= hi ? n : 'invalid';
};

/** The drafts as criteria, or the messages per draft (by key) when some are incomplete. */
export function draftsToCriteria(drafts: readonly CriterionDraft[], t: TFunction): { criteria: Criterion[]; errors: DraftErrors } {
  const criteria: Criterion[] = [];
  const errors: DraftErrors = {};
  for (const d of drafts) {
    const e: DraftErrors[number] = {};
    let candidate: unknown;
    switch (d.kind) {
      case 'german_min':
        candidate = { kind: d.kind, level: d.level };
        break;
      case 'labour_market_access':
        if (d.allowed.length === 0) e.allowed = t('measures.criteria.accessRequired');
        candidate = { kind: d.kind, allowed: d.allowed };
        break;
      case 'age_range': {
        const min = wholeNumber(d.min, 0, 120);
        const max = wholeNumber(d.max, 0, 120);
        if (min === 'invalid') e.min = t('measures.criteria.ageInvalid');
        if (max === 'invalid') e.max = t('measures.criteria.ageInvalid');
        if (min === null && max === null) e.min = t('measures.criteria.ageRequired');
        if (typeof min === 'number' && typeof max === 'number' && min > max) e.max = t('measures.criteria.ageOrder');
        candidate = { kind: d.kind, min, max };
        break;
      }
      case 'isced_min': {
        const level = wholeNumber(d.isced, 0, 8);
        if (typeof level !== 'number') e.isced = t('measures.criteria.ageInvalid');
        candidate = { kind: d.kind, level };
        break;
      }
      case 'vocational_qualification':
        candidate = { kind: d.kind };
        break;
      case 'driving_licence':
        if (d.licenceClass.trim() === '' || d.licenceClass.trim().length > 10)
          e.licenceClass = t('measures.criteria.licenceRequired');
        candidate = { kind: d.kind, licenceClass: d.licenceClass.trim() };
        break;
    }
    if (Object.keys(e).length > 0) {
      errors[d.key] = e;
      continue;
    }
    const parsed = criterionSchema.safeParse(candidate);
    if (parsed.success) criteria.push(parsed.data);
  }
  return { criteria, errors };
}

/** The first input of a draft, for the error summary's links. */
export function draftFieldId(idPrefix: string, key: number, field: string): string {
  return `${idPrefix}-${key}-${field}`;
}

type CriteriaEditorProps = {
  id: string;
  legend: string;
  drafts: CriterionDraft[];
  onChange: (next: CriterionDraft[]) => void;
  errors: DraftErrors;
};

export function CriteriaEditor({ id, legend, drafts, onChange, errors }: CriteriaEditorProps) {
  const { t } = useTranslation();
  const [addKind, setAddKind] = useState<CriterionKind>('german_min');
  const lang = currentLanguage();
  const update = (key: number, patch: Partial<CriterionDraft>) =>
    onChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const label = (d: CriterionDraft) => {
    const parsed = draftsToCriteria([d], t).criteria[0];
    return parsed ? describeCriterion(parsed)[lang] : t(`measures.criteria.kinds.${d.kind}`);
  };

  return (
    <Fieldset legend={legend} id={id}>
      {drafts.length === 0 ? <p className="kern-body">{t('measures.criteria.empty')}</p> : null}
      <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
        {drafts.map((d) => {
          const e = errors[d.key] ?? {};
          const fid = (field: string) => draftFieldId(id, d.key, field);
          return (
            <li key={d.key} className="kern-card kern-card--hug">
              <div className="kern-card__container lotse-stack">
                <p className="kern-body kern-body--bold">{t(`measures.criteria.kinds.${d.kind}`)}</p>
                {d.kind === 'german_min' ? (
                  <SelectField
                    id={fid('level')}
                    label={t('measures.criteria.level')}
                    value={d.level}
                    options={cefrLevels.map((l) => ({ value: l, label: l }))}
                    onChange={(ev) => update(d.key, { level: ev.target.value as CefrLevel })}
                  />
                ) : null}
                {d.kind === 'labour_market_access' ? (
                  <Fieldset legend={t('measures.criteria.accessLegend')} id={fid('allowed')} error={e.allowed}>
                    {labourMarketAccessValues.map((a) => (
                      <Checkbox
                        key={a}
                        id={`${fid('allowed')}-${a}`}
                        label={t(`measures.criteria.access.${a}`)}
                        checked={d.allowed.includes(a)}
                        invalid={Boolean(e.allowed)}
                        onChange={(ev) =>
                          update(d.key, {
                            allowed: ev.target.checked
                              ? labourMarketAccessValues.filter((x) => x === a || d.allowed.includes(x))
                              : d.allowed.filter((x) => x !== a),
                          })
                        }
                      />
                    ))}
                  </Fieldset>
                ) : null}
                {d.kind === 'age_range' ? (
                  <div className="lotse-filter__fields">
                    <TextField
                      id={fid('min')}
                      label={t('measures.criteria.ageMin')}
                      inputMode="numeric"
                      width={4}
                      value={d.min}
                      error={e.min}
                      optional
                      onChange={(ev) => update(d.key, { min: ev.target.value })}
                    />
                    <TextField
                      id={fid('max')}
                      label={t('measures.criteria.ageMax')}
                      inputMode="numeric"
                      width={4}
                      value={d.max}
                      error={e.max}
                      optional
                      onChange={(ev) => update(d.key, { max: ev.target.value })}
                    />
                  </div>
                ) : null}
                {d.kind === 'isced_min' ? (
                  <TextField
                    id={fid('isced')}
                    label={t('measures.criteria.isced')}
                    inputMode="numeric"
                    width={4}
                    value={d.isced}
                    error={e.isced}
                    onChange={(ev) => update(d.key, { isced: ev.target.value })}
                  />
                ) : null}
                {d.kind === 'driving_licence' ? (
                  <TextField
                    id={fid('licenceClass')}
                    label={t('measures.criteria.licenceClass')}
                    width={4}
                    value={d.licenceClass}
                    error={e.licenceClass}
                    onChange={(ev) => update(d.key, { licenceClass: ev.target.value })}
                  />
                ) : null}
                <div>
                  <Button variant="secondary" small icon="delete" onClick={() => onChange(drafts.filter((x) => x.key !== d.key))}>
                    {t('measures.criteria.remove', { label: label(d) })}
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {drafts.length < 20 ? (
        <div className="lotse-filter__fields">
          <SelectField
            id={`${id}-add-kind`}
            label={t('measures.criteria.addKind')}
            value={addKind}
            options={criterionKinds.map((k) => ({ value: k, label: t(`measures.criteria.kinds.${k}`) }))}
            onChange={(ev) => setAddKind(ev.target.value as CriterionKind)}
          />
          <div style={{ alignSelf: 'end' }}>
            <Button variant="secondary" icon="add" onClick={() => onChange([...drafts, newDraft(addKind)])}>
              {t('measures.criteria.add')}
            </Button>
          </div>
        </div>
      ) : (
        <p className="kern-body">{t('measures.criteria.tooMany')}</p>
      )}
    </Fieldset>
  );
}
