import type { DataCategoryCode } from '../../../shared/contracts/data-protection';
import { documentTypeCategories } from '../../../shared/domain/data-protection/field-groups';
import { useState, type ChangeEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_MAX_BYTES,
  documentTypes,
  type CaseDocument,
  type Confidentiality,
  type DocumentType,
} from '../../../shared/contracts/case-records';
import type { Case } from '../../../shared/contracts/cases';
import {
  retentionClasses,
  retentionClassKeys,
  suggestedRetentionClass,
  type RetentionClassKey,
} from '../../../shared/domain/cases/retention-classes';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary } from '../../components/ui/error-summary';
import { fieldIds, SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { inUiLanguage, ruleErrors } from './case-format';
import {
  caseDocumentsQuery,
  caseRecordsApi,
  caseRecordsChanged,
  documentContentUrl,
  uploadDocument,
} from './case-records-api';
import {
  ConfidentialityBadge,
  ConfidentialityFieldset,
  formatBytes,
  formatCalendarDate,
  problemText,
  withoutQueryPrefix,
} from './case-records-format';
import { FormActions } from '../../components/ui/form-actions';

const PAGE_SIZE = 10;
const UPLOAD_FIELDS = ['file', 'docType', 'title', 'retentionClass', 'confidentiality', 'fileName'] as const;
/** What the file picker offers; the server decides by the content anyway. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,application/pdf,image/png,image/jpeg,image/tiff,text/plain';

type UploadValues = {
  docType: DocumentType | '';
  title: string;
  retentionClass: RetentionClassKey;
  confidentiality: Confidentiality;
};

const withoutExtension = (name: string) => name.replace(/\.[^.]{1,5}$/, '');

function UploadForm({
  caseId,
  categories,
  agencyName,
  csrfToken,
  onUploaded,
  onCancel,
}: {
  caseId: string;
  /** The data categories the agency sees of the person: only their document types can be filed. */
  categories: readonly DataCategoryCode[];
  agencyName: string;
  csrfToken: string;
  onUploaded: (document: CaseDocument) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const summary = useFormSummary('case-document-upload');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  // The class follows the type until the caseworker picks one; the title follows the file name likewise.
  const [retentionTouched, setRetentionTouched] = useState(false);
  const [suggestedTitle, setSuggestedTitle] = useState('');
  const form = useForm<UploadValues>({
    shouldFocusError: false,
    defaultValues: { docType: '', title: '', retentionClass: 'case_file', confidentiality: 'team' },
  });
  const retentionClass = useWatch({ control: form.control, name: 'retentionClass' });
  const errors = form.formState.errors;
  const upload = useMutation({
    mutationFn: (input: { values: UploadValues & { docType: DocumentType }; file: File }) =>
      uploadDocument(
        caseId,
        {
          docType: input.values.docType,
          title: input.values.title.trim(),
          retentionClass: input.values.retentionClass,
          confidentiality: input.values.confidentiality,
          fileName: input.file.name,
        },
        input.file,
        csrfToken,
        setProgress,
      ),
  });

  const fileProblem = (f: File | null): string | null => {
    if (!f) return t('caseRecords.documents.errors.noFile');
    if (f.size === 0) return t('caseRecords.documents.errors.empty');
    if (f.size > DOCUMENT_MAX_BYTES) return t('caseRecords.documents.errors.tooLarge', { size: formatBytes(f.size) });
    return null;
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setFileError(chosen ? fileProblem(chosen) : null);
    const title = form.getValues('title').trim();
    if (chosen && (title === '' || title === suggestedTitle)) {
      const suggestion = withoutExtension(chosen.name);
      setSuggestedTitle(suggestion);
      form.setValue('title', suggestion);
    }
  };

  const docTypeRegistration = form.register('docType', {
    onChange: (event: ChangeEvent<HTMLSelectElement>) => {
      if (!retentionTouched && event.target.value) {
        form.setValue('retentionClass', suggestedRetentionClass(event.target.value));
      }
    },
  });

  const onSubmit = form.handleSubmit((values) => {
    const problems: [string, string][] = [];
    const fp = fileProblem(file);
    setFileError(fp);
    if (fp) problems.push(['file', fp]);
    if (!values.docType) {
      problems.push(['docType', t('validation.required')]);
      form.setError('docType', { type: 'required', message: t('validation.required') });
    }
    if (values.title.trim() === '') {
      problems.push(['title', t('validation.required')]);
      form.setError('title', { type: 'required', message: t('validation.required') });
    }
    if (problems.length || !file || !values.docType) {
      summary.showFieldErrors(ruleErrors(problems));
      return;
    }
    setProgress(0);
    upload.mutate(
      { values: { ...values, docType: values.docType }, file },
      {
        onSuccess: (document) => {
          summary.clear();
          onUploaded(document);
        },
        onError: (error) => {
          setProgress(null);
          const mapped = withoutQueryPrefix(error);
          const forFile = isApiError(mapped) ? mapped.fieldErrors.find((f) => f.path === 'file') : undefined;
          if (forFile) setFileError(forFile.message);
          summary.showServerError(mapped, form.setError, UPLOAD_FIELDS);
        },
      },
    );
  }, summary.showFieldErrors);

  const fileId = summary.id('file');
  const ids = fieldIds(fileId);
  const uploading = upload.isPending;

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('caseRecords.documents.addTitle')}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <div className={`kern-form-input ${fileError ? 'kern-form-input--error' : ''}`.trim()}>
        <label className="kern-label" htmlFor={fileId}>
          {t('caseRecords.documents.fields.file')}
        </label>
        <div className="kern-hint" id={ids.hint}>
          {t('caseRecords.documents.fields.fileHint')}
        </div>
        <input
          id={fileId}
          type="file"
          className="kern-form-input__input"
          accept={ACCEPT}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${ids.hint} ${ids.error}` : ids.hint}
          disabled={uploading}
          onChange={onFile}
        />
        {fileError ? (
          <p className="kern-error" id={ids.error}>
            <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
            <span className="kern-body">{fileError}</span>
          </p>
        ) : null}
      </div>
      <SelectField
        id={summary.id('docType')}
        label={t('caseRecords.documents.fields.docType')}
        error={errors.docType?.message}
        disabled={uploading}
        options={[
          { value: '', label: t('caseRecords.documents.fields.chooseType') },
          ...documentTypes
            .filter((d) => categories.includes(documentTypeCategories[d]))
            .map((d) => ({ value: d, label: t(`caseRecords.documents.types.${d}`) })),
        ]}
        registration={docTypeRegistration}
      />
      <TextField
        id={summary.id('title')}
        label={t('caseRecords.documents.fields.title')}
        hint={t('caseRecords.documents.fields.titleHint')}
        maxLength={200}
        autoComplete="off"
        disabled={uploading}
        error={errors.title?.message}
        registration={form.register('title')}
      />
      <SelectField
        id={summary.id('retentionClass')}
        label={t('caseRecords.documents.fields.retentionClass')}
        hint={inUiLanguage(retentionClasses[retentionClass].explanation)}
        error={errors.retentionClass?.message}
        disabled={uploading}
        options={retentionClassKeys.map((k) => ({ value: k, label: inUiLanguage(retentionClasses[k].label) }))}
        registration={form.register('retentionClass', {
          onChange: () => setRetentionTouched(true),
        })}
      />
      <ConfidentialityFieldset
        id={summary.id('confidentiality')}
        agencyName={agencyName}
        registration={form.register('confidentiality')}
        error={errors.confidentiality?.message}
      />
      {progress !== null && uploading ? (
        <div className="lotse-stack">
          <label className="kern-label" htmlFor="case-document-progress">
            {t('caseRecords.documents.uploading', { percent: Math.round(progress * 100) })}
          </label>
          <progress id="case-document-progress" max={100} value={Math.round(progress * 100)} />
        </div>
      ) : null}
      <FormActions submitLabel={t('caseRecords.documents.add')} pending={uploading} onCancel={onCancel} />
    </form>
  );
}

function DocumentItem({ document, onRemove }: { document: CaseDocument; onRemove: (() => void) | null }) {
  const { t } = useTranslation();
  const titleId = `case-document-${document.id}-title`;
  const size = formatBytes(document.sizeBytes);
  return (
    <li className="lotse-repeat-group" aria-labelledby={titleId}>
      <h3 className="kern-heading-small" id={titleId}>
        {document.title}
      </h3>
      <p className="kern-body kern-body--small">
        <strong>{t(`caseRecords.documents.types.${document.docType}`)}</strong> · {document.fileName} ·{' '}
        {t(`caseRecords.documents.mediaTypes.${document.mediaType}`)}, {size}
      </p>
      <p className="kern-body kern-body--small">
        {t('caseRecords.documents.uploadedBy', {
          user: document.uploadedBy.displayName,
          agency: document.agency.name,
          date: formatDateTime(document.uploadedAt),
        })}
        {' · '}
        {inUiLanguage(retentionClasses[document.retentionClass].label)}
        {' · '}
        {document.retentionDueOn
          ? t('caseRecords.documents.retentionDue', { date: formatCalendarDate(document.retentionDueOn) })
          : t('caseRecords.documents.retentionOpen')}
      </p>
      {document.confidentiality !== 'team' ? (
        <p className="kern-body">
          <ConfidentialityBadge level={document.confidentiality} />
        </p>
      ) : null}
      <div className="lotse-button-row">
        <a
          className="kern-btn kern-btn--secondary kern-btn--x-small"
          href={documentContentUrl(document.caseId, document.id)}
          download={document.fileName}
          aria-label={t('caseRecords.documents.downloadFor', { title: document.title, size })}
        >
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{t('caseRecords.documents.download')}</span>
        </a>
        {onRemove ? (
          <Button
            variant="tertiary"
            icon="delete"
            small
            aria-label={t('caseRecords.documents.removeFor', { title: document.title })}
            onClick={onRemove}
          >
            {t('caseRecords.documents.remove')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/**
 * The documents of a case the caller may see, newest first: upload with type, retention class and
 * visibility; download; removal by the uploader's agency with a confirmation.
 */
export function CaseDocumentsPanel({ value }: { value: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CaseDocument | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const documents = useQuery(caseDocumentsQuery(value.id, { page, pageSize: PAGE_SIZE }));
  const closed = value.phase === 'closure';
  const canWrite = hasPermission(me, 'case.write') && !closed;
  const items = documents.data?.items ?? [];
  const remove = useMutation({
    mutationFn: (document: CaseDocument) => caseRecordsApi.removeDocument(document),
    onSuccess: () => {
      setRemoving(null);
      setMessage({ text: t('caseRecords.documents.removed'), key: Date.now() });
      caseRecordsChanged(queryClient, value.id, 'documents');
    },
    onError: (error) => {
      if (isApiError(error, 404)) caseRecordsChanged(queryClient, value.id, 'documents');
    },
  });

  return (
    <SectionCard
      id="case-documents"
      title={t('caseRecords.documents.title')}
      actions={
        canWrite && me ? (
          <Button
            variant="secondary"
            icon="add"
            small
            onClick={() => {
              setMessage(null);
              setAdding(true);
            }}
          >
            {t('caseRecords.documents.add')}
          </Button>
        ) : null
      }
    >
      <SuccessNotice notice={message} />
      {closed ? <p className="kern-body kern-body--small">{t('caseRecords.documents.closedHint')}</p> : null}
      {documents.isPending ? <Loading /> : null}
      {documents.error ? <QueryError error={documents.error} onRetry={() => void documents.refetch()} /> : null}
      {documents.data && items.length === 0 ? (
        <EmptyState title={t('caseRecords.documents.emptyTitle')}>{t('caseRecords.documents.emptyText')}</EmptyState>
      ) : null}
      {documents.data && items.length > 0 ? (
        <>
          <ol
            className="lotse-stack"
            style={{ listStyle: 'none', padding: 0 }}
            aria-label={t('caseRecords.documents.listLabel')}
            aria-busy={documents.isFetching || undefined}
          >
            {items.map((document) => (
              <DocumentItem
                key={document.id}
                document={document}
                onRemove={
                  document.actions.delete
                    ? () => {
                        remove.reset();
                        setMessage(null);
                        setRemoving(document);
                      }
                    : null
                }
              />
            ))}
          </ol>
          <Pagination page={documents.data.page} onPageChange={setPage} />
        </>
      ) : null}
      <ModalDialog
        isOpen={adding}
        onOpenChange={setAdding}
        title={t('caseRecords.documents.addTitle')}
        wide
        dismissable={false}
      >
        {me ? (
          <UploadForm
            caseId={value.id}
            categories={value.access.categories}
            agencyName={me.agency.name}
            csrfToken={me.session.csrfToken}
            onCancel={() => setAdding(false)}
            onUploaded={() => {
              setAdding(false);
              setPage(1);
              setMessage({ text: t('caseRecords.documents.uploaded'), key: Date.now() });
              caseRecordsChanged(queryClient, value.id, 'documents');
            }}
          />
        ) : null}
      </ModalDialog>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('caseRecords.documents.removeTitle')}
        confirmLabel={t('caseRecords.documents.removeConfirm')}
        onConfirm={() => removing && remove.mutate(removing)}
        isPending={remove.isPending}
        error={remove.error ? problemText(remove.error, t) : null}
      >
        {removing
          ? t('caseRecords.documents.removeText', { title: removing.title, fileName: removing.fileName })
          : null}
      </ConfirmDialog>
    </SectionCard>
  );
}
