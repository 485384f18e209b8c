import { useTranslation } from 'react-i18next';
import { addressKindSchema } from '../../../shared/contracts/people';
import { SelectField, TextField } from '../../components/ui/form-field';
import type { PersonFormPartProps } from './person-form-schema';
import { PersonRepeatGroup } from './person-repeat-group';

/** Current and past addresses; an address without "gültig bis" (or with a future one) is current. */
export function PersonAddressesFieldset({ form, fieldId }: PersonFormPartProps) {
  const { t } = useTranslation();
  const errors = form.formState.errors.addresses;

  return (
    <PersonRepeatGroup
      form={form}
      fieldId={fieldId}
      name="addresses"
      hint={t('people.addressesHint')}
      renderRow={(index, n) => {
        const error = errors?.[index];
        const text = (field: 'street' | 'houseNumber' | 'postalCode' | 'city' | 'addressSuffix') => ({
          id: fieldId(`addresses.${index}.${field}`),
          label: `${t(`people.address.${field}`)} (${n})`,
          error: error?.[field]?.message,
          registration: form.register(`addresses.${index}.${field}`),
        });
        return (
          <>
            <SelectField
              id={fieldId(`addresses.${index}.kind`)}
              label={`${t('people.address.kind')} (${n})`}
              error={error?.kind?.message}
              options={addressKindSchema.options.map((value) => ({ value, label: t(`people.addressKinds.${value}`) }))}
              registration={form.register(`addresses.${index}.kind`)}
            />
            <TextField {...text('street')} autoComplete="off" />
            <TextField {...text('houseNumber')} autoComplete="off" width={4} />
            <TextField {...text('postalCode')} autoComplete="off" inputMode="numeric" maxLength={5} width={4} />
            <TextField {...text('city')} autoComplete="off" />
            <TextField
              {...text('addressSuffix')}
              hint={t('people.address.addressSuffixHint')}
              optional
              autoComplete="off"
            />
            <TextField
              id={fieldId(`addresses.${index}.validFrom`)}
              label={`${t('people.address.validFrom')} (${n})`}
              type="date"
              optional
              error={error?.validFrom?.message}
              registration={form.register(`addresses.${index}.validFrom`)}
            />
            <TextField
              id={fieldId(`addresses.${index}.validUntil`)}
              label={`${t('people.address.validUntil')} (${n})`}
              hint={t('people.address.validUntilHint')}
              type="date"
              optional
              error={error?.validUntil?.message}
              registration={form.register(`addresses.${index}.validUntil`)}
            />
          </>
        );
      }}
    />
  );
}
