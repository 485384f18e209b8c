import { useState } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  categoryMatrixSchema,
  type CategoryMatrix,
  type DataCategoryCode,
} from '../../../shared/contracts/data-protection';
import type { AgencyKind } from '../../../shared/contracts/common';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Checkbox, TextField } from '../../components/ui/form-field';
import { FormActions } from '../../components/ui/form-actions';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { currentLanguage } from '../../lib/i18n';
import { hasPermission, useMe } from '../../lib/session';
import { categoryLabel } from '../../components/data-protection/withheld';

export const categoryMatrixQuery = queryOptions({
  queryKey: ['data-protection', 'categories'],
  queryFn: () => api.get('/data-protection/categories', categoryMatrixSchema),
});

type Draft = Record<DataCategoryCode, { granted: boolean; legalBasis: string }>;

function draftOf(matrix: CategoryMatrix, kind: AgencyKind): Draft {
  const rules = matrix.kinds.find((k) => k.agencyKind === kind)?.rules ?? [];
  return Object.fromEntries(
    matrix.categories.map(({ category }) => {
      const rule = rules.find((r) => r.category === category);
      return [category, { granted: !!rule, legalBasis: rule?.legalBasis ?? '' }];
    }),
  ) as Draft;
}

/** The system administrator's dialog: which categories one kind of agency sees, each with its legal basis. */
function EditKindDialog({
  matrix,
  kind,
  onClose,
  onSaved,
}: {
  matrix: CategoryMatrix;
  kind: AgencyKind;
  onClose: () => void;
  onSaved: (matrix: CategoryMatrix) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(matrix, kind));
  const [errors, setErrors] = useState<Partial<Record<DataCategoryCode, string>>>({});
  const [confirming, setConfirming] = useState(false);
  const kindName = t(`agencyKinds.${kind}`);
  const save = useMutation({
    mutationFn: () =>
      api.put(
        `/data-protection/categories/${kind}`,
        {
          rules: matrix.categories
            .filter(({ category }) => draft[category].granted)
            .map(({ category }) => ({ category, legalBasis: draft[category].legalBasis.trim() })),
        },
        categoryMatrixSchema,
      ),
    onSuccess: onSaved,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<DataCategoryCode, string>> = {};
    for (const { category } of matrix.categories) {
      const entry = draft[category];
      if (entry.granted && entry.legalBasis.trim().length < 3)
        found[category] = t('dataProtection.matrix.legalBasisRequired');
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`matrix-basis-${first}`)?.focus();
      return;
    }
    setConfirming(true);
  };

  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('dataProtection.matrix.editTitle', { kind: kindName })}
      wide
      dismissable={false}
    >
      <form onSubmit={submit} noValidate className="lotse-stack">
        <p className="kern-body">{t('dataProtection.matrix.editIntro')}</p>
        {!draft.identity.granted ? (
          <Alert tone="warning" role="none" title={t('dataProtection.matrix.identityWarning')} />
        ) : null}
        {matrix.categories.map(({ category }) => (
          <div key={category} className="lotse-stack">
            <Checkbox
              id={`matrix-grant-${category}`}
              label={t('dataProtection.matrix.grantCategory', { category: categoryLabel(category) })}
              checked={draft[category].granted}
              onChange={(e) => setDraft({ ...draft, [category]: { ...draft[category], granted: e.target.checked } })}
            />
            {draft[category].granted ? (
              <TextField
                id={`matrix-basis-${category}`}
                label={t('dataProtection.matrix.legalBasisFor', { category: categoryLabel(category) })}
                value={draft[category].legalBasis}
                error={errors[category]}
                maxLength={300}
                onChange={(e) => setDraft({ ...draft, [category]: { ...draft[category], legalBasis: e.target.value } })}
              />
            ) : null}
          </div>
        ))}
        {save.error ? <Alert tone="danger" title={errorMessage(save.error, t)} /> : null}
        <FormActions submitLabel={t('common.save')} pending={save.isPending} onCancel={onClose} />
      </form>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('dataProtection.matrix.confirmTitle')}
        confirmLabel={t('common.save')}
        isPending={save.isPending}
        error={save.error ? errorMessage(save.error, t) : null}
        onConfirm={() => save.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        {t('dataProtection.matrix.confirmBody', { kind: kindName })}
      </ConfirmDialog>
    </ModalDialog>
  );
}

/**
 * The category matrix as a table (kind of agency × category, the legal basis in each released cell),
 * readable by every user; the system administrator changes one kind at a time.
 */
export function CategoryMatrixPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const matrix = useQuery(categoryMatrixQuery);
  const [editing, setEditing] = useState<AgencyKind | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const canManage = hasPermission(me, 'data_protection.manage');
  const en = currentLanguage() === 'en';

  return (
    <>
      <PageHeading title={t('dataProtection.matrix.title')}>{t('dataProtection.matrix.intro')}</PageHeading>
      <SuccessNotice notice={message} />
      {matrix.isPending ? <Loading /> : null}
      {matrix.error ? <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
      {matrix.data ? (
        <>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small">
              <caption id="category-matrix-caption" className="kern-title">
                {t('dataProtection.matrix.caption')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('dataProtection.matrix.kind')}
                  </th>
                  {matrix.data.categories.map(({ category }) => (
                    <th key={category} scope="col" className="kern-table__header">
                      {categoryLabel(category)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {matrix.data.kinds.map(({ agencyKind, rules }) => (
                  <tr key={agencyKind} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      {t(`agencyKinds.${agencyKind}`)}
                      {canManage ? (
                        <div>
                          <Button variant="tertiary" small onClick={() => setEditing(agencyKind)}>
                            {t('dataProtection.matrix.edit', { kind: t(`agencyKinds.${agencyKind}`) })}
                          </Button>
                        </div>
                      ) : null}
                    </th>
                    {matrix.data.categories.map(({ category }) => {
                      const rule = rules.find((r) => r.category === category);
                      return (
                        <td key={category} className="kern-table__cell">
                          {rule ? (
                            <>
                              <span className="kern-badge kern-badge--success">
                                <span className="kern-label">{t('dataProtection.matrix.granted')}</span>
                              </span>
                              <p className="kern-body kern-body--small">{rule.legalBasis}</p>
                            </>
                          ) : (
                            <span className="kern-body kern-body--small">{t('dataProtection.matrix.notGranted')}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="kern-heading-medium">{t('dataProtection.matrix.categoriesTitle')}</h2>
          <dl className="lotse-stack">
            {matrix.data.categories.map(({ category, label, description }) => (
              <div key={category}>
                <dt className="kern-label">{en ? label.en : label.de}</dt>
                <dd className="kern-body">{en ? description.en : description.de}</dd>
              </div>
            ))}
          </dl>
          {editing ? (
            <EditKindDialog
              matrix={matrix.data}
              kind={editing}
              onClose={() => setEditing(null)}
              onSaved={(updated) => {
                queryClient.setQueryData(categoryMatrixQuery.queryKey, updated);
                setMessage({
                  text: t('dataProtection.matrix.saved', { kind: t(`agencyKinds.${editing}`) }),
                  key: Date.now(),
                });
                setEditing(null);
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
