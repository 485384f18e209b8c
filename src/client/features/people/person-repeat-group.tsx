import type { ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { blankRows, type PersonFormPartProps } from './person-form-schema';
import { RepeatGroup } from './repeat-group';

type ListName = keyof typeof blankRows;

/** Texts follow one pattern per list: people.languages, people.languageN, people.addLanguage … */
const SINGULAR = {
  nameVariants: 'NameVariant',
  identifiers: 'Identifier',
  languages: 'Language',
  contacts: 'Contact',
  addresses: 'Address',
} as const satisfies Record<ListName, string>;

/** The contract's maximum number of entries per list. */
const MAX: Record<ListName, number> = { nameVariants: 20, identifiers: 10, languages: 20, contacts: 20, addresses: 30 };

const lowerFirst = <S extends string>(s: S) => (s.charAt(0).toLowerCase() + s.slice(1)) as Uncapitalize<S>;
const upperFirst = <S extends string>(s: S) => (s.charAt(0).toUpperCase() + s.slice(1)) as Capitalize<S>;

type PersonRepeatGroupProps = PersonFormPartProps & {
  name: ListName;
  hint?: ReactNode;
  renderRow: (index: number, n: number) => ReactNode;
};

/** One of the person form's lists (name variants, identifiers, languages, contacts, addresses). */
export function PersonRepeatGroup({ form, fieldId, name, hint, renderRow }: PersonRepeatGroupProps) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors[name];
  const singular = SINGULAR[name];
  return (
    <RepeatGroup
      id={fieldId(name)}
      legend={t(`people.${name}`)}
      hint={hint}
      emptyText={t(`people.no${upperFirst(name)}`)}
      keys={rows.fields.map((field) => field.id)}
      rowLabel={(n) => t(`people.${lowerFirst(singular)}N`, { n })}
      addLabel={t(`people.add${singular}`)}
      removeLabel={(n) => t(`people.remove${singular}`, { n })}
      // Focus is moved by RepeatGroup, after the new row is rendered.
      onAdd={() => rows.append(blankRows[name](), { shouldFocus: false })}
      onRemove={(index) => rows.remove(index)}
      max={MAX[name]}
      error={errors?.message ?? errors?.root?.message}
      renderRow={renderRow}
    />
  );
}
