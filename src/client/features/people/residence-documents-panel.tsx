import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResidenceDocument } from '../../../shared/contracts/residence-documents';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { errorMessage, isApiError } from '../../lib/errors';
import { paths } from '../../lib/paths';
import { formatIsoDate } from './people-format';
import { ResidenceDocumentDialog } from './residence-document-dialog';
import { documentName, documentStatus, needsAttention, validityText } from './residence-document-format';
import {
  invalidateResidenceDocuments,
  residenceDocumentsApi,
  residenceDocumentsQuery,
} from './residence-documents-api';
import { SectionCard } from '../../components/ui/section-card';

export function StatusBadge({ document }: { document: Pick<ResidenceDocument, 'status' | 'daysUntilExpiry'> }) {
  const { t } = useTranslation();
  const status = documentStatus(document, t);
  return (
    <span className={`kern-badge kern-badge--${status.tone}`}>
      <span className="kern-label">{status.label}</span>
    </span>
  );
}

const documentAnchor = (id: string) => `residence-document-${id}`;

/**
 * The warning at the top of the person page: the current document expires within the warning window
 * or has expired. Superseded documents never warn (a newer one follows them).
 */
export function ResidenceDocumentWarning({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const documents = useQuery(residenceDocumentsQuery(personId));
  const attention = (documents.data?.items ?? []).filter(needsAttention);
  if (attention.length === 0) return null;
  const expired = attention.some((document) => document.status === 'expired');
  return (
    <Alert
      tone={expired ? 'danger' : 'warning'}
      role="none"
      title={expired ? t('residenceDocuments.warning.expiredTitle') : t('residenceDocuments.warning.expiringTitle')}
    >
      <ul className="kern-list">
        {attention.map((document) => (
          <li key={document.id}>
            <a className="kern-link" href={`#${documentAnchor(document.id)}`}>
              {t(`residenceDocuments.types.${document.documentType}`)}
            </a>
            {': '}
            {document.status === 'expired'
              ? t('residenceDocuments.warning.expiredText', { date: formatIsoDate(document.validUntil) })
              : t('residenceDocuments.warning.expiringText', {
                  date: formatIsoDate(document.validUntil),
                  status: documentStatus(document, t).label,
                })}
          </li>
        ))}
      </ul>
      <p className="kern-body">
        {t('residenceDocuments.warning.hint')}{' '}
        <Link className="kern-link" to={paths.expiringDocuments}>
          {t('residenceDocuments.worklist.title')}
        </Link>
      </p>
    </Alert>
  );
}

type TimelineItemProps = { document: ResidenceDocument; canWrite: boolean; onEdit: () => void; onDelete: () => void };

function TimelineItem({ document, canWrite, onEdit, onDelete }: TimelineItemProps) {
  const { t } = useTranslation();
  const notSet = t('common.notSet');
  const name = documentName(document, t);
  const titleId = `${documentAnchor(document.id)}-title`;
  const conditions = [
    document.wohnsitzauflage
      ? t('residenceDocuments.wohnsitzauflageIn', { place: document.wohnsitzauflageMunicipality ?? notSet })
      : null,
    document.raeumlicheBeschraenkung
      ? t('residenceDocuments.raeumlicheBeschraenkungIn', { area: document.raeumlicheBeschraenkungArea ?? notSet })
      : null,
  ].filter((c): c is string => c !== null);

  return (
    <li className="lotse-repeat-group" id={documentAnchor(document.id)} tabIndex={-1} aria-labelledby={titleId}>
      <h3 className="kern-heading-small" id={titleId}>
        {t(`residenceDocuments.types.${document.documentType}`)}
      </h3>
      <p className="kern-body">
        <StatusBadge document={document} />
      </p>
      <DescriptionList
        items={[
          { key: 'legalBasis', term: t('residenceDocuments.fields.legalBasis'), value: document.legalBasis ?? notSet },
          { key: 'validity', term: t('residenceDocuments.validity'), value: validityText(document, t) },
          {
            key: 'issuedOn',
            term: t('residenceDocuments.fields.issuedOn'),
            value: formatIsoDate(document.issuedOn) || notSet,
          },
          {
            key: 'employment',
            term: t('residenceDocuments.fields.employment'),
            value: t(`residenceDocuments.employment.${document.employment}`),
          },
          {
            key: 'conditions',
            term: t('residenceDocuments.fields.conditions'),
            value: conditions.length ? conditions.join('; ') : t('residenceDocuments.noConditions'),
          },
          {
            key: 'authority',
            term: t('residenceDocuments.fields.issuingAuthority'),
            value: document.issuingAuthority ?? notSet,
          },
          ...(document.documentNumber
            ? [{ key: 'number', term: t('residenceDocuments.fields.documentNumber'), value: document.documentNumber }]
            : []),
          ...(document.notes
            ? [
                {
                  key: 'notes',
                  term: t('residenceDocuments.fields.notes'),
                  value: <span className="lotse-preserve-lines">{document.notes}</span>,
                },
              ]
            : []),
        ]}
      />
      {canWrite ? (
        <div className="lotse-button-row">
          {/* The visible word starts the accessible name, which names the document. */}
          <Button variant="secondary" icon="edit" small aria-label={`${t('common.edit')}: ${name}`} onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <Button
            variant="tertiary"
            icon="delete"
            small
            aria-label={`${t('residenceDocuments.delete')}: ${name}`}
            onClick={onDelete}
          >
            {t('residenceDocuments.delete')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The dialog edits a snapshot of the document: a background refetch of the list must not replace
 * what the caseworker is typing. Only "Neu laden" after a conflict takes the current version.
 */
type Editing = { mode: 'new' } | { mode: 'edit'; document: ResidenceDocument | null } | null;

/** The person's residence documents as a timeline, newest validity first, with add, edit and delete. */
export function ResidenceDocumentsPanel({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const documents = useQuery(residenceDocumentsQuery(personId));
  const [editing, setEditing] = useState<Editing>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const items = documents.data?.items ?? [];
  // The current version: after a 412 the list is refetched and a second confirmation deletes that one.
  const deleting = items.find((d) => d.id === deletingId) ?? null;

  const remove = useMutation({
    mutationFn: (document: ResidenceDocument) => residenceDocumentsApi.remove(personId, document.id, document.version),
    onSuccess: () => {
      setDeletingId(null);
      setMessage({ text: t('residenceDocuments.deleted'), key: Date.now() });
      invalidateResidenceDocuments(queryClient, personId);
    },
    onError: (error) => {
      // Someone changed or deleted it meanwhile: show the current list behind the dialog.
      if (isApiError(error, 412) || isApiError(error, 404)) invalidateResidenceDocuments(queryClient, personId);
    },
  });

  const reload = async (documentId: string) => {
    const fresh = await queryClient.fetchQuery({ ...residenceDocumentsQuery(personId), staleTime: 0 });
    setEditing({ mode: 'edit', document: fresh.items.find((d) => d.id === documentId) ?? null });
  };

  return (
    <SectionCard
      id="residence-documents"
      title={t('residenceDocuments.title')}
      actions={
        canWrite ? (
          <Button variant="secondary" icon="add" small onClick={() => setEditing({ mode: 'new' })}>
            {t('residenceDocuments.add')}
          </Button>
        ) : null
      }
    >
      <SuccessNotice notice={message} />
      {documents.isPending ? <Loading /> : null}
      {documents.error ? <QueryError error={documents.error} onRetry={() => void documents.refetch()} /> : null}
      {documents.data && items.length === 0 ? (
        <EmptyState title={t('residenceDocuments.emptyTitle')}>{t('residenceDocuments.emptyText')}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ol
          className="lotse-stack"
          aria-label={t('residenceDocuments.timelineLabel')}
          style={{ listStyle: 'none', padding: 0 }}
        >
          {items.map((document) => (
            <TimelineItem
              key={document.id}
              document={document}
              canWrite={canWrite}
              onEdit={() => {
                setMessage(null);
                setEditing({ mode: 'edit', document });
              }}
              onDelete={() => {
                remove.reset();
                setMessage(null);
                setDeletingId(document.id);
              }}
            />
          ))}
        </ol>
      ) : null}

      <ResidenceDocumentDialog
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        personId={personId}
        document={editing?.mode === 'edit' ? editing.document : null}
        missing={editing?.mode === 'edit' && editing.document === null}
        onReload={reload}
        onSaved={(saved) => {
          setMessage({
            text: editing?.mode === 'new' ? t('residenceDocuments.created') : t('residenceDocuments.saved'),
            key: Date.now(),
          });
          setEditing(null);
          invalidateResidenceDocuments(queryClient, saved.personId);
        }}
      />
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeletingId(null)}
        title={t('residenceDocuments.deleteTitle')}
        confirmLabel={t('residenceDocuments.deleteConfirm')}
        onConfirm={() => deleting && remove.mutate(deleting)}
        isPending={remove.isPending}
        error={
          remove.error
            ? isApiError(remove.error, 412)
              ? t('residenceDocuments.staleTitle')
              : errorMessage(remove.error, t)
            : null
        }
      >
        {deleting ? t('residenceDocuments.deleteText', { name: documentName(deleting, t) }) : null}
      </ConfirmDialog>
    </SectionCard>
  );
}
