import { useTranslation } from 'react-i18next';
import {
  identifierKindSchema,
  nameOrderSchema,
  nameVariantKindSchema,
  sexSchema,
} from '../../../shared/contracts/people';
import { SelectField, TextField } from '../../components/ui/form-field';
import type { DataCategoryCode } from '../../../shared/contracts/data-protection';
import { personFieldCategories, type PersonFieldGroup } from '../../../shared/domain/data-protection/field-groups';
import { PersonAddressesFieldset } from './person-addresses-fieldset';
import { PersonContactsFieldset } from './person-contacts-fieldset';
import type { PersonFormPartProps } from './person-form-schema';
import { PersonLanguagesFieldset } from './person-languages-fieldset';
import { PersonRepeatGroup } from './person-repeat-group';

function NameVariantsFieldset({ form, fieldId }: PersonFormPartProps) {
  const { t } = useTranslation();
  const errors = form.formState.errors.nameVariants;
  return (
    <PersonRepeatGroup
      form={form}
      fieldId={fieldId}
      name="nameVariants"
      renderRow={(index, n) => {
        const error = errors?.[index];
        return (
          <>
            <SelectField
              id={fieldId(`nameVariants.${index}.kind`)}
              label={`${t('people.variantKind')} (${n})`}
              error={error?.kind?.message}
              options={nameVariantKindSchema.options.map((value) => ({
                value,
                label: t(`people.variantKinds.${value}`),
              }))}
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
          </>
        );
      }}
    />
  );
}

function IdentifiersFieldset({ form, fieldId }: PersonFormPartProps) {
  const { t } = useTranslation();
  const errors = form.formState.errors.identifiers;
  return (
    <PersonRepeatGroup
      form={form}
      fieldId={fieldId}
      name="identifiers"
      renderRow={(index, n) => {
        const error = errors?.[index];
        return (
          <>
            <SelectField
              id={fieldId(`identifiers.${index}.kind`)}
              label={`${t('people.identifierKind')} (${n})`}
              error={error?.kind?.message}
              options={identifierKindSchema.options.map((value) => ({
                value,
                label: t(`people.identifierKinds.${value}`),
              }))}
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
          </>
        );
      }}
    />
  );
}

/** The inputs of a person, shared by registration and editing. */
/**
 * The person form. `withheld` (the person's `access.withheld`, editing only) leaves out the field
 * groups of categories the agency may not see: they are neither shown nor sent.
 */
export function PersonFormFields({
  form,
  fieldId,
  withheld = [],
}: PersonFormPartProps & { withheld?: readonly DataCategoryCode[] }) {
  const shown = (group: PersonFieldGroup) => !withheld.includes(personFieldCategories[group]);
  const { t } = useTranslation();
  const errors = form.formState.errors;

  return (
    <>
      <fieldset className="kern-fieldset" id={fieldId('name')} tabIndex={-1}>
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

      <NameVariantsFieldset form={form} fieldId={fieldId} />
      <SelectField
        id={fieldId('sex')}
        label={t('people.sex')}
        error={errors.sex?.message}
        options={sexSchema.options.map((value) => ({ value, label: t(`people.sexes.${value}`) }))}
        registration={form.register('sex')}
      />

      <fieldset className="kern-fieldset" id={fieldId('birth')} tabIndex={-1}>
        <legend className="kern-label">{t('people.birthTitle')}</legend>
        <div className="kern-fieldset__body">
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
        </div>
      </fieldset>

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

      <PersonLanguagesFieldset form={form} fieldId={fieldId} showGermanLevels={shown('germanLevels')} />
      {shown('contacts') ? <PersonContactsFieldset form={form} fieldId={fieldId} /> : null}
      {shown('addresses') ? <PersonAddressesFieldset form={form} fieldId={fieldId} /> : null}
      <IdentifiersFieldset form={form} fieldId={fieldId} />
    </>
  );
}
