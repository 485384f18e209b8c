import type { TFunction } from 'i18next';
import { householdRelationshipSchema, type Household } from '../../../shared/contracts/households';

/** "Bedarfsgemeinschaft „Familie Haddad“", or the kind alone when the household has no name. */
export function householdName(household: Pick<Household, 'kind' | 'name'>, t: TFunction): string {
  const kind = t(`households.kinds.${household.kind}`);
  return household.name ? t('households.namedKind', { kind, name: household.name }) : kind;
}

export function relationshipOptions(t: TFunction): { value: string; label: string }[] {
  return householdRelationshipSchema.options.map((value) => ({ value, label: t(`households.relationships.${value}`) }));
}
