import { CaseDetailPage, type CasePageSlots } from '../../features/cases/case-detail-page';
import { BenefitReductionsSection } from '../../features/correspondence/benefit-reductions-section';
import { SanctionGuardButton } from '../../features/correspondence/sanction-guard-dialog';

/** The case page with what the correspondence feature adds: the sanction guard and the benefit reductions. */
const slots: CasePageSlots = {
  sections: (value) => <BenefitReductionsSection value={value} />,
  appointmentAction: (props) => <SanctionGuardButton {...props} />,
};

export function CaseDetailRoute() {
  return <CaseDetailPage slots={slots} />;
}
