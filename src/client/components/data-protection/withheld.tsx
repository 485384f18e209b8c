import { useTranslation } from 'react-i18next';
import type { DataCategoryCode } from '../../../shared/contracts/data-protection';
import type { Person } from '../../../shared/contracts/people';
import { dataCategoryLabels } from '../../../shared/domain/data-protection/data-categories';
import { personFieldCategories, type PersonFieldGroup } from '../../../shared/domain/data-protection/field-groups';
import { Alert } from '../ui/alert';
import { currentLanguage } from '../../lib/i18n';

/** Whether a category of the person is withheld from the viewer (`person.access.withheld`). */
export function isWithheld(person: Pick<Person, 'access'>, category: DataCategoryCode): boolean {
  return person.access.withheld.includes(category);
}

/** The label of a category in the UI language. */
export function categoryLabel(category: DataCategoryCode): string {
  const label = dataCategoryLabels[category];
  return currentLanguage() === 'en' ? label.en : label.de;
}

/**
 * Drops the field groups of withheld categories from a person update: the form never showed them,
 * and the server refuses them (403). Other keys pass unchanged.
 */
export function withoutWithheldGroups<T extends object>(values: T, withheld: readonly DataCategoryCode[]): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([key]) => {
      const category = personFieldCategories[key as PersonFieldGroup] as DataCategoryCode | undefined;
      return category === undefined || !withheld.includes(category);
    }),
  ) as Partial<T>;
}

/** Shown instead of a section's content when its category is withheld: not "nothing recorded". */
export function WithheldNotice({ category }: { category: DataCategoryCode }) {
  const { t } = useTranslation();
  return (
    <Alert tone="info" role="none" title={t('dataProtection.withheld.title')}>
      <p className="kern-body">{t('dataProtection.withheld.body', { category: categoryLabel(category) })}</p>
    </Alert>
  );
}
