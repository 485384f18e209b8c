import { caseNoteCategory } from '../../../shared/domain/data-protection/field-groups';
import { WithheldNotice } from '../../components/data-protection/withheld';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  confidentialitySchema,
  NOTE_BODY_MAX,
  NOTE_SUBJECT_MAX,
  noteKinds,
  noteKindSchema,
  type Note,
  type NoteKind,
} from '../../../shared/contracts/case-records';
import type { Case } from '../../../shared/contracts/cases';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { zodOptions } from '../../lib/form-errors';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { ruleErrors } from './case-format';
import { caseNotesQuery, caseRecordsApi, caseRecordsChanged } from './case-records-api';
import {
  ConfidentialityBadge,
  ConfidentialityFieldset,
  fromLocalInput,
  isInFuture,
  StaleNotice,
  toLocalInput,
} from './case-records-format';

const PAGE_SIZE = 10;
const NOTE_FIELDS = ['kind', 'occurredAt', 'subject', 'body', 'confidentiality'] as const;
/** The server allows a few minutes for a clock that runs ahead; the form does too. */
const CLOCK_SKEW_MS = 5 * 60_000;

const noteFormSchema = z.object({
  kind: noteKindSchema,
  occurredAt: z.string().min(1),
  subject: z.string().trim().min(1).max(NOTE_SUBJECT_MAX),
  body: z.string().trim().min(1).max(NOTE_BODY_MAX),
  confidentiality: confidentialitySchema,
});
type NoteFormInput = z.input<typeof noteFormSchema>;
type NoteFormOutput = z.output<typeof noteFormSchema>;

function defaults(note: Note | null): NoteFormInput {
  return note
    ? {
        kind: note.kind,
        occurredAt: toLocalInput(note.occurredAt),
        subject: note.subject,
        body: note.body,
        confidentiality: note.confidentiality,
      }
    : { kind: 'contact', occurredAt: toLocalInput(new Date()), subject: '', body: '', confidentiality: 'team' };
}

type NoteFormProps = {
  caseId: string;
  note: Note | null;
  agencyName: string;
  onSaved: (note: Note) => void;
  onCancel: () => void;
  onReload: () => void;
};

function NoteForm({ caseId, note, agencyName, onSaved, onCancel, onReload }: NoteFormProps) {
  const { t } = useTranslation();
  const summary = useFormSummary(note ? `case-note-${note.id}` : 'case-note-new');
  const [stale, setStale] = useState(false);
  const form = useForm<NoteFormInput, unknown, NoteFormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(noteFormSchema, zodOptions),
    defaultValues: defaults(note),
  });
  const save = useMutation({
    mutationFn: (values: NoteFormOutput & { occurredAt: string }) =>
      note ? caseRecordsApi.updateNote(note, values) : caseRecordsApi.createNote(caseId, values),
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((values) => {
    const occurredAt = fromLocalInput(values.occurredAt);
    const problem = !occurredAt
      ? t('validation.date')
      : isInFuture(occurredAt, CLOCK_SKEW_MS)
        ? t('caseRecords.notes.future')
        : null;
    if (problem || !occurredAt) {
      form.setError('occurredAt', { type: 'rule', message: problem ?? '' });
      summary.showFieldErrors(ruleErrors([['occurredAt', problem ?? '']]));
      return;
    }
    save.mutate(
      { ...values, occurredAt },
      {
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
          summary.showServerError(error, form.setError, NOTE_FIELDS);
        },
      },
    );
  }, summary.showFieldErrors);

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={note ? t('caseRecords.notes.editTitle') : t('caseRecords.notes.addTitle')}
    >
      {stale ? <StaleNotice onReload={onReload} /> : null}
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <SelectField
        id={summary.id('kind')}
        label={t('caseRecords.notes.fields.kind')}
        error={errors.kind?.message}
        options={noteKinds.map((k) => ({ value: k, label: t(`caseRecords.notes.kinds.${k}`) }))}
        registration={form.register('kind')}
      />
      <TextField
        id={summary.id('occurredAt')}
        label={t('caseRecords.notes.fields.occurredAt')}
        hint={t('caseRecords.notes.fields.occurredAtHint')}
        type="datetime-local"
        max={toLocalInput(new Date())}
        error={errors.occurredAt?.message}
        registration={form.register('occurredAt')}
      />
      <TextField
        id={summary.id('subject')}
        label={t('caseRecords.notes.fields.subject')}
        maxLength={NOTE_SUBJECT_MAX}
        autoComplete="off"
        error={errors.subject?.message}
        registration={form.register('subject')}
      />
      <TextAreaField
        id={summary.id('body')}
        label={t('caseRecords.notes.fields.body')}
        hint={t('caseRecords.notes.fields.bodyHint', { max: NOTE_BODY_MAX.toLocaleString() })}
        rows={6}
        maxLength={NOTE_BODY_MAX}
        error={errors.body?.message}
        registration={form.register('body')}
      />
      <ConfidentialityFieldset
        id={summary.id('confidentiality')}
        agencyName={agencyName}
        registration={form.register('confidentiality')}
        error={errors.confidentiality?.message}
      />
      <FormActions
        submitLabel={note ? t('common.save') : t('caseRecords.notes.add')}
        pending={save.isPending}
        disabled={stale}
        onCancel={onCancel}
      />
    </form>
  );
}

function NoteItem({ note, onEdit }: { note: Note; onEdit: (() => void) | null }) {
  const { t } = useTranslation();
  const titleId = `case-note-${note.id}-title`;
  return (
    <li className="lotse-repeat-group" aria-labelledby={titleId}>
      <h3 className="kern-heading-small" id={titleId}>
        {note.subject}
      </h3>
      <p className="kern-body kern-body--small">
        <strong>{t(`caseRecords.notes.kinds.${note.kind}`)}</strong> · {formatDateTime(note.occurredAt)} ·{' '}
        {t('caseRecords.notes.by', { author: note.author.displayName, agency: note.agency.name })}
        {note.version > 1 ? ` · ${t('caseRecords.notes.edited', { date: formatDateTime(note.updatedAt) })}` : ''}
      </p>
      {note.confidentiality !== 'team' ? (
        <p className="kern-body">
          <ConfidentialityBadge level={note.confidentiality} />
        </p>
      ) : null}
      <p className="kern-body lotse-preserve-lines">{note.body}</p>
      {onEdit ? (
        <div>
          <Button
            variant="secondary"
            icon="edit"
            small
            aria-label={t('caseRecords.notes.editFor', { subject: note.subject })}
            onClick={onEdit}
          >
            {t('common.edit')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

type Editing = { mode: 'new' } | { mode: 'edit'; note: Note } | null;

/**
 * The notes (Vermerke) of a case the caller may see, newest contact first: filter by kind, add a
 * note, edit one's own. Notes may be written on a closed case too (a closing note).
 */
export function CaseNotesPanel({ value }: { value: Case }) {
  const { t } = useTranslation();
  if (value.access.withheld.includes(caseNoteCategory)) {
    return (
      <SectionCard id="case-notes" title={t('caseRecords.notes.title')}>
        <WithheldNotice category={caseNoteCategory} />
      </SectionCard>
    );
  }
  return <CaseNotesList value={value} />;
}

function CaseNotesList({ value }: { value: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [kind, setKind] = useState<NoteKind | ''>('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const params = { kind: kind || undefined, page, pageSize: PAGE_SIZE };
  const notes = useQuery(caseNotesQuery(value.id, params));
  const canWrite = hasPermission(me, 'case.write');
  const items = notes.data?.items ?? [];

  const reload = async () => {
    if (editing?.mode !== 'edit') return;
    const fresh = await queryClient.fetchQuery({ ...caseNotesQuery(value.id, params), staleTime: 0 });
    const current = fresh.items.find((n) => n.id === editing.note.id);
    setEditing(current ? { mode: 'edit', note: current } : null);
  };

  return (
    <SectionCard
      id="case-notes"
      title={t('caseRecords.notes.title')}
      actions={
        canWrite ? (
          <Button
            variant="secondary"
            icon="add"
            small
            onClick={() => {
              setMessage(null);
              setEditing({ mode: 'new' });
            }}
          >
            {t('caseRecords.notes.add')}
          </Button>
        ) : null
      }
    >
      <SuccessNotice notice={message} />
      {value.phase === 'closure' && canWrite ? (
        <p className="kern-body kern-body--small">{t('caseRecords.notes.closedHint')}</p>
      ) : null}
      {items.length > 0 || kind !== '' ? (
        <form className="lotse-filter" aria-label={t('caseRecords.notes.filter')} onSubmit={(e) => e.preventDefault()}>
          <div className="lotse-filter__fields">
            <SelectField
              id="case-notes-kind"
              label={t('caseRecords.notes.kindFilter')}
              value={kind}
              options={[
                { value: '', label: t('common.all') },
                ...noteKinds.map((k) => ({ value: k, label: t(`caseRecords.notes.kinds.${k}`) })),
              ]}
              onChange={(event) => {
                setKind(event.target.value as NoteKind | '');
                setPage(1);
              }}
            />
          </div>
        </form>
      ) : null}
      {notes.isPending ? <Loading /> : null}
      {notes.error ? <QueryError error={notes.error} onRetry={() => void notes.refetch()} /> : null}
      {notes.data && items.length === 0 ? (
        kind !== '' ? (
          <EmptyState title={t('caseRecords.notes.emptyFiltered')} />
        ) : (
          <EmptyState title={t('caseRecords.notes.emptyTitle')}>{t('caseRecords.notes.emptyText')}</EmptyState>
        )
      ) : null}
      {notes.data && items.length > 0 ? (
        <>
          <ol
            className="lotse-stack"
            style={{ listStyle: 'none', padding: 0 }}
            aria-label={t('caseRecords.notes.listLabel')}
            aria-busy={notes.isFetching || undefined}
          >
            {items.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                onEdit={
                  note.actions.edit
                    ? () => {
                        setMessage(null);
                        setEditing({ mode: 'edit', note });
                      }
                    : null
                }
              />
            ))}
          </ol>
          <Pagination page={notes.data.page} onPageChange={setPage} />
        </>
      ) : null}
      <ModalDialog
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        title={editing?.mode === 'edit' ? t('caseRecords.notes.editTitle') : t('caseRecords.notes.addTitle')}
        wide
        dismissable={false}
      >
        <NoteForm
          key={editing?.mode === 'edit' ? `${editing.note.id}-${editing.note.version}` : 'new'}
          caseId={value.id}
          note={editing?.mode === 'edit' ? editing.note : null}
          agencyName={me?.agency.name ?? ''}
          onCancel={() => setEditing(null)}
          onReload={() => void reload()}
          onSaved={(saved) => {
            setMessage({
              text: editing?.mode === 'edit' ? t('caseRecords.notes.saved') : t('caseRecords.notes.created'),
              key: Date.now(),
            });
            setEditing(null);
            if (editing?.mode === 'new') {
              setKind('');
              setPage(1);
            }
            caseRecordsChanged(queryClient, saved.caseId, 'notes');
          }}
        />
      </ModalDialog>
    </SectionCard>
  );
}
