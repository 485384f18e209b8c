import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { confidentialityLevels, type Confidentiality } from '../../../shared/contracts/case-records';
import {
  letterLanguages,
  letterTemplateKeys,
  type LetterDetail,
  type LetterLanguage,
  type LetterTemplateKey,
} from '../../../shared/contracts/letters';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { languageLabel, templateLabel } from './letter-labels';
import { LetterPreview } from './letter-preview';
import {
  displayName,
  invalidateLetters,
  letterAppointmentsQuery,
  letterPersonQuery,
  letterQuery,
  letterTemplatesQuery,
  lettersApi,
  personCasesQuery,
} from './letters-api';

const fieldId = (key: string) => `letter-field-${key}`;

/**
 * "Brief schreiben": case, template, language, appointment and the template's fields; saving
 * creates (or updates) a draft and shows the rendered letter as an image. Sending happens on the
 * letter's page.
 */
export function LetterComposePage() {
  const [search] = useSearchParamUpdate();
  const draftId = search.get('entwurf');
  const existing = useQuery({ ...letterQuery(draftId ?? ''), enabled: !!draftId });
  if (draftId && existing.isPending) return <Loading />;
  if (draftId && existing.error) return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;
  // No key: after the first save the URL gains ?entwurf=…, and the form (with its notice) stays.
  return <LetterComposeForm draft={draftId ? (existing.data ?? null) : null} />;
}

function LetterComposeForm({ draft }: { draft: LetterDetail | null }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id: personId = '' } = useParams();
  const [search, setParams] = useSearchParamUpdate();
  const person = useQuery(letterPersonQuery(personId));
  const templates = useQuery(letterTemplatesQuery);
  const cases = useQuery(personCasesQuery(personId));

  const [chosenCaseId, setCaseId] = useState(draft?.caseId ?? search.get('fall') ?? '');
  const [template, setTemplate] = useState<LetterTemplateKey>(draft?.template ?? 'invitation');
  const [language, setLanguage] = useState<LetterLanguage | ''>(draft?.language ?? '');
  const [appointmentId, setAppointmentId] = useState(draft?.appointmentId ?? '');
  const [confidentiality, setConfidentiality] = useState<Confidentiality>(draft?.confidentiality ?? 'agency');
  const [fields, setFields] = useState<Record<string, string>>(draft?.fields ?? {});
  const [letter, setLetter] = useState<LetterDetail | null>(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  // The only case is chosen for the caseworker.
  const onlyCase = cases.data?.items.length === 1 ? cases.data.items[0]!.id : '';
  const caseId = chosenCaseId || onlyCase;

  const appointments = useQuery({ ...letterAppointmentsQuery(caseId), enabled: !!caseId });
  const definition = templates.data?.items.find((x) => x.key === template);
  const name = person.data ? displayName(person.data) : '';
  const label = (f: { labelDe: string; labelEn: string }) => (ui === 'en' ? f.labelEn : f.labelDe);
  const isDraft = !letter || letter.status === 'draft';

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!caseId) out.caseId = t('letters.compose.requiredMissing', { label: t('letters.compose.case') });
    for (const f of definition?.fields ?? []) {
      const filledByAppointment = f.fromAppointment && !!appointmentId;
      if (f.required && !filledByAppointment && !(fields[f.key] ?? '').trim()) {
        out[f.key] = t('letters.compose.requiredMissing', { label: label(f) });
      }
    }
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = validate();
    setAttempt((n) => n + 1);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setSummary(
        Object.entries(local).map(([k, message]) => ({
          fieldId: k === 'caseId' ? 'letter-case' : fieldId(k),
          message,
        })),
      );
      return;
    }
    setPending(true);
    setErrors({});
    setSummary([]);
    const known = new Set((definition?.fields ?? []).map((f) => f.key));
    const values = Object.fromEntries(Object.entries(fields).filter(([k, v]) => known.has(k) && v.trim() !== ''));
    try {
      const saved = letter
        ? await lettersApi.update(letter.id, letter.version, {
            ...(language ? { language } : {}),
            fields: values,
            appointmentId: appointmentId || null,
            confidentiality,
          })
        : await lettersApi.create(caseId, {
            template,
            ...(language ? { language } : {}),
            fields: values,
            ...(appointmentId ? { appointmentId } : {}),
            confidentiality,
          });
      setLetter(saved);
      setLanguage(saved.language);
      setFields(saved.fields);
      setNotice((prev) => ({ text: t('letters.compose.saved'), key: (prev?.key ?? 0) + 1 }));
      queryClient.setQueryData(letterQuery(saved.id).queryKey, saved);
      invalidateLetters(queryClient);
      if (!letter) setParams({ entwurf: saved.id }, { replace: true });
    } catch (error) {
      const byField: Record<string, string> = {};
      const items: SummaryItem[] = [];
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        for (const fe of error.fieldErrors) {
          const key = fe.path.replace(/^body\./, '').replace(/^fields\./, '');
          byField[key] = fe.message;
          items.push({
            fieldId: known.has(key) ? fieldId(key) : key === 'appointmentId' ? 'letter-appointment' : undefined,
            message: fe.message,
          });
        }
      } else {
        items.push({ message: errorMessage(error, t) });
      }
      setErrors(byField);
      setSummary(items);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <PageHeading
        title={letter ? t('letters.compose.editTitle') : t('letters.compose.title')}
        preline={name || undefined}
        documentTitle={`${letter ? t('letters.compose.editTitle') : t('letters.compose.title')}${name ? `: ${name}` : ''}`}
      >
        {t('letters.compose.intro')}
      </PageHeading>
      <p>
        <Link className="kern-link" to={paths.personCorrespondence(personId)}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('letters.letter.person')}
        </Link>
      </p>
      {templates.error ? <QueryError error={templates.error} onRetry={() => void templates.refetch()} /> : null}
      {cases.error ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data && cases.data.items.length === 0 ? <p className="kern-body">{t('letters.compose.noCases')}</p> : null}
      {summary.length > 0 ? (
        <ErrorSummary items={summary} focusKey={attempt} title={t('letters.compose.errorTitle')} />
      ) : null}
      <SuccessNotice notice={notice} />
      <div className="lotse-grid">
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('letters.compose.title')}>
          <SelectField
            id="letter-case"
            label={t('letters.compose.case')}
            value={caseId}
            disabled={!!letter}
            error={errors.caseId}
            onChange={(e) => {
              setCaseId(e.target.value);
              setAppointmentId('');
            }}
            options={[
              { value: '', label: t('letters.compose.chooseCase') },
              ...(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.reference} – ${c.title}` })),
            ]}
          />
          <SelectField
            id="letter-template"
            label={t('letters.compose.template')}
            value={template}
            disabled={!!letter}
            hint={definition ? (ui === 'en' ? definition.descriptionEn : definition.descriptionDe) : undefined}
            onChange={(e) => setTemplate(e.target.value as LetterTemplateKey)}
            options={letterTemplateKeys.map((k) => ({ value: k, label: templateLabel(t, k) }))}
          />
          <SelectField
            id="letter-language"
            label={t('letters.compose.language')}
            hint={t('letters.compose.languageHint')}
            value={language}
            onChange={(e) => setLanguage(e.target.value as LetterLanguage | '')}
            options={[
              ...(letter ? [] : [{ value: '', label: t('letters.compose.languageAuto') }]),
              ...letterLanguages.map((l) => ({ value: l, label: languageLabel(t, l) })),
            ]}
          />
          {definition?.usesAppointment ? (
            <SelectField
              id="letter-appointment"
              label={t('letters.compose.appointment')}
              hint={t('letters.compose.appointmentHint')}
              optional
              value={appointmentId}
              error={errors.appointmentId}
              onChange={(e) => setAppointmentId(e.target.value)}
              options={[
                { value: '', label: t('letters.compose.noAppointment') },
                ...(appointments.data ?? []).map((a) => ({
                  value: a.id,
                  label: `${formatDateTime(a.startsAt)} – ${a.title}${a.location ? ` (${a.location})` : ''}`,
                })),
              ]}
            />
          ) : null}
          <SelectField
            id="letter-confidentiality"
            label={t('letters.compose.confidentiality')}
            value={confidentiality}
            error={errors.confidentiality}
            onChange={(e) => setConfidentiality(e.target.value as Confidentiality)}
            options={confidentialityLevels.map((c) => ({ value: c, label: t(`letters.confidentiality.${c}`) }))}
          />
          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t('letters.compose.fields')}</legend>
            <div className="kern-fieldset__body">
              {(definition?.fields ?? []).map((f) => {
                const common = {
                  id: fieldId(f.key),
                  label: label(f),
                  error: errors[f.key],
                  optional: !f.required || (f.fromAppointment && !!appointmentId),
                  value: fields[f.key] ?? '',
                };
                const set = (value: string) => setFields((prev) => ({ ...prev, [f.key]: value }));
                return f.kind === 'multiline' ? (
                  <TextAreaField key={f.key} {...common} rows={4} onChange={(e) => set(e.target.value)} />
                ) : (
                  <TextField
                    key={f.key}
                    {...common}
                    type={f.kind === 'date' ? 'date' : f.kind === 'time' ? 'time' : 'text'}
                    onChange={(e) => set(e.target.value)}
                  />
                );
              })}
            </div>
          </fieldset>
          {isDraft ? (
            <FormActions
              submitLabel={letter ? t('letters.compose.submitUpdate') : t('letters.compose.submitCreate')}
              pending={pending}
              onCancel={() => void navigate(letter ? paths.letter(letter.id) : paths.personCorrespondence(personId))}
            />
          ) : null}
        </form>
        <SectionCard id="letter-preview" title={t('letters.preview.title')}>
          {letter ? (
            <>
              <LetterPreview letterId={letter.id} version={letter.version} />
              <p>
                <Link className="kern-link" to={paths.letter(letter.id)}>
                  {t('letters.compose.openLetter')}
                </Link>
              </p>
            </>
          ) : (
            <p className="kern-body">{t('letters.preview.none')}</p>
          )}
        </SectionCard>
      </div>
    </>
  );
}
