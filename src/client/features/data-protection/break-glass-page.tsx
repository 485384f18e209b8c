import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BreakGlassGrant } from '../../../shared/contracts/break-glass';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { errorMessage } from '../../lib/errors';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { breakGlassApi, invalidateAccess, ownGrantsQuery } from './break-glass-api';
import { BreakGlassGrantsTable } from './break-glass-grants-table';

/** "Meine Notfallzugriffe": the caller's grants, active first, each can be ended early. */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setParams] = useSearchParamUpdate();
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const grants = useQuery(ownGrantsQuery(page));
  const [ending, setEnding] = useState<BreakGlassGrant | null>(null);
  const end = useMutation({
    mutationFn: breakGlassApi.end,
    onSuccess: () => {
      setEnding(null);
      invalidateAccess(queryClient);
    },
  });

  return (
    <>
      <PageHeading title={t('transfers.breakGlass.mine.title')}>{t('transfers.breakGlass.mine.intro')}</PageHeading>
      {grants.isPending ? <Loading /> : null}
      {grants.error ? <QueryError error={grants.error} onRetry={() => void grants.refetch()} /> : null}
      {grants.data && grants.data.items.length === 0 ? (
        <EmptyState title={t('transfers.breakGlass.mine.empty')} headingLevel={2}>
          {t('transfers.breakGlass.mine.emptyText')}
        </EmptyState>
      ) : null}
      {grants.data && grants.data.items.length > 0 ? (
        <>
          <BreakGlassGrantsTable
            caption={t('transfers.breakGlass.mine.caption')}
            items={grants.data.items}
            action={(grant) =>
              grant.status === 'active' ? (
                <Button variant="secondary" small onClick={() => setEnding(grant)}>
                  {t('transfers.breakGlass.banner.end')}
                </Button>
              ) : null
            }
          />
          <Pagination page={grants.data.page} onPageChange={(next) => setParams({ page: next })} />
        </>
      ) : null}
      <ConfirmDialog
        isOpen={ending !== null}
        onOpenChange={(open) => {
          if (!open) setEnding(null);
        }}
        title={t('transfers.breakGlass.banner.endTitle')}
        confirmLabel={t('transfers.breakGlass.banner.end')}
        onConfirm={() => ending && end.mutate(ending.id)}
        isPending={end.isPending}
        error={end.error ? errorMessage(end.error, t) : null}
      >
        {t('transfers.breakGlass.banner.endText')}
      </ConfirmDialog>
    </>
  );
}
