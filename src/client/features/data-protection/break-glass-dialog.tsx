import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { BREAK_GLASS_MIN_REASON, type BreakGlassCandidate } from '../../../shared/contracts/break-glass';
import { dateOfBirthInputSchema } from '../../../shared/contracts/people';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { TextAreaField, TextField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { errorMessage } from '../../lib/errors';
import { zodOptions } from '../../lib/form-errors';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { displayName, formatDay } from './transfer-format';
import { breakGlassApi, invalidateAccess } from './break-glass-api';

const FIELDS = ['reason', 'familyName', 'givenNames', 'dateOfBirth'] as const;

const searchFormSchema = z.object({
  reason: z.string().trim().min(BREAK_GLASS_MIN_REASON).max(1000),
  familyName: z.string().trim().min(1).max(200),
  givenNames: z.string().trim().max(200),
  dateOfBirth: z.union([z.literal(''), dateOfBirthInputSchema]),
});
type SearchForm = z.input<typeof searchFormSchema>;

function ResultsTable({
  items,
  onChoose,
}: {
  items: BreakGlassCandidate[];
  onChoose: (c: BreakGlassCandidate) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small lotse-table-full">
        <caption className="kern-sr-only">{t('transfers.breakGlass.resultsCaption')}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('transfers.breakGlass.name')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('transfers.breakGlass.dateOfBirth')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('transfers.breakGlass.registeredBy')}
            </th>
            <th scope="col" className="kern-table__header">
              <span className="kern-sr-only">{t('transfers.breakGlass.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {items.map((c) => {
            const name = displayName(c);
            return (
              <tr className="kern-table__row" key={c.personId}>
                <td className="kern-table__cell">{name}</td>
                <td className="kern-table__cell">{formatDay(c.dateOfBirth) || '–'}</td>
                <td className="kern-table__cell">{c.registeredBy.name}</td>
                <td className="kern-table__cell">
                  {c.alreadyVisible ? (
                    <>
                      {t('transfers.breakGlass.alreadyVisible')}:{' '}
                      <Link className="kern-link" to={paths.person(c.personId)}>
                        {t('transfers.breakGlass.open')}
                      </Link>
                    </>
                  ) : (
                    <Button
                      variant="secondary"
                      small
                      aria-label={t('transfers.breakGlass.selectFor', { name })}
                      onClick={() => onChoose(c)}
                    >
                      {t('transfers.breakGlass.select')}
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function BreakGlassFlow({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const summary = useFormSummary('break-glass');
  const form = useForm<SearchForm>({
    shouldFocusError: false,
    resolver: zodResolver(searchFormSchema, zodOptions),
    defaultValues: { reason: '', familyName: '', givenNames: '', dateOfBirth: '' },
  });
  const errors = form.formState.errors;
  const reason = useWatch({ control: form.control, name: 'reason' }) ?? '';
  const [chosen, setChosen] = useState<BreakGlassCandidate | null>(null);

  const search = useMutation({ mutationFn: breakGlassApi.search });
  const grant = useMutation({
    mutationFn: (personId: string) => breakGlassApi.request({ personId, reason: form.getValues('reason').trim() }),
    onSuccess: (granted) => {
      invalidateAccess(queryClient);
      onDone();
      void navigate(paths.person(granted.person.id));
    },
  });

  const onSubmit = form.handleSubmit(
    (values) =>
      search.mutate(
        {
          reason: values.reason.trim(),
          familyName: values.familyName.trim(),
          ...(values.givenNames.trim() ? { givenNames: values.givenNames.trim() } : {}),
          ...(values.dateOfBirth.trim() ? { dateOfBirth: values.dateOfBirth.trim() } : {}),
        },
        {
          onSuccess: () => summary.clear(),
          onError: (error) => summary.showServerError(error, form.setError, FIELDS),
        },
      ),
    summary.showFieldErrors,
  );

  if (chosen) {
    return (
      <div className="lotse-stack">
        <Alert tone="warning" role="none" title={t('transfers.breakGlass.confirmTitle')}>
          <p className="kern-body">{t('transfers.breakGlass.confirmText', { name: displayName(chosen) })}</p>
        </Alert>
        {grant.error ? <Alert tone="danger" title={errorMessage(grant.error, t)} /> : null}
        <div className="lotse-button-row">
          <Button variant="secondary" onClick={() => setChosen(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="primary"
            disabled={grant.isPending}
            aria-busy={grant.isPending || undefined}
            onClick={() => grant.mutate(chosen.personId)}
          >
            {grant.isPending ? t('common.saving') : t('transfers.breakGlass.confirm')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="lotse-stack">
      <p className="kern-body">{t('transfers.breakGlass.intro')}</p>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        className="lotse-stack lotse-dialog-form"
        aria-label={t('transfers.breakGlass.dialogTitle')}
      >
        <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
        <TextAreaField
          id={summary.id('reason')}
          label={t('transfers.breakGlass.reason')}
          hint={
            <>
              {t('transfers.breakGlass.reasonHint')}{' '}
              <span>{t('transfers.breakGlass.reasonCount', { count: reason.trim().length })}</span>
            </>
          }
          rows={3}
          error={errors.reason?.message}
          registration={form.register('reason')}
        />
        <TextField
          id={summary.id('familyName')}
          label={t('transfers.breakGlass.familyName')}
          autoComplete="off"
          error={errors.familyName?.message}
          registration={form.register('familyName')}
        />
        <TextField
          id={summary.id('givenNames')}
          label={t('transfers.breakGlass.givenNames')}
          optional
          autoComplete="off"
          error={errors.givenNames?.message}
          registration={form.register('givenNames')}
        />
        <TextField
          id={summary.id('dateOfBirth')}
          label={t('transfers.breakGlass.dateOfBirth')}
          hint={t('transfers.breakGlass.dateOfBirthHint')}
          optional
          autoComplete="off"
          width={4}
          error={errors.dateOfBirth?.message}
          registration={form.register('dateOfBirth')}
        />
        <div className="lotse-button-row">
          <Button type="submit" variant="primary" icon="search" disabled={search.isPending}>
            {search.isPending ? t('transfers.breakGlass.searching') : t('transfers.breakGlass.search')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
      <div role="status">
        {search.data ? (
          search.data.items.length === 0 ? (
            <p className="kern-body">{t('transfers.breakGlass.noResults')}</p>
          ) : (
            <h3 className="kern-heading-small">{t('transfers.breakGlass.results')}</h3>
          )
        ) : null}
      </div>
      {search.data && search.data.items.length > 0 ? (
        <ResultsTable items={search.data.items} onChoose={setChosen} />
      ) : null}
    </div>
  );
}

/** "Notfallzugriff" on the person search page: reason, search across agencies, confirm, then the person page. */
export function BreakGlassButton() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  if (!hasPermission(me, 'break_glass.request')) return null;
  return (
    <>
      <Button variant="tertiary" icon="warning" onClick={() => setOpen(true)}>
        {t('transfers.breakGlass.button')}
      </Button>
      <ModalDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('transfers.breakGlass.dialogTitle')}
        wide
        dismissable={false}
      >
        {open ? <BreakGlassFlow onDone={() => setOpen(false)} onCancel={() => setOpen(false)} /> : null}
      </ModalDialog>
    </>
  );
}
