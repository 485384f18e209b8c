import { useWatch, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { cefrLevels } from '../../../shared/contracts/people';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/ui/form-field';
import { languageOptions, OTHER_LANGUAGE } from './language-names';
import { GERMAN_SKILLS, type PersonFormPartProps } from './person-form-schema';
import { PersonRepeatGroup } from './person-repeat-group';

type LanguageChoiceProps = {
  id: string;
  otherId: string;
  label: string;
  otherLabel: string;
  /** The select's current value, to show the code input for "Andere Sprache". */
  value: string | undefined;
  registration: UseFormRegisterReturn;
  otherRegistration: UseFormRegisterReturn;
  error?: string | undefined;
  otherError?: string | undefined;
};

/** A select of the common languages; "Andere Sprache" reveals an input for any ISO 639 code. */
function LanguageChoice({
  id,
  otherId,
  label,
  otherLabel,
  value,
  registration,
  otherRegistration,
  error,
  otherError,
}: LanguageChoiceProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        id={id}
        label={label}
        error={error}
        options={[
          { value: '', label: t('people.chooseLanguage') },
          ...languageOptions(),
          { value: OTHER_LANGUAGE, label: t('people.otherLanguage') },
        ]}
        registration={registration}
      />
      {value === OTHER_LANGUAGE ? (
        <TextField
          id={otherId}
          label={otherLabel}
          hint={t('people.languageCodeHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={3}
          width={4}
          error={otherError}
          registration={otherRegistration}
        />
      ) : null}
    </>
  );
}

/** Languages spoken, German per CEFR skill, and whether an interpreter is needed. */
export function PersonLanguagesFieldset({
  form,
  fieldId,
  showGermanLevels = true,
}: PersonFormPartProps & { showGermanLevels?: boolean }) {
  const { t } = useTranslation();
  const watchedLanguages = useWatch({ control: form.control, name: 'languages' });
  const interpreter = useWatch({ control: form.control, name: 'interpreter' });
  const errors = form.formState.errors;
  const levelOptions = [
    { value: '', label: t('people.notAssessed') },
    ...cefrLevels.map((level) => ({ value: level, label: level })),
  ];

  return (
    <>
      <PersonRepeatGroup
        form={form}
        fieldId={fieldId}
        name="languages"
        hint={t('people.languagesHint')}
        renderRow={(index, n) => {
          const error = errors.languages?.[index];
          return (
            <>
              <LanguageChoice
                id={fieldId(`languages.${index}.language`)}
                otherId={fieldId(`languages.${index}.otherLanguage`)}
                label={`${t('people.language')} (${n})`}
                otherLabel={`${t('people.languageCode')} (${n})`}
                value={watchedLanguages[index]?.language}
                registration={form.register(`languages.${index}.language`)}
                otherRegistration={form.register(`languages.${index}.otherLanguage`)}
                error={error?.language?.message}
                otherError={error?.otherLanguage?.message}
              />
              <Checkbox
                id={fieldId(`languages.${index}.motherTongue`)}
                label={`${t('people.motherTongue')} (${n})`}
                registration={form.register(`languages.${index}.motherTongue`)}
              />
              <TextField
                id={fieldId(`languages.${index}.level`)}
                label={`${t('people.languageLevel')} (${n})`}
                hint={t('people.languageLevelHint')}
                optional
                autoComplete="off"
                error={error?.level?.message}
                registration={form.register(`languages.${index}.level`)}
              />
            </>
          );
        }}
      />

      {showGermanLevels ? (
        <Fieldset id={fieldId('germanLevels')} legend={t('people.germanLevels')} hint={t('people.germanLevelsHint')}>
          {GERMAN_SKILLS.map((skill) => (
            <SelectField
              key={skill}
              id={fieldId(`germanLevels.${skill}`)}
              label={t(`people.germanSkills.${skill}`)}
              error={errors.germanLevels?.[skill]?.message}
              options={levelOptions}
              registration={form.register(`germanLevels.${skill}`)}
            />
          ))}
        </Fieldset>
      ) : null}

      <Fieldset id={fieldId('interpreter')} legend={t('people.interpreter')}>
        <Checkbox
          id={fieldId('interpreter.needed')}
          label={t('people.interpreterNeeded')}
          registration={form.register('interpreter.needed')}
        />
        {interpreter.needed ? (
          <LanguageChoice
            id={fieldId('interpreter.language')}
            otherId={fieldId('interpreter.otherLanguage')}
            label={t('people.interpreterLanguage')}
            otherLabel={t('people.interpreterLanguageCode')}
            value={interpreter.language}
            registration={form.register('interpreter.language')}
            otherRegistration={form.register('interpreter.otherLanguage')}
            error={errors.interpreter?.language?.message}
            otherError={errors.interpreter?.otherLanguage?.message}
          />
        ) : null}
      </Fieldset>
    </>
  );
}
