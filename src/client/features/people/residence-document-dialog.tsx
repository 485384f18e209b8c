import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import {
  employmentConditionSchema,
  residenceDocumentTypes,
  type ResidenceDocument,
} from '../../../shared/contracts/residence-documents';
import {
  typesRequiringLegalBasis,
  typesRequiringValidUntil,
} from '../../../shared/domain/residence-documents/document-rules';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { isApiError } from '../../lib/errors';
import { zodOptions } from '../../lib/form-errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { LEGAL_BASIS_BY_TYPE } from './residence-document-format';
import {
  RESIDENCE_DOCUMENT_FIELDS,
  residenceDocumentFormSchema,
  residenceDocumentToForm,
  type ResidenceDocumentFormInput,
  type ResidenceDocumentFormOutput,
} from './residence-document-form-schema';
import { residenceDocumentsApi } from './residence-documents-api';
import { FormActions } from '../../components/ui/form-actions';

type FormProps = {
  personId: string;
  /** null: a new document. */
  document: ResidenceDocument | null;
  onSaved: (document: ResidenceDocument) => void;
  onCancel: () => void;
  /** Fetches the current state after a 412; the dialog then shows the fresh document. */
  onReload: (documentId: string) => Promise<void>;
};

/**
 * Offers the norm that follows from the document type, unless the caseworker typed their own: the
 * field is only replaced while it is empty or still holds the previous type's suggestion.
 */
function useLegalBasisSuggestion(
  form: ReturnType<typeof useForm<ResidenceDocumentFormInput, unknown, ResidenceDocumentFormOutput>>,
) {
  const type = useWatch({ control: form.control, name: 'documentType' });
  const previous = useRef(type);
  useEffect(() => {
    if (previous.current === type) return;
    const before = previous.current ? LEGAL_BASIS_BY_TYPE[previous.current] : undefined;
    previous.current = type;
    const current = form.getValues('legalBasis').trim();
    if (current === '' || current === before) {
      form.setValue('legalBasis', (type && LEGAL_BASIS_BY_TYPE[type]) || '');
    }
  }, [type, form]);
}

function ResidenceDocumentForm({ personId, document, onSaved, onCancel, onReload }: FormProps) {
  const { t } = useTranslation();
  const summary = useFormSummary(document ? `residence-document-${document.id}` : 'residence-document-new');
  const form = useForm<ResidenceDocumentFormInput, unknown, ResidenceDocumentFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(residenceDocumentFormSchema, zodOptions),
    defaultValues: residenceDocumentToForm(document),
  });
  const [stale, setStale] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);
  const [documentType, wohnsitzauflage, raeumlicheBeschraenkung] = useWatch({
    control: form.control,
    name: ['documentType', 'wohnsitzauflage', 'raeumlicheBeschraenkung'],
  });
  // What the type requires is marked as such; the rest stays "(optional)".
  const needsUntil = documentType !== '' && typesRequiringValidUntil.has(documentType);
  const needsBasis = documentType !== '' && typesRequiringLegalBasis.has(documentType);
  useLegalBasisSuggestion(form);
  const errors = form.formState.errors;

  const save = useMutation({
    mutationFn: (values: ResidenceDocumentFormOutput) =>
      document
        ? residenceDocumentsApi.update(personId, document.id, document.version, values)
        : residenceDocumentsApi.create(personId, values),
  });

  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const onSubmit = form.handleSubmit(
    (values) =>
      save.mutate(values, {
        onSuccess: (saved) => {
          summary.clear();
          onSaved(saved);
        },
        onError: (error) => {
          if (isApiError(error, 412)) {
            summary.clear();
            setStale(true);
            return;
          }
          summary.showServerError(error, form.setError, RESIDENCE_DOCUMENT_FIELDS);
        },
      }),
    summary.showFieldErrors,
  );

  const dateField = (name: 'issuedOn' | 'validFrom' | 'validUntil') => (
    <TextField
      id={summary.id(name)}
      label={t(`residenceDocuments.fields.${name}`)}
      type="date"
      optional={name !== 'validUntil' || !needsUntil}
      error={errors[name]?.message}
      registration={form.register(name)}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={document ? t('residenceDocuments.editTitle') : t('residenceDocuments.addTitle')}
    >
      {stale ? (
        <Alert
          ref={staleRef}
          tabIndex={-1}
          tone="danger"
          role="alert"
          title={t('residenceDocuments.staleTitle')}
          className="lotse-error-summary"
        >
          <p className="kern-body">{t('residenceDocuments.staleText')}</p>
          <div>
            <Button variant="secondary" onClick={() => document && void onReload(document.id)}>
              {t('people.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <SelectField
        id={summary.id('documentType')}
        label={t('residenceDocuments.fields.documentType')}
        error={errors.documentType?.message}
        options={[
          { value: '', label: t('residenceDocuments.form.chooseType') },
          ...residenceDocumentTypes.map((value) => ({ value, label: t(`residenceDocuments.types.${value}`) })),
        ]}
        registration={form.register('documentType')}
      />
      <TextField
        id={summary.id('legalBasis')}
        label={t('residenceDocuments.fields.legalBasis')}
        hint={t('residenceDocuments.form.legalBasisHint')}
        optional={!needsBasis}
        autoComplete="off"
        error={errors.legalBasis?.message}
        registration={form.register('legalBasis')}
      />
      <TextField
        id={summary.id('documentNumber')}
        label={t('residenceDocuments.fields.documentNumber')}
        optional
        autoComplete="off"
        spellCheck={false}
        error={errors.documentNumber?.message}
        registration={form.register('documentNumber')}
      />
      {dateField('issuedOn')}
      {dateField('validFrom')}
      {dateField('validUntil')}
      <SelectField
        id={summary.id('employment')}
        label={t('residenceDocuments.fields.employment')}
        error={errors.employment?.message}
        options={employmentConditionSchema.options.map((value) => ({
          value,
          label: t(`residenceDocuments.employment.${value}`),
        }))}
        registration={form.register('employment')}
      />
      <Fieldset id={summary.id('conditions')} legend={t('residenceDocuments.fields.conditions')}>
        <Checkbox
          id={summary.id('wohnsitzauflage')}
          label={t('residenceDocuments.fields.wohnsitzauflage')}
          registration={form.register('wohnsitzauflage')}
        />
        {wohnsitzauflage ? (
          <TextField
            id={summary.id('wohnsitzauflageMunicipality')}
            label={t('residenceDocuments.fields.wohnsitzauflageMunicipality')}
            autoComplete="off"
            error={errors.wohnsitzauflageMunicipality?.message}
            registration={form.register('wohnsitzauflageMunicipality')}
          />
        ) : null}
        <Checkbox
          id={summary.id('raeumlicheBeschraenkung')}
          label={t('residenceDocuments.fields.raeumlicheBeschraenkung')}
          registration={form.register('raeumlicheBeschraenkung')}
        />
        {raeumlicheBeschraenkung ? (
          <TextField
            id={summary.id('raeumlicheBeschraenkungArea')}
            label={t('residenceDocuments.fields.raeumlicheBeschraenkungArea')}
            hint={t('residenceDocuments.form.areaHint')}
            autoComplete="off"
            error={errors.raeumlicheBeschraenkungArea?.message}
            registration={form.register('raeumlicheBeschraenkungArea')}
          />
        ) : null}
      </Fieldset>
      <TextField
        id={summary.id('issuingAuthority')}
        label={t('residenceDocuments.fields.issuingAuthority')}
        optional
        autoComplete="off"
        error={errors.issuingAuthority?.message}
        registration={form.register('issuingAuthority')}
      />
      <TextAreaField
        id={summary.id('notes')}
        label={t('residenceDocuments.fields.notes')}
        optional
        rows={3}
        error={errors.notes?.message}
        registration={form.register('notes')}
      />
      <FormActions submitLabel={t('common.save')} pending={save.isPending} disabled={stale} onCancel={onCancel} />
    </form>
  );
}

type ResidenceDocumentDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  personId: string;
  document: ResidenceDocument | null;
  /** True when an edited document is no longer in the person's list (deleted meanwhile). */
  missing?: boolean;
  onSaved: (document: ResidenceDocument) => void;
  onReload: (documentId: string) => Promise<void>;
};

/** Adds or edits one residence document; react-aria keeps focus inside and Escape closes it. */
export function ResidenceDocumentDialog({
  isOpen,
  onOpenChange,
  personId,
  document,
  missing,
  onSaved,
  onReload,
}: ResidenceDocumentDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={document || missing ? t('residenceDocuments.editTitle') : t('residenceDocuments.addTitle')}
      wide
      dismissable={false}
    >
      {missing ? (
        <Alert tone="danger" title={t('residenceDocuments.goneTitle')} />
      ) : (
        <ResidenceDocumentForm
          // A reload after a conflict brings a new version: start again from the stored document.
          key={document ? `${document.id}-${document.version}` : 'new'}
          personId={personId}
          document={document}
          onSaved={onSaved}
          onCancel={() => onOpenChange(false)}
          onReload={onReload}
        />
      )}
    </ModalDialog>
  );
}
