import { useFieldArray, useForm } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  agencyContactSchema,
  agencyUpdateRequestSchema,
  caseworkerScopeSchema,
  caseworkerScopes,
  legalBasisSchema,
  type AgencyDetail,
} from '../../../shared/contracts/agencies';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { zodOptions } from '../../lib/form-errors';
import { blankToNull } from '../../lib/form-schemas';
import { useFormSummary } from '../../lib/use-form-summary';
import { agenciesApi } from './agencies-api';

const shape = agencyUpdateRequestSchema.shape;
const formSchema = z.object({
  name: shape.name.unwrap(),
  shortMandate: shape.shortMandate.unwrap(),
  mandate: shape.mandate.unwrap(),
  legalBases: z.array(legalBasisSchema).max(50),
  contact: z.object({
    address: blankToNull(agencyContactSchema.shape.address),
    phone: blankToNull(agencyContactSchema.shape.phone),
    email: blankToNull(agencyContactSchema.shape.email),
    openingHours: blankToNull(agencyContactSchema.shape.openingHours),
  }),
  caseworkerScope: caseworkerScopeSchema,
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const FIELDS = ['name', 'shortMandate', 'mandate', 'legalBases', 'contact', 'caseworkerScope'] as const;

type AgencyEditFormProps = {
  agency: AgencyDetail;
  onSaved: (agency: AgencyDetail) => void;
  onCancel: () => void;
};

export function AgencyEditForm({ agency, onSaved, onCancel }: AgencyEditFormProps) {
  const { t } = useTranslation();
  const summary = useFormSummary('agency-edit');
  const form = useForm<FormInput, unknown, FormOutput>({
    shouldFocusError: false,
    resolver: zodResolver(formSchema, zodOptions),
    defaultValues: {
      name: agency.name,
      shortMandate: agency.shortMandate,
      mandate: agency.mandate,
      legalBases: agency.legalBases,
      contact: {
        address: agency.contact.address ?? '',
        phone: agency.contact.phone ?? '',
        email: agency.contact.email ?? '',
        openingHours: agency.contact.openingHours ?? '',
      },
      caseworkerScope: agency.caseworkerScope,
    },
  });
  const legalBases = useFieldArray({ control: form.control, name: 'legalBases' });
  const update = useMutation({ mutationFn: (values: FormOutput) => agenciesApi.update(agency.id, values) });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(
    (values) =>
      update.mutate(values, {
        onSuccess: onSaved,
        onError: (error) => summary.showServerError(error, form.setError, FIELDS),
      }),
    summary.showFieldErrors,
  );

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="lotse-stack" aria-labelledby="agency-edit-title">
      <h2 className="kern-heading-medium" id="agency-edit-title">
        {t('agencies.editTitle')}
      </h2>
      <p className="kern-body">{t('agencies.editIntro')}</p>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <TextField
        id={summary.id('name')}
        label={t('agencies.name')}
        error={errors.name?.message}
        registration={form.register('name')}
      />
      <TextField
        id={summary.id('shortMandate')}
        label={t('agencies.shortMandate')}
        error={errors.shortMandate?.message}
        registration={form.register('shortMandate')}
      />
      <TextAreaField
        id={summary.id('mandate')}
        label={t('agencies.mandate')}
        rows={10}
        error={errors.mandate?.message}
        registration={form.register('mandate')}
      />

      <fieldset className="kern-fieldset lotse-stack">
        <legend className="kern-label">{t('agencies.legalBases')}</legend>
        <div className="kern-fieldset__body">
          {legalBases.fields.map((field, index) => (
            <div key={field.id} className="lotse-repeat-group" role="group" aria-label={t('agencies.legalBasisN', { n: index + 1 })}>
              <TextField
                id={summary.id(`legalBases.${index}.norm`)}
                label={`${t('agencies.norm')} (${index + 1})`}
                error={errors.legalBases?.[index]?.norm?.message}
                registration={form.register(`legalBases.${index}.norm`)}
              />
              <TextAreaField
                id={summary.id(`legalBases.${index}.description`)}
                label={`${t('agencies.normDescription')} (${index + 1})`}
                rows={3}
                error={errors.legalBases?.[index]?.description?.message}
                registration={form.register(`legalBases.${index}.description`)}
              />
              <div>
                <Button variant="tertiary" icon="delete" small onClick={() => legalBases.remove(index)}>
                  {t('agencies.removeLegalBasis', { n: index + 1 })}
                </Button>
              </div>
            </div>
          ))}
          <div>
            <Button variant="secondary" icon="add" onClick={() => legalBases.append({ norm: '', description: '' })}>
              {t('agencies.addLegalBasis')}
            </Button>
          </div>
        </div>
      </fieldset>

      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('agencies.contact')}</legend>
        <div className="kern-fieldset__body">
          <TextAreaField
            id={summary.id('contact.address')}
            label={t('agencies.address')}
            optional
            rows={3}
            error={errors.contact?.address?.message}
            registration={form.register('contact.address')}
          />
          <TextField
            id={summary.id('contact.phone')}
            label={t('agencies.phone')}
            optional
            type="tel"
            autoComplete="off"
            error={errors.contact?.phone?.message}
            registration={form.register('contact.phone')}
          />
          <TextField
            id={summary.id('contact.email')}
            label={t('agencies.email')}
            optional
            type="email"
            autoComplete="off"
            error={errors.contact?.email?.message}
            registration={form.register('contact.email')}
          />
          <TextField
            id={summary.id('contact.openingHours')}
            label={t('agencies.openingHours')}
            optional
            error={errors.contact?.openingHours?.message}
            registration={form.register('contact.openingHours')}
          />
        </div>
      </fieldset>

      <SelectField
        id={summary.id('caseworkerScope')}
        label={t('recordScope.label')}
        hint={t('recordScope.hint')}
        error={errors.caseworkerScope?.message}
        options={caseworkerScopes.map((scope) => ({ value: scope, label: t(`recordScope.options.${scope}`) }))}
        registration={form.register('caseworkerScope')}
      />

      <div className="kern-btn-wrapper lotse-button-row">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
