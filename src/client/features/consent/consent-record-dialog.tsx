import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentLanguages, type Consent, type ConsentLanguage } from '../../../shared/contracts/consent';
import type { Person } from '../../../shared/contracts/people';
import { todayIn } from '../../../shared/domain/calendar-date';
import { suggestedExpiry } from '../../../shared/domain/data-protection/consent-status';
import {
  consentBaseCategories,
  dataCategories,
  dataCategoryDescriptions,
  dataCategoryLabels,
  type DataCategory,
} from '../../../shared/domain/data-protection/data-categories';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { errorMessage, isApiError } from '../../lib/errors';
import { currentLanguage } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import {
  agenciesQuery,
  consentApi,
  consentTextsQuery,
  printConsentForm,
  saveBlob,
  uploadConsentScan,
} from './consent-api';
import { defaultConsentLanguage, fieldOf } from './consent-format';

type Props = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  person: Person;
  /** Called with the recorded consent and, when a chosen scan could not be stored, the reason. */
  onRecorded: (consent: Consent, scanError: string | null) => void;
};

type EvidenceKind = 'in_person' | 'signed_scan';

/**
 * Capturing a consent: the categories (identity fixed), the recipients, purpose, dates and the
 * language of the text; printing exactly this draft; then the evidence — a signed scan (in force
 * once uploaded) or a confirmation in person with a note.
 */
export function ConsentRecordDialog({ isOpen, onOpenChange, person, onRecorded }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={t('consent.form.title')} wide dismissable={false}>
      {isOpen ? <ConsentForm person={person} onRecorded={onRecorded} onCancel={() => onOpenChange(false)} /> : null}
    </ModalDialog>
  );
}

function ConsentForm({
  person,
  onRecorded,
  onCancel,
}: {
  person: Person;
  onRecorded: Props['onRecorded'];
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const me = useMe().data;
  const csrf = me?.session.csrfToken ?? '';
  const agencies = useQuery(agenciesQuery);
  const texts = useQuery(consentTextsQuery);
  const today = todayIn(new Date());

  const [categories, setCategories] = useState<Set<DataCategory>>(new Set());
  const [recipients, setRecipients] = useState<Set<string>>(new Set());
  const [purpose, setPurpose] = useState('');
  const [givenOn, setGivenOn] = useState(today);
  const [expiresOn, setExpiresOn] = useState(suggestedExpiry(today));
  const [language, setLanguage] = useState<ConsentLanguage>(() => defaultConsentLanguage(person));
  const [evidenceKind, setEvidenceKind] = useState<EvidenceKind>('signed_scan');
  const [evidenceNote, setEvidenceNote] = useState('');
  const [scan, setScan] = useState<File | null>(null);
  const [printedNotice, setPrintedNotice] = useState(false);

  const ownAgencyId = me?.agency.id;
  // Own agency and steering are never recipients (the server refuses both).
  const recipientOptions = (agencies.data?.items ?? [])
    .filter((a) => a.id !== ownAgencyId && a.kind !== 'steering')
    .sort((x, y) => x.name.localeCompare(y.name, 'de'));
  const textVersion = texts.data?.items.find((x) => x.language === language)?.version ?? 1;

  const draft = () => ({
    categories: [...categories],
    recipientAgencyIds: [...recipients],
    purpose,
    givenOn,
    expiresOn,
  });

  const print = useMutation({
    mutationFn: () => printConsentForm(person.id, { ...draft(), language }, csrf),
    onSuccess: (blob) => {
      saveBlob(blob, `Einwilligung-${language}-${givenOn}.pdf`);
      setPrintedNotice(true);
    },
  });

  const save = useMutation({
    mutationFn: async () => {
      const recorded = await consentApi.record(person.id, {
        ...draft(),
        textVersion,
        textLanguage: language,
        evidenceKind,
        evidenceNote: evidenceKind === 'in_person' ? evidenceNote : null,
      });
      if (evidenceKind !== 'signed_scan' || !scan) return { consent: recorded, scanError: null };
      try {
        return { consent: await uploadConsentScan(recorded.id, scan, csrf), scanError: null };
      } catch (error) {
        return { consent: recorded, scanError: errorMessage(error, t) };
      }
    },
    onSuccess: ({ consent, scanError }) => onRecorded(consent, scanError),
  });

  const failed = save.error ?? print.error;
  const errors = isApiError(failed) ? failed.fieldErrors : [];
  const errorFor = (name: string) =>
    errors
      .filter((e) => fieldOf(e.path) === name)
      .map((e) => e.message)
      .filter((m, i, all) => all.indexOf(m) === i)
      .join(' ') || undefined;
  const summary = failed
    ? errors.length > 0
      ? errors.map((e) => ({ fieldId: fieldId(fieldOf(e.path)), message: e.message }))
      : [{ message: errorMessage(failed, t) }]
    : [];

  const toggle = <T,>(set: Set<T>, value: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    print.reset();
    save.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="lotse-stack">
      <ErrorSummary items={summary} focusKey={save.failureCount + print.failureCount} />
      <Fieldset
        id={fieldId('categories')}
        legend={t('consent.form.categoriesLegend')}
        hint={t('consent.form.categoriesHint')}
        error={errorFor('categories')}
      >
        {dataCategories.map((category) => {
          const fixed = consentBaseCategories.includes(category);
          return (
            <Checkbox
              key={category}
              name="categories"
              value={category}
              checked={fixed || categories.has(category)}
              disabled={fixed}
              onChange={(e) => setCategories(toggle(categories, category, e.target.checked))}
              label={
                <>
                  <strong>{dataCategoryLabels[category][lang]}</strong>
                  {fixed ? ` ${t('consent.form.identityFixed')}` : null}
                  <span className="kern-hint" style={{ display: 'block' }}>
                    {dataCategoryDescriptions[category][lang]}
                  </span>
                </>
              }
            />
          );
        })}
      </Fieldset>

      <Fieldset
        id={fieldId('recipientAgencyIds')}
        legend={t('consent.form.recipientsLegend')}
        hint={t('consent.form.recipientsHint')}
        error={errorFor('recipientAgencyIds')}
      >
        {recipientOptions.map((agency) => (
          <Checkbox
            key={agency.id}
            name="recipients"
            value={agency.id}
            checked={recipients.has(agency.id)}
            onChange={(e) => setRecipients(toggle(recipients, agency.id, e.target.checked))}
            label={agency.name}
          />
        ))}
      </Fieldset>

      <TextAreaField
        id={fieldId('purpose')}
        label={t('consent.form.purpose')}
        hint={t('consent.form.purposeHint')}
        error={errorFor('purpose')}
        rows={3}
        maxLength={500}
        value={purpose}
        onChange={(e) => setPurpose(e.target.value)}
      />
      <TextField
        id={fieldId('givenOn')}
        type="date"
        label={t('consent.form.givenOn')}
        error={errorFor('givenOn')}
        value={givenOn}
        max={today}
        onChange={(e) => {
          setGivenOn(e.target.value);
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) setExpiresOn(suggestedExpiry(e.target.value));
        }}
      />
      <TextField
        id={fieldId('expiresOn')}
        type="date"
        label={t('consent.form.expiresOn')}
        hint={t('consent.form.expiresOnHint')}
        error={errorFor('expiresOn')}
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.target.value)}
      />
      <SelectField
        id={fieldId('textLanguage')}
        label={t('consent.form.language')}
        hint={`${t('consent.form.languageHint')} ${t('consent.form.textVersion', { version: textVersion })}.`}
        error={errorFor('textLanguage') ?? errorFor('language') ?? errorFor('textVersion')}
        value={language}
        onChange={(e) => setLanguage(e.target.value as ConsentLanguage)}
        options={consentLanguages.map((l) => ({ value: l, label: t(`consent.languages.${l}`) }))}
      />
      <div className="lotse-button-row">
        <Button
          variant="secondary"
          icon="download"
          onClick={() => {
            save.reset();
            setPrintedNotice(false);
            print.mutate();
          }}
          disabled={print.isPending}
          aria-busy={print.isPending || undefined}
        >
          {print.isPending ? t('consent.form.printing') : t('consent.form.print')}
        </Button>
      </div>
      {printedNotice ? <Alert tone="success" title={t('consent.form.printed')} /> : null}

      <Fieldset id={fieldId('evidenceKind')} legend={t('consent.form.evidenceLegend')} error={errorFor('evidenceKind')}>
        {(['signed_scan', 'in_person'] as const).map((kind) => (
          <div className="kern-form-check" key={kind}>
            <input
              id={fieldId(`evidence-${kind}`)}
              type="radio"
              className="kern-form-check__radio"
              name="evidenceKind"
              value={kind}
              checked={evidenceKind === kind}
              onChange={() => setEvidenceKind(kind)}
            />
            <label className="kern-label" htmlFor={fieldId(`evidence-${kind}`)}>
              {kind === 'signed_scan' ? t('consent.form.evidenceScan') : t('consent.form.evidenceInPerson')}
            </label>
          </div>
        ))}
      </Fieldset>
      {evidenceKind === 'signed_scan' ? (
        <TextField
          id={fieldId('file')}
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/tiff"
          label={t('consent.form.scanFile')}
          hint={`${t('consent.form.evidenceScanHint')} ${t('consent.form.scanFileHint')}`}
          optional
          onChange={(e) => setScan(e.target.files?.[0] ?? null)}
        />
      ) : (
        <TextAreaField
          id={fieldId('evidenceNote')}
          label={t('consent.form.evidenceNote')}
          hint={t('consent.form.evidenceNoteHint')}
          error={errorFor('evidenceNote')}
          rows={3}
          maxLength={500}
          value={evidenceNote}
          onChange={(e) => setEvidenceNote(e.target.value)}
        />
      )}

      <div className="lotse-button-row">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={save.isPending} aria-busy={save.isPending || undefined}>
          {save.isPending ? t('common.saving') : t('consent.form.submit')}
        </Button>
      </div>
    </form>
  );
}
