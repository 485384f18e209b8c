import { BreakGlassButton } from '../../features/data-protection/break-glass-dialog';
import { PersonSearchPage } from '../../features/people/person-search-page';

/** The person search with the emergency-access action of the data-protection feature. */
export function PersonSearchRoute() {
  return <PersonSearchPage actions={<BreakGlassButton />} />;
}
