import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { PersonMerge } from '../../../shared/contracts/person-merge';
import type { Person } from '../../../shared/contracts/people';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { personDetailQuery } from './people-api';
import { personName } from './people-format';
import {
  invalidatePeople,
  mergeErrorMessage,
  personDuplicatesQuery,
  personMergeApi,
  personMergesQuery,
} from './person-merge-api';
import { CandidateSummary } from './candidate-summary';
import { SectionCard } from '../../components/ui/section-card';

/**
 * What a person page can be told by the page that sent the caseworker there (React Router's location
 * state): a merge just done, a merged record that redirected here, or a registration that chose to
 * use this existing record instead of creating a new one.
 */
export type PersonPageState = {
  merge?: { id: string; mergedId: string; mergedName: string };
  mergedFrom?: { id: string; name: string };
  linkedFromRegistration?: boolean;
};

/**
 * A merged record is not shown: the caseworker lands on the surviving record with a notice. Render
 * this instead of the page when `person.mergedInto` is set.
 */
export function MergedRedirect({ person }: { person: Person }) {
  if (!person.mergedInto) return null;
  const state: PersonPageState = { mergedFrom: { id: person.id, name: personName(person) } };
  return <Navigate replace to={paths.person(person.mergedInto)} state={state} />;
}

/** Notices at the top of a person page about what just happened to the record (see `PersonPageState`). */
export function PersonMergeNotice({ personId }: { personId: string }) {
  const location = useLocation();
  // Each navigation brings its own notice; an undo done under an earlier one does not carry over.
  return <MergeNotice key={location.key} personId={personId} state={(location.state ?? {}) as PersonPageState} />;
}

function MergeNotice({ personId, state }: { personId: string; state: PersonPageState }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const merge = state.merge;
  const undoneRef = useRef<HTMLDivElement>(null);
  const undo = useMutation({
    mutationFn: (mergeId: string) => personMergeApi.undo(mergeId),
    onSuccess: () => invalidatePeople(queryClient),
  });

  useEffect(() => {
    if (undo.isSuccess) undoneRef.current?.focus();
  }, [undo.isSuccess]);

  if (merge && undo.isSuccess) {
    return (
      <Alert ref={undoneRef} tabIndex={-1} tone="success" role="status" title={t('personMerge.undone')}>
        <p className="kern-body">
          <Link className="kern-link" to={paths.person(merge.mergedId)}>
            {t('personMerge.openRestored', { name: merge.mergedName })}
          </Link>
        </p>
      </Alert>
    );
  }
  if (merge) {
    return (
      <Alert tone="success" role="status" title={t('personMerge.mergedNotice', { name: merge.mergedName })}>
        <p className="kern-body">{t('personMerge.mergedNoticeText')}</p>
        {undo.error ? (
          <Alert tone="danger" role="alert" title={t('personMerge.undoRefused')}>
            <p className="kern-body">{mergeErrorMessage(undo.error, t)}</p>
          </Alert>
        ) : null}
        <div>
          <Button variant="secondary" icon="autorenew" disabled={undo.isPending} onClick={() => undo.mutate(merge.id)}>
            {undo.isPending ? t('personMerge.undoing') : t('personMerge.undoMerge')}
          </Button>
        </div>
      </Alert>
    );
  }
  if (state.mergedFrom && state.mergedFrom.id !== personId) {
    return (
      <Alert tone="info" role="status" title={t('personMerge.redirectedNotice', { name: state.mergedFrom.name })} />
    );
  }
  if (state.linkedFromRegistration) {
    return (
      <Alert tone="info" role="status" title={t('personMerge.linkedNotice')}>
        <p className="kern-body">{t('personMerge.linkedNoticeText')}</p>
      </Alert>
    );
  }
  return null;
}

type Candidate = NonNullable<ReturnType<typeof usePersonDuplicates>['data']>['candidates'][number];

function usePersonDuplicates(personId: string) {
  return useQuery(personDuplicatesQuery(personId));
}

function CandidateItem({
  personId,
  candidate,
  canWrite,
  onNotDuplicate,
  pending,
}: {
  personId: string;
  candidate: Candidate;
  canWrite: boolean;
  onNotDuplicate: (candidate: Candidate) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const name = personName(candidate.person);
  return (
    <li className="lotse-repeat-group" aria-label={name}>
      <CandidateSummary
        candidate={candidate}
        nameLink={
          <Link className="kern-link" to={paths.person(candidate.personId)}>
            {name}
          </Link>
        }
      />
      {canWrite ? (
        <div className="lotse-button-row">
          <Link
            className="kern-btn kern-btn--secondary"
            to={paths.personMerge(personId, candidate.personId)}
            aria-label={`${t('personMerge.compareAndMerge')}: ${name}`}
          >
            <span className="kern-label">{t('personMerge.compareAndMerge')}</span>
          </Link>
          <Button
            variant="tertiary"
            icon="close"
            disabled={pending}
            aria-label={`${t('personMerge.notSamePerson')}: ${name}`}
            onClick={() => onNotDuplicate(candidate)}
          >
            {t('personMerge.notSamePerson')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The possible duplicates of a registered person, each with the reasons of the match, a way to
 * compare and merge, and "not the same person" (remembered by the server, so the pair is not
 * suggested again; undoable right away). Below them the person's merges with undo.
 */
export function PersonDuplicatesPanel({ personId }: { personId: string }) {
  // Another person's page starts without the notices and pending actions of the previous one.
  return <DuplicatesPanel key={personId} personId={personId} />;
}

function DuplicatesPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const canWrite = hasPermission(me, 'person.write');
  const duplicates = usePersonDuplicates(personId);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [dismissed, setDismissed] = useState<{ id: string; name: string; restored: boolean } | null>(null);

  const notDuplicate = useMutation({
    mutationFn: (candidate: Candidate) => personMergeApi.notDuplicate(personId, candidate.personId),
    onSuccess: async (_result, candidate) => {
      setDismissed({ id: candidate.personId, name: personName(candidate.person), restored: false });
      await queryClient.invalidateQueries({ queryKey: personDuplicatesQuery(personId).queryKey });
    },
  });
  const undoNotDuplicate = useMutation({
    mutationFn: (otherId: string) => personMergeApi.undoNotDuplicate(personId, otherId),
    onSuccess: async () => {
      setDismissed((previous) => (previous ? { ...previous, restored: true } : previous));
      await queryClient.invalidateQueries({ queryKey: personDuplicatesQuery(personId).queryKey });
    },
  });

  // The button that was pressed disappears with its candidate; focus goes to the notice instead.
  useEffect(() => {
    if (dismissed) noticeRef.current?.focus();
  }, [dismissed]);

  const candidates = duplicates.data?.candidates ?? [];
  const actionError = notDuplicate.error ?? undoNotDuplicate.error;

  return (
    <>
      <SectionCard id="person-duplicates" title={t('personMerge.duplicatesTitle')}>
        <p className="kern-body kern-body--small">{t('personMerge.duplicatesIntro')}</p>
        {dismissed ? (
          <Alert
            ref={noticeRef}
            tabIndex={-1}
            tone={dismissed.restored ? 'info' : 'success'}
            role="status"
            title={
              dismissed.restored
                ? t('personMerge.notDuplicateUndone', { name: dismissed.name })
                : t('personMerge.notDuplicateSaved', { name: dismissed.name })
            }
          >
            {dismissed.restored ? null : (
              <div>
                <Button
                  variant="secondary"
                  small
                  disabled={undoNotDuplicate.isPending}
                  aria-label={`${t('personMerge.undoShort')}: ${t('personMerge.notSamePerson')} – ${dismissed.name}`}
                  onClick={() => undoNotDuplicate.mutate(dismissed.id)}
                >
                  {t('personMerge.undoShort')}
                </Button>
              </div>
            )}
          </Alert>
        ) : null}
        {actionError ? <Alert tone="danger" role="alert" title={errorMessage(actionError, t)} /> : null}
        {duplicates.isPending ? <Loading /> : null}
        {duplicates.error ? <QueryError error={duplicates.error} onRetry={() => void duplicates.refetch()} /> : null}
        {duplicates.data && candidates.length === 0 ? <EmptyState title={t('personMerge.noDuplicates')} /> : null}
        {candidates.length > 0 ? (
          <ul
            className="lotse-stack"
            aria-label={t('personMerge.duplicatesTitle')}
            style={{ listStyle: 'none', padding: 0 }}
            aria-busy={duplicates.isFetching || undefined}
          >
            {candidates.map((candidate) => (
              <CandidateItem
                key={candidate.personId}
                personId={personId}
                candidate={candidate}
                canWrite={canWrite}
                pending={notDuplicate.isPending}
                onNotDuplicate={(c) => notDuplicate.mutate(c)}
              />
            ))}
          </ul>
        ) : null}
      </SectionCard>
      <PersonMergeHistory personId={personId} />
    </>
  );
}

function MergeEntry({
  personId,
  merge,
  other,
  canWrite,
  onUndo,
  pending,
}: {
  personId: string;
  merge: PersonMerge;
  other: Person | undefined;
  canWrite: boolean;
  onUndo: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const otherId = merge.survivorId === personId ? merge.mergedId : merge.survivorId;
  const otherName = other ? personName(other) : t('personMerge.unknownRecord');
  const title =
    merge.survivorId === personId
      ? t('personMerge.historyMergedHere', { name: otherName })
      : t('personMerge.historyMergedAway', { name: otherName });
  return (
    <li className="lotse-repeat-group">
      <p className="kern-body">
        <strong>{title}</strong>{' '}
        {merge.undoneAt ? (
          <span className="kern-badge kern-badge--info">
            <span className="kern-label">{t('personMerge.undoneBadge')}</span>
          </span>
        ) : null}
      </p>
      <p className="kern-body kern-body--small">
        {t('personMerge.historyWhen', {
          date: formatDateTime(merge.mergedAt),
          by: merge.mergedBy ?? t('personMerge.unknownUser'),
        })}
      </p>
      {merge.reason ? (
        <p className="kern-body kern-body--small">
          <strong>{t('personMerge.reason')}:</strong> {merge.reason}
        </p>
      ) : null}
      {merge.undoneAt ? (
        <p className="kern-body kern-body--small">
          {t('personMerge.historyUndoneWhen', {
            date: formatDateTime(merge.undoneAt),
            by: merge.undoneBy ?? t('personMerge.unknownUser'),
          })}{' '}
          <Link className="kern-link" to={paths.person(otherId)}>
            {t('personMerge.openRecord', { name: otherName })}
          </Link>
        </p>
      ) : null}
      {canWrite && merge.canUndo ? (
        <div>
          <Button
            variant="secondary"
            small
            icon="autorenew"
            disabled={pending}
            aria-label={`${t('personMerge.undoMerge')}: ${title}`}
            onClick={onUndo}
          >
            {pending ? t('personMerge.undoing') : t('personMerge.undoMerge')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** The merges a person took part in; the latest one that is not undone can be undone. */
export function PersonMergeHistory({ personId }: { personId: string }) {
  return <MergeHistory key={personId} personId={personId} />;
}

function MergeHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const canWrite = hasPermission(me, 'person.write');
  const merges = useQuery(personMergesQuery(personId));
  const items = merges.data?.items ?? [];
  const otherIds = [...new Set(items.map((m) => (m.survivorId === personId ? m.mergedId : m.survivorId)))];
  // The history names the other record; a merged record is still readable, it only points elsewhere.
  const others = useQueries({ queries: otherIds.map((id) => ({ ...personDetailQuery(id), retry: false })) });
  const byId = new Map(others.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));
  const resultRef = useRef<HTMLDivElement>(null);
  const undo = useMutation({
    mutationFn: (merge: PersonMerge) => personMergeApi.undo(merge.id),
    onSuccess: () => invalidatePeople(queryClient),
  });

  useEffect(() => {
    if (undo.isSuccess || undo.isError) resultRef.current?.focus();
  }, [undo.isSuccess, undo.isError]);

  if (merges.error) return <QueryError error={merges.error} onRetry={() => void merges.refetch()} />;
  if (items.length === 0) return null;
  return (
    <SectionCard id="person-merges" title={t('personMerge.historyTitle')}>
      {undo.isSuccess ? (
        <Alert ref={resultRef} tabIndex={-1} tone="success" role="status" title={t('personMerge.undone')} />
      ) : null}
      {undo.error ? (
        <Alert ref={resultRef} tabIndex={-1} tone="danger" role="alert" title={t('personMerge.undoRefused')}>
          <p className="kern-body">{mergeErrorMessage(undo.error, t)}</p>
        </Alert>
      ) : null}
      <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('personMerge.historyTitle')}>
        {items.map((merge) => (
          <MergeEntry
            key={merge.id}
            personId={personId}
            merge={merge}
            other={byId.get(merge.survivorId === personId ? merge.mergedId : merge.survivorId)}
            canWrite={canWrite}
            pending={undo.isPending}
            onUndo={() => undo.mutate(merge)}
          />
        ))}
      </ul>
    </SectionCard>
  );
}
