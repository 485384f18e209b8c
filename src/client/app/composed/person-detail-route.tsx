import { PersonConsentsPanel } from '../../features/consent/person-consents-panel';
import { BreakGlassBanner } from '../../features/data-protection/break-glass-banner';
import { PersonTransfersPanel } from '../../features/data-protection/person-transfers-panel';
import { PersonDetailPage, type PersonPageSlots } from '../../features/people/person-detail-page';
import { EmploymentOutcomesSection } from '../../features/referrals/employment-outcomes-section';
import { MeasureMatchesSection } from '../../features/referrals/measure-matches-section';
import { ProfileSummaryCard } from '../../features/profiles/profile-summary-card';

/** The person page with what the data-protection features add to it (features do not import each other). */
const slots: PersonPageSlots = {
  banner: (person) => <BreakGlassBanner person={person} />,
  panels: (person, canWrite) => (
    <>
      <PersonConsentsPanel person={person} canWrite={canWrite} />
      <PersonTransfersPanel person={person} />
      <ProfileSummaryCard person={person} />
      <EmploymentOutcomesSection personId={person.id} />
      <MeasureMatchesSection personId={person.id} />
    </>
  ),
};

export function PersonDetailRoute() {
  return <PersonDetailPage slots={slots} />;
}
