import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contactKindSchema, messengerServiceSchema } from '../../../shared/contracts/people';
import { Checkbox, SelectField, TextField } from '../../components/ui/form-field';
import { todayIso } from './people-format';
import type { PersonFormPartProps } from './person-form-schema';
import { PersonRepeatGroup } from './person-repeat-group';

const VALUE_INPUT = {
  phone: { type: 'tel', autoComplete: 'off', inputMode: 'tel' },
  email: { type: 'email', autoComplete: 'off', inputMode: 'email' },
  messenger: { type: 'text', autoComplete: 'off', inputMode: 'text' },
} as const;

/** Phone, e-mail and messenger, each with the person's consent to be contacted that way. */
export function PersonContactsFieldset({ form, fieldId }: PersonFormPartProps) {
  const { t } = useTranslation();
  const watched = useWatch({ control: form.control, name: 'contacts' });
  const errors = form.formState.errors.contacts;

  return (
    <PersonRepeatGroup
      form={form}
      fieldId={fieldId}
      name="contacts"
      hint={t('people.contactsHint')}
      renderRow={(index, n) => {
        const error = errors?.[index];
        const row = watched[index];
        const kind = row?.kind ?? 'phone';
        const consentDate = `contacts.${index}.consentRecordedOn` as const;
        return (
          <>
            <SelectField
              id={fieldId(`contacts.${index}.kind`)}
              label={`${t('people.contactKind')} (${n})`}
              error={error?.kind?.message}
              options={contactKindSchema.options.map((value) => ({ value, label: t(`people.contactKinds.${value}`) }))}
              registration={form.register(`contacts.${index}.kind`)}
            />
            {kind === 'messenger' ? (
              <SelectField
                id={fieldId(`contacts.${index}.service`)}
                label={`${t('people.messengerService')} (${n})`}
                error={error?.service?.message}
                options={[
                  { value: '', label: t('people.chooseService') },
                  ...messengerServiceSchema.options.map((value) => ({
                    value,
                    label: t(`people.messengerServices.${value}`),
                  })),
                ]}
                registration={form.register(`contacts.${index}.service`)}
              />
            ) : null}
            <TextField
              id={fieldId(`contacts.${index}.value`)}
              label={`${t(`people.contactValues.${kind}`)} (${n})`}
              hint={kind === 'messenger' ? t('people.messengerValueHint') : undefined}
              spellCheck={false}
              {...VALUE_INPUT[kind]}
              error={error?.value?.message}
              registration={form.register(`contacts.${index}.value`)}
            />
            <Checkbox
              id={fieldId(`contacts.${index}.consentToUse`)}
              label={`${t('people.consentToUse')} (${n})`}
              invalid={!!error?.consentToUse}
              registration={form.register(`contacts.${index}.consentToUse`, {
                // The consent is usually recorded the day it is given: offer today, keep what is there.
                onChange: (event: { target: HTMLInputElement }) => {
                  if (event.target.checked && !form.getValues(consentDate)) form.setValue(consentDate, todayIso());
                },
              })}
            />
            {row?.consentToUse ? (
              <TextField
                id={fieldId(consentDate)}
                label={`${t('people.consentRecordedOn')} (${n})`}
                type="date"
                error={error?.consentRecordedOn?.message}
                registration={form.register(consentDate)}
              />
            ) : null}
            <TextField
              id={fieldId(`contacts.${index}.note`)}
              label={`${t('people.contactNote')} (${n})`}
              hint={t('people.contactNoteHint')}
              optional
              autoComplete="off"
              error={error?.note?.message}
              registration={form.register(`contacts.${index}.note`)}
            />
          </>
        );
      }}
    />
  );
}
