import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { breakGlassOutcomeSchema, type BreakGlassGrant } from '../../../shared/contracts/break-glass';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextAreaField } from '../../components/ui/form-field';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { zodOptions } from '../../lib/form-errors';
import { useFormSummary } from '../../lib/use-form-summary';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { breakGlassApi, reviewGrantsQuery } from './break-glass-api';
import { BreakGlassGrantsTable } from './break-glass-grants-table';

const FIELDS = ['outcome', 'note'] as const;

function reviewFormSchema(noteRequired: string) {
  return z.object({ outcome: breakGlassOutcomeSchema, note: z.string().trim().max(2000) }).superRefine((value, ctx) => {
    if (value.outcome === 'not_justified' && value.note === '') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: noteRequired });
    }
  });
}
type ReviewForm = { outcome: 'justified' | 'not_justified'; note: string };

function ReviewFormBody({
  grant,
  onSaved,
  onCancel,
}: {
  grant: BreakGlassGrant;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const summary = useFormSummary(`review-${grant.id}`);
  const form = useForm<ReviewForm>({
    shouldFocusError: false,
    resolver: zodResolver(reviewFormSchema(t('transfers.breakGlass.reviews.noteRequired')), zodOptions),
    defaultValues: { outcome: 'justified', note: '' },
  });
  const errors = form.formState.errors;
  const save = useMutation({
    mutationFn: (values: ReviewForm) =>
      breakGlassApi.review(grant.id, {
        outcome: values.outcome,
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      }),
  });
  const onSubmit = form.handleSubmit(
    (values) =>
      save.mutate(values, {
        onSuccess: () => {
          summary.clear();
          onSaved();
        },
        onError: (error) => summary.showServerError(error, form.setError, FIELDS),
      }),
    summary.showFieldErrors,
  );
  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('transfers.breakGlass.reviews.dialogTitle')}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <DescriptionList
        items={[
          {
            key: 'user',
            term: t('transfers.breakGlass.columns.user'),
            value: `${grant.user.displayName} (${grant.agency.name})`,
          },
          { key: 'reason', term: t('transfers.breakGlass.columns.reason'), value: grant.reason },
        ]}
      />
      <SelectField
        id={summary.id('outcome')}
        label={t('transfers.breakGlass.reviews.outcomeLegend')}
        error={errors.outcome?.message}
        options={breakGlassOutcomeSchema.options.map((value) => ({
          value,
          label: t(`transfers.breakGlass.outcome.${value}`),
        }))}
        registration={form.register('outcome')}
      />
      <TextAreaField
        id={summary.id('note')}
        label={t('transfers.breakGlass.reviews.note')}
        hint={t('transfers.breakGlass.reviews.noteHint')}
        rows={3}
        error={errors.note?.message}
        registration={form.register('note')}
      />
      <FormActions submitLabel={t('transfers.breakGlass.reviews.save')} pending={save.isPending} onCancel={onCancel} />
    </form>
  );
}

/** The review list: team leads see grants on their agency's people, the data protection officer all. */
export function BreakGlassReviewsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setParams] = useSearchParamUpdate();
  const status = search.get('status') === 'reviewed' ? 'reviewed' : 'open';
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const grants = useQuery(reviewGrantsQuery(status, page));
  const [reviewing, setReviewing] = useState<BreakGlassGrant | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  return (
    <>
      <PageHeading title={t('transfers.breakGlass.reviews.title')}>
        {t('transfers.breakGlass.reviews.intro')}
      </PageHeading>
      <form
        className="lotse-filter"
        aria-label={t('transfers.breakGlass.reviews.status')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="lotse-filter__fields">
          <SelectField
            id="break-glass-review-status"
            label={t('transfers.breakGlass.reviews.status')}
            value={status}
            onChange={(e) => setParams({ status: e.target.value === 'open' ? '' : e.target.value, page: '' })}
            options={[
              { value: 'open', label: t('transfers.breakGlass.reviews.open') },
              { value: 'reviewed', label: t('transfers.breakGlass.reviews.reviewed') },
            ]}
          />
        </div>
      </form>
      <SuccessNotice notice={notice} />
      {grants.isPending ? <Loading /> : null}
      {grants.error ? <QueryError error={grants.error} onRetry={() => void grants.refetch()} /> : null}
      {grants.data && grants.data.items.length === 0 ? (
        <EmptyState title={t('transfers.breakGlass.reviews.empty')} headingLevel={2}>
          {status === 'open'
            ? t('transfers.breakGlass.reviews.emptyOpen')
            : t('transfers.breakGlass.reviews.emptyReviewed')}
        </EmptyState>
      ) : null}
      {grants.data && grants.data.items.length > 0 ? (
        <>
          <BreakGlassGrantsTable
            caption={t('transfers.breakGlass.reviews.caption')}
            items={grants.data.items}
            showUser
            action={(grant) =>
              grant.review ? null : (
                <Button
                  variant="secondary"
                  small
                  aria-label={t('transfers.breakGlass.reviews.reviewFor', { user: grant.user.displayName })}
                  onClick={() => setReviewing(grant)}
                >
                  {t('transfers.breakGlass.reviews.review')}
                </Button>
              )
            }
          />
          <Pagination page={grants.data.page} onPageChange={(next) => setParams({ page: next })} />
        </>
      ) : null}
      <ModalDialog
        isOpen={reviewing !== null}
        onOpenChange={(open) => {
          if (!open) setReviewing(null);
        }}
        title={t('transfers.breakGlass.reviews.dialogTitle')}
        dismissable={false}
      >
        {reviewing ? (
          <ReviewFormBody
            grant={reviewing}
            onCancel={() => setReviewing(null)}
            onSaved={() => {
              setReviewing(null);
              void queryClient.invalidateQueries({ queryKey: ['break-glass', 'reviews'] });
              setNotice({ text: t('transfers.breakGlass.reviews.saved'), key: Date.now() });
            }}
          />
        ) : null}
      </ModalDialog>
    </>
  );
}
