import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { dataCategorySchema, type DataCategoryCode } from '../../../shared/contracts/data-protection';
import type { Person } from '../../../shared/contracts/people';
import type { Transfer } from '../../../shared/contracts/transfers';
import { todayIn } from '../../../shared/domain/calendar-date';
import { Alert } from '../../components/ui/alert';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { zodOptions } from '../../lib/form-errors';
import { useMe } from '../../lib/session';
import { useFormSummary } from '../../lib/use-form-summary';
import { recipientAgenciesQuery, transferCasesQuery, transfersApi } from './transfers-api';
import { categoryLabel } from '../../components/data-protection/withheld';

const DEFAULT_DAYS = 90;
const FIELDS = ['toAgencyId', 'categories', 'legalBasis', 'purpose', 'caseId', 'validUntil'] as const;

const transferFormSchema = z.object({
  toAgencyId: z.uuid(),
  categories: z.array(dataCategorySchema).min(1),
  legalBasis: z.string().trim().min(5).max(300),
  purpose: z.string().trim().min(10).max(500),
  caseId: z.string(),
  validUntil: z.iso.date(),
});
type TransferForm = z.input<typeof transferFormSchema>;

function dayInDays(days: number): string {
  return todayIn(new Date(Date.now() + days * 86_400_000));
}

type Props = { person: Person; onSaved: (transfer: Transfer) => void; onCancel: () => void };

function TransferFormBody({ person, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const summary = useFormSummary(`transfer-${person.id}`);
  const agencies = useQuery(recipientAgenciesQuery);
  const cases = useQuery(transferCasesQuery(person.id));
  const form = useForm<TransferForm>({
    shouldFocusError: false,
    resolver: zodResolver(transferFormSchema, zodOptions),
    defaultValues: {
      toAgencyId: '',
      categories: [],
      legalBasis: '',
      purpose: '',
      caseId: '',
      validUntil: dayInDays(DEFAULT_DAYS),
    },
  });
  const errors = form.formState.errors;
  // Identity always goes with the data; the other categories are the ones the caller sees itself.
  const offered = person.access.categories.filter((c): c is DataCategoryCode => c !== 'identity');

  const save = useMutation({
    mutationFn: (values: TransferForm) =>
      transfersApi.record(person.id, {
        toAgencyId: values.toAgencyId,
        categories: values.categories,
        legalBasis: values.legalBasis.trim(),
        purpose: values.purpose.trim(),
        caseId: values.caseId === '' ? null : values.caseId,
        validUntil: values.validUntil,
      }),
  });
  const onSubmit = form.handleSubmit(
    (values) =>
      save.mutate(values, {
        onSuccess: (saved) => {
          summary.clear();
          onSaved(saved);
        },
        onError: (error) => summary.showServerError(error, form.setError, FIELDS),
      }),
    summary.showFieldErrors,
  );

  const recipients = (agencies.data?.items ?? []).filter((a) => a.id !== me?.agency.id);

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="lotse-stack lotse-dialog-form"
      aria-label={t('transfers.dialogTitle')}
    >
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <SelectField
        id={summary.id('toAgencyId')}
        label={t('transfers.fields.toAgency')}
        error={errors.toAgencyId?.message}
        options={[
          { value: '', label: t('transfers.fields.chooseAgency') },
          ...recipients.map((a) => ({ value: a.id, label: a.name })),
        ]}
        registration={form.register('toAgencyId')}
      />
      <Fieldset
        id={summary.id('categories')}
        legend={t('transfers.fields.categories')}
        hint={t('transfers.fields.categoriesHint')}
        error={errors.categories?.message ?? errors.categories?.root?.message}
      >
        <Checkbox label={t('transfers.fields.identityAlways')} checked disabled readOnly />
        {offered.map((category) => (
          <Checkbox
            key={category}
            id={summary.id(`category-${category}`)}
            label={categoryLabel(category)}
            value={category}
            invalid={!!errors.categories}
            registration={form.register('categories')}
          />
        ))}
      </Fieldset>
      <TextField
        id={summary.id('legalBasis')}
        label={t('transfers.fields.legalBasis')}
        hint={t('transfers.fields.legalBasisHint')}
        autoComplete="off"
        error={errors.legalBasis?.message}
        registration={form.register('legalBasis')}
      />
      <TextAreaField
        id={summary.id('purpose')}
        label={t('transfers.fields.purpose')}
        hint={t('transfers.fields.purposeHint')}
        rows={3}
        error={errors.purpose?.message}
        registration={form.register('purpose')}
      />
      <SelectField
        id={summary.id('caseId')}
        label={t('transfers.fields.case')}
        optional
        error={errors.caseId?.message}
        options={[
          { value: '', label: t('transfers.fields.noCase') },
          ...(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.reference} – ${c.title}` })),
        ]}
        registration={form.register('caseId')}
      />
      <TextField
        id={summary.id('validUntil')}
        label={t('transfers.fields.validUntil')}
        hint={t('transfers.fields.validUntilHint')}
        type="date"
        error={errors.validUntil?.message}
        registration={form.register('validUntil')}
      />
      <Alert tone="info" role="none" title={t('transfers.confirmNotice')} />
      <FormActions submitLabel={t('transfers.panel.record')} pending={save.isPending} onCancel={onCancel} />
    </form>
  );
}

type DialogProps = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  person: Person;
  onSaved: (t: Transfer) => void;
};

/** "Übermittlung dokumentieren": recipient, categories, norm, purpose, case and how long the recipient may use the data. */
export function TransferDialog({ isOpen, onOpenChange, person, onSaved }: DialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={t('transfers.dialogTitle')}
      wide
      dismissable={false}
    >
      {isOpen ? <TransferFormBody person={person} onSaved={onSaved} onCancel={() => onOpenChange(false)} /> : null}
    </ModalDialog>
  );
}
