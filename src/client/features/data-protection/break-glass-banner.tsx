import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Person } from '../../../shared/contracts/people';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { breakGlassApi, invalidateAccess, ownGrantsQuery } from './break-glass-api';

/** The current time, refreshed every 30 seconds, for a countdown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** On the person page when the caller sees the person through emergency access: until when, and "Zugriff beenden". */
export function BreakGlassBanner({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const viaBreakGlass = person.access.grounds.includes('break_glass');
  const grants = useQuery({ ...ownGrantsQuery(1), enabled: viaBreakGlass });
  const now = useNow();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation({
    mutationFn: breakGlassApi.end,
    onSuccess: () => {
      setConfirming(false);
      invalidateAccess(queryClient);
      void navigate(paths.people);
    },
  });
  if (!viaBreakGlass) return null;
  const grant = grants.data?.items.find((g) => g.person.id === person.id && g.status === 'active');
  const minutes = grant ? Math.max(0, Math.ceil((new Date(grant.expiresAt).getTime() - now) / 60_000)) : null;

  return (
    <Alert tone="warning" role="none" title={t('transfers.breakGlass.banner.title')}>
      {grant && minutes !== null ? (
        <>
          <p className="kern-body">
            {t('transfers.breakGlass.banner.text', {
              time: formatDateTime(grant.expiresAt),
              remaining: t('transfers.breakGlass.banner.remaining_minutes', { count: minutes }),
            })}
          </p>
          <div>
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('transfers.breakGlass.banner.end')}
            </Button>
          </div>
          <ConfirmDialog
            isOpen={confirming}
            onOpenChange={setConfirming}
            title={t('transfers.breakGlass.banner.endTitle')}
            confirmLabel={t('transfers.breakGlass.banner.end')}
            onConfirm={() => end.mutate(grant.id)}
            isPending={end.isPending}
            error={end.error ? errorMessage(end.error, t) : null}
          >
            {t('transfers.breakGlass.banner.endText')}
          </ConfirmDialog>
        </>
      ) : null}
    </Alert>
  );
}
