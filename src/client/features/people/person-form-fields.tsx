import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  identifierKindSchema,
  nameOrderSchema,
  nameVariantKindSchema,
  sexSchema,
} from '../../../shared/contracts/people';
import { Button } from '../../components/ui/button';
import { SelectField, TextField } from '../../components/ui/form-field';
import type { PersonFormInput, PersonFormOutput } from './person-form-schema';

type PersonFormFieldsProps = {
  form: UseFormReturn<PersonFormInput, unknown, PersonFormOutput>;
  /** Builds the id of an input from its field path, as the error summary links to it. */
  fieldId: (path: string) => string;
};

/** The inputs of a person, shared by registration and editing. */
export function PersonFormFields({ form, fieldId }: PersonFormFieldsProps) {
  const { t } = useTranslation();
  const variants = useFieldArray({ control: form.control, name: 'nameVariants' });
  const identifiers = useFieldArray({ control: form.control, name: 'identifiers' });
  const errors = form.formState.errors;

  return (
    <>
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('people.name')}</legend>
        <div className="kern-fieldset__body">
          <TextField
            id={fieldId('givenNames')}
            label={t('people.givenNames')}
            autoComplete="off"
            spellCheck={false}
            error={errors.givenNames?.message}
            registration={form.register('givenNames')}
          />
          <TextField
            id={fieldId('familyName')}
            label={t('people.familyName')}
            autoComplete="off"
            spellCheck={false}
            error={errors.familyName?.message}
            registration={form.register('familyName')}
          />
          <SelectField
            id={fieldId('nameOrder')}
            label={t('people.nameOrder')}
            error={errors.nameOrder?.message}
            options={nameOrderSchema.options.map((value) => ({ value, label: t(`people.nameOrders.${value}`) }))}
            registration={form.register('nameOrder')}
          />
        </div>
      </fieldset>

      <SelectField
        id={fieldId('sex')}
        label={t('people.sex')}
        error={errors.sex?.message}
        options={sexSchema.options.map((value) => ({ value, label: t(`people.sexes.${value}`) }))}
        registration={form.register('sex')}
      />
      <TextField
        id={fieldId('dateOfBirth')}
        label={t('people.dateOfBirth')}
        hint={t('people.dobHint')}
        optional
        autoComplete="off"
        inputMode="numeric"
        width={4}
        error={errors.dateOfBirth?.message}
        registration={form.register('dateOfBirth')}
      />
      <TextField
        id={fieldId('placeOfBirth')}
        label={t('people.placeOfBirth')}
        optional
        autoComplete="off"
        error={errors.placeOfBirth?.message}
        registration={form.register('placeOfBirth')}
      />
      <TextField
        id={fieldId('countryOfBirth')}
        label={t('people.countryOfBirth')}
        hint={t('people.countryHint')}
        optional
        autoComplete="off"
        spellCheck={false}
        maxLength={2}
        width={2}
        error={errors.countryOfBirth?.message}
        registration={form.register('countryOfBirth')}
      />
      <TextField
        id={fieldId('nationalities')}
        label={t('people.nationalities')}
        hint={t('people.nationalitiesHint')}
        optional
        autoComplete="off"
        spellCheck={false}
        error={errors.nationalities?.message}
        registration={form.register('nationalities')}
      />

      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('people.nameVariants')}</legend>
        <div className="kern-fieldset__body">
          {variants.fields.map((field, index) => {
            const n = index + 1;
            const error = errors.nameVariants?.[index];
            return (
              <div key={field.id} className="lotse-repeat-group" role="group" aria-label={t('people.nameVariantN', { n })}>
                <SelectField
                  id={fieldId(`nameVariants.${index}.kind`)}
                  label={`${t('people.variantKind')} (${n})`}
                  error={error?.kind?.message}
                  options={nameVariantKindSchema.options.map((value) => ({ value, label: t(`people.variantKinds.${value}`) }))}
                  registration={form.register(`nameVariants.${index}.kind`)}
                />
                <TextField
                  id={fieldId(`nameVariants.${index}.givenNames`)}
                  label={`${t('people.givenNames')} (${n})`}
                  optional
                  autoComplete="off"
                  spellCheck={false}
                  error={error?.givenNames?.message}
                  registration={form.register(`nameVariants.${index}.givenNames`)}
                />
                <TextField
                  id={fieldId(`nameVariants.${index}.familyName`)}
                  label={`${t('people.familyName')} (${n})`}
                  optional
                  autoComplete="off"
                  spellCheck={false}
                  error={error?.familyName?.message}
                  registration={form.register(`nameVariants.${index}.familyName`)}
                />
                <TextField
                  id={fieldId(`nameVariants.${index}.script`)}
                  label={`${t('people.script')} (${n})`}
                  hint={t('people.scriptHint')}
                  optional
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={4}
                  width={4}
                  error={error?.script?.message}
                  registration={form.register(`nameVariants.${index}.script`)}
                />
                <div>
                  <Button variant="tertiary" icon="delete" small onClick={() => variants.remove(index)}>
                    {t('people.removeNameVariant', { n })}
                  </Button>
                </div>
              </div>
            );
          })}
          <div>
            <Button
              variant="secondary"
              icon="add"
              disabled={variants.fields.length >= 20}
              onClick={() => variants.append({ kind: 'transliteration', givenNames: '', familyName: '', script: '' })}
            >
              {t('people.addNameVariant')}
            </Button>
          </div>
        </div>
      </fieldset>

      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('people.identifiers')}</legend>
        <div className="kern-fieldset__body">
          {identifiers.fields.map((field, index) => {
            const n = index + 1;
            const error = errors.identifiers?.[index];
            return (
              <div key={field.id} className="lotse-repeat-group" role="group" aria-label={t('people.identifierN', { n })}>
                <SelectField
                  id={fieldId(`identifiers.${index}.kind`)}
                  label={`${t('people.identifierKind')} (${n})`}
                  error={error?.kind?.message}
                  options={identifierKindSchema.options.map((value) => ({ value, label: t(`people.identifierKinds.${value}`) }))}
                  registration={form.register(`identifiers.${index}.kind`)}
                />
                <TextField
                  id={fieldId(`identifiers.${index}.value`)}
                  label={`${t('people.identifierValue')} (${n})`}
                  autoComplete="off"
                  spellCheck={false}
                  error={error?.value?.message}
                  registration={form.register(`identifiers.${index}.value`)}
                />
                <div>
                  <Button variant="tertiary" icon="delete" small onClick={() => identifiers.remove(index)}>
                    {t('people.removeIdentifier', { n })}
                  </Button>
                </div>
              </div>
            );
          })}
          <div>
            <Button
              variant="secondary"
              icon="add"
              disabled={identifiers.fields.length >= 10}
              onClick={() => identifiers.append({ kind: 'azr', value: '' })}
            >
              {t('people.addIdentifier')}
            </Button>
          </div>
        </div>
      </fieldset>
    </>
  );
}
