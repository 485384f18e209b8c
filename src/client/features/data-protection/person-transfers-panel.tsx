import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/contracts/people';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../../lib/session';
import { TransferDialog } from './transfer-dialog';
import { TransferStatusBadge, transferCategories, transferValidity } from './transfer-format';
import { invalidateTransfers, personTransfersQuery } from './transfers-api';

/** The transfers of a person from or to the caller's agency, and "Übermittlung dokumentieren". */
export function PersonTransfersPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const canRead = hasPermission(me, 'transfer.read');
  const transfers = useQuery({ ...personTransfersQuery(person.id), enabled: canRead });
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  if (!canRead) return null;
  // Only a controller transfers: the registering agency or one on the case team.
  const canRecord =
    hasPermission(me, 'transfer.write') && person.access.grounds.some((g) => g === 'registered' || g === 'case_team');

  return (
    <SectionCard
      id="person-transfers"
      title={t('transfers.panel.title')}
      actions={
        canRecord ? (
          <Button variant="secondary" icon="add" onClick={() => setOpen(true)}>
            {t('transfers.panel.record')}
          </Button>
        ) : null
      }
    >
      <p className="kern-body">{t('transfers.panel.intro')}</p>
      <SuccessNotice notice={notice} />
      {transfers.isPending ? <Loading /> : null}
      {transfers.error ? <QueryError error={transfers.error} onRetry={() => void transfers.refetch()} /> : null}
      {transfers.data && transfers.data.items.length === 0 ? (
        <EmptyState title={t('transfers.panel.empty')}>{t('transfers.panel.emptyText')}</EmptyState>
      ) : null}
      {transfers.data && transfers.data.items.length > 0 ? (
        <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
          {transfers.data.items.map((transfer) => (
            <li key={transfer.id} className="lotse-repeat-group">
              <h3 className="kern-heading-small">
                {t(`transfers.direction.${transfer.direction}`)}: {transfer.fromAgency.name} → {transfer.toAgency.name}{' '}
                <TransferStatusBadge transfer={transfer} />
              </h3>
              <DescriptionList
                items={[
                  { key: 'categories', term: t('transfers.log.categories'), value: transferCategories(transfer) },
                  { key: 'basis', term: t('transfers.fields.legalBasis'), value: transfer.legalBasis },
                  ...(transfer.purpose
                    ? [{ key: 'purpose', term: t('transfers.fields.purpose'), value: transfer.purpose }]
                    : []),
                  { key: 'at', term: t('transfers.transferredAt'), value: formatDateTime(transfer.transferredAt) },
                  { key: 'until', term: t('transfers.fields.validUntil'), value: transferValidity(transfer) },
                  ...(transfer.recordedBy
                    ? [{ key: 'by', term: t('transfers.recordedBy'), value: transfer.recordedBy.displayName }]
                    : []),
                ]}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <TransferDialog
        isOpen={open}
        onOpenChange={setOpen}
        person={person}
        onSaved={() => {
          setOpen(false);
          invalidateTransfers(queryClient, person.id);
          setNotice({ text: t('transfers.panel.recorded'), key: Date.now() });
        }}
      />
    </SectionCard>
  );
}
