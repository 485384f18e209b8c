import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { paths } from '../lib/paths';
import { AppShell, PublicLayout } from './app-shell';
import { NotFoundPage } from './not-found-page';
import { RequirePermission } from './require-permission';
import { RequireSession } from './require-session';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

// One chunk per screen: the login page does not download the administration screens.
const LoginPage = lazy(() => import('../features/auth/login-page').then((m) => ({ default: m.LoginPage })));
const AccountPage = lazy(() => import('../features/auth/account-page').then((m) => ({ default: m.AccountPage })));
const WorkspacePage = lazy(() => import('./composed/workspace-route').then((m) => ({ default: m.WorkspaceRoute })));
const AgencyListPage = lazy(() =>
  import('../features/agencies/agency-list-page').then((m) => ({ default: m.AgencyListPage })),
);
const AgencyDetailPage = lazy(() =>
  import('../features/agencies/agency-detail-page').then((m) => ({ default: m.AgencyDetailPage })),
);
const UserListPage = lazy(() => import('../features/admin/user-list-page').then((m) => ({ default: m.UserListPage })));
const UserDetailPage = lazy(() =>
  import('../features/admin/user-detail-page').then((m) => ({ default: m.UserDetailPage })),
);
const PersonSearchPage = lazy(() =>
  import('./composed/person-search-route').then((m) => ({ default: m.PersonSearchRoute })),
);
const PersonCreatePage = lazy(() =>
  import('../features/people/person-create-page').then((m) => ({ default: m.PersonCreatePage })),
);
const PersonDetailPage = lazy(() =>
  import('./composed/person-detail-route').then((m) => ({ default: m.PersonDetailRoute })),
);
const ExpiringDocumentsPage = lazy(() =>
  import('../features/people/expiring-documents-page').then((m) => ({ default: m.ExpiringDocumentsPage })),
);
const HandoverBoardPage = lazy(() =>
  import('../features/people/handover-board-page').then((m) => ({ default: m.HandoverBoardPage })),
);
const RuleVersionsPage = lazy(() =>
  import('../features/people/rule-versions-page').then((m) => ({ default: m.RuleVersionsPage })),
);
const HouseholdPage = lazy(() =>
  import('../features/people/household-page').then((m) => ({ default: m.HouseholdPage })),
);
const PersonMergePage = lazy(() =>
  import('../features/people/person-merge-page').then((m) => ({ default: m.PersonMergePage })),
);
const ProfilePage = lazy(() => import('../features/profiles/profile-page').then((m) => ({ default: m.ProfilePage })));
const SocialSpaceMapPage = lazy(() =>
  import('../features/social-space/map-page').then((m) => ({ default: m.SocialSpaceMapPage })),
);
const DistrictsListPage = lazy(() =>
  import('../features/social-space/districts-list-page').then((m) => ({ default: m.DistrictsListPage })),
);
const DistrictDetailPage = lazy(() =>
  import('../features/social-space/districts-detail-page').then((m) => ({ default: m.DistrictDetailPage })),
);
const ExplorationOverviewPage = lazy(() =>
  import('../features/social-space/exploration-overview-page').then((m) => ({ default: m.ExplorationOverviewPage })),
);
const ExplorationFormPage = lazy(() =>
  import('../features/social-space/exploration-form-page').then((m) => ({ default: m.ExplorationFormPage })),
);
const ExplorationDetailPage = lazy(() =>
  import('../features/social-space/exploration-detail-page').then((m) => ({ default: m.ExplorationDetailPage })),
);
const AddressListPage = lazy(() =>
  import('../features/social-space/address-list-page').then((m) => ({ default: m.AddressListPage })),
);
const AddressDetailPage = lazy(() =>
  import('../features/social-space/address-detail-page').then((m) => ({ default: m.AddressDetailPage })),
);
const ResourceListPage = lazy(() =>
  import('../features/social-space/resource-list-page').then((m) => ({ default: m.ResourceListPage })),
);
const ResourceDetailPage = lazy(() =>
  import('../features/social-space/resource-detail-page').then((m) => ({ default: m.ResourceDetailPage })),
);
const ResourceFormPage = lazy(() =>
  import('../features/social-space/resource-form-page').then((m) => ({ default: m.ResourceFormPage })),
);
const HsdsExchangePage = lazy(() =>
  import('../features/social-space/hsds-exchange-page').then((m) => ({ default: m.HsdsExchangePage })),
);
const CaseListPage = lazy(() => import('../features/cases/case-list-page').then((m) => ({ default: m.CaseListPage })));
const CaseCreatePage = lazy(() =>
  import('../features/cases/case-create-page').then((m) => ({ default: m.CaseCreatePage })),
);
const CaseDetailPage = lazy(() =>
  import('./composed/case-detail-route').then((m) => ({ default: m.CaseDetailRoute })),
);
const AssessmentPage = lazy(() =>
  import('../features/cases/assessment-editor').then((m) => ({ default: m.AssessmentPage })),
);
const CasePlanPage = lazy(() => import('../features/cases/case-plan-page').then((m) => ({ default: m.CasePlanPage })));
const WorkloadPage = lazy(() => import('../features/cases/workload-page').then((m) => ({ default: m.WorkloadPage })));
const TaskInboxRoute = lazy(() => import('./composed/task-inbox-route').then((m) => ({ default: m.TaskInboxRoute })));
const CaseConferencePage = lazy(() =>
  import('../features/cases/case-conference-page').then((m) => ({ default: m.CaseConferencePage })),
);
const AppointmentsPage = lazy(() =>
  import('../features/cases/appointments-page').then((m) => ({ default: m.AppointmentsPage })),
);
const DataProtectionPage = lazy(() =>
  import('../features/data-protection/data-protection-page').then((m) => ({ default: m.DataProtectionPage })),
);
const CategoryMatrixPage = lazy(() =>
  import('../features/data-protection/category-matrix-page').then((m) => ({ default: m.CategoryMatrixPage })),
);
const AuditPage = lazy(() => import('../features/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const ReferralsPage = lazy(() =>
  import('../features/referrals/referrals-page').then((m) => ({ default: m.ReferralsPage })),
);
const ReferralNewPage = lazy(() =>
  import('../features/referrals/referral-new-page').then((m) => ({ default: m.ReferralNewPage })),
);
const ReferralPage = lazy(() =>
  import('../features/referrals/referral-page').then((m) => ({ default: m.ReferralPage })),
);
const FunnelPage = lazy(() => import('../features/reports/funnel-page').then((m) => ({ default: m.FunnelPage })));
const MeasuresPage = lazy(() => import('../features/referrals/measures-page').then((m) => ({ default: m.MeasuresPage })));
const MeasurePage = lazy(() => import('../features/referrals/measure-page').then((m) => ({ default: m.MeasurePage })));
const MeasureNewPage = lazy(() => import('../features/referrals/measure-page').then((m) => ({ default: m.MeasureNewPage })));
const ReferralCriteriaPage = lazy(() =>
  import('../features/referrals/referral-criteria-page').then((m) => ({ default: m.ReferralCriteriaPage })),
);
const TransferLogPage = lazy(() =>
  import('../features/data-protection/transfer-log-page').then((m) => ({ default: m.TransferLogPage })),
);
const BreakGlassPage = lazy(() =>
  import('../features/data-protection/break-glass-page').then((m) => ({ default: m.BreakGlassPage })),
);
const BreakGlassReviewsPage = lazy(() =>
  import('../features/data-protection/break-glass-reviews-page').then((m) => ({ default: m.BreakGlassReviewsPage })),
);
const AccessReportPage = lazy(() =>
  import('../features/data-protection/access-report-page').then((m) => ({ default: m.AccessReportPage })),
);
const RetentionPage = lazy(() =>
  import('../features/data-protection/retention-page').then((m) => ({ default: m.RetentionPage })),
);
const LegalHoldsPage = lazy(() =>
  import('../features/data-protection/legal-holds-page').then((m) => ({ default: m.LegalHoldsPage })),
);
const CorrespondenceOutboxPage = lazy(() =>
  import('../features/correspondence/correspondence-outbox-page').then((m) => ({ default: m.CorrespondenceOutboxPage })),
);
const PersonCorrespondencePage = lazy(() =>
  import('../features/correspondence/person-correspondence-page').then((m) => ({ default: m.PersonCorrespondencePage })),
);
const LetterComposePage = lazy(() =>
  import('../features/correspondence/letter-compose-page').then((m) => ({ default: m.LetterComposePage })),
);
const LetterPage = lazy(() => import('../features/correspondence/letter-page').then((m) => ({ default: m.LetterPage })));

function guarded(permission: string, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <RootLayout />,
      errorElement: <RouteError />,
      children: [
        {
          element: <PublicLayout />,
          children: [{ path: paths.login, element: <LoginPage /> }],
        },
        {
          element: (
            <RequireSession>
              <AppShell />
            </RequireSession>
          ),
          children: [
            { index: true, element: <WorkspacePage /> },
            { path: paths.agencies, element: guarded('agency.read', <AgencyListPage />) },
            { path: `${paths.agencies}/:id`, element: guarded('agency.read', <AgencyDetailPage />) },
            { path: paths.people, element: guarded('person.read', <PersonSearchPage />) },
            { path: paths.personNew, element: guarded('person.write', <PersonCreatePage />) },
            { path: paths.expiringDocuments, element: guarded('person.read', <ExpiringDocumentsPage />) },
            { path: paths.handovers, element: guarded('person.read', <HandoverBoardPage />) },
            { path: paths.ruleVersions, element: guarded('agency.read', <RuleVersionsPage />) },
            { path: `${paths.people}/:id`, element: guarded('person.read', <PersonDetailPage />) },
            { path: paths.personMerge(':id', ':otherId'), element: guarded('person.write', <PersonMergePage />) },
            { path: paths.personProfile(':id'), element: guarded('profile.read', <ProfilePage />) },
            { path: paths.household(':id'), element: guarded('person.read', <HouseholdPage />) },
            { path: paths.socialSpaceMap, element: guarded('social_space.read', <SocialSpaceMapPage />) },
            { path: paths.districts, element: guarded('social_space.read', <DistrictsListPage />) },
            { path: paths.district(':id'), element: guarded('social_space.read', <DistrictDetailPage />) },
            { path: paths.resources, element: guarded('social_space.read', <ResourceListPage />) },
            { path: paths.resourceNew, element: guarded('resource.write', <ResourceFormPage />) },
            { path: paths.resourceImport, element: guarded('social_space.read', <HsdsExchangePage />) },
            { path: paths.resource(':id'), element: guarded('social_space.read', <ResourceDetailPage />) },
            { path: `${paths.resource(':id')}/bearbeiten`, element: guarded('resource.write', <ResourceFormPage />) },
            { path: paths.explorations, element: guarded('exploration.read', <ExplorationOverviewPage />) },
            { path: paths.explorationNew, element: guarded('exploration.write', <ExplorationFormPage />) },
            { path: paths.exploration(':id'), element: guarded('exploration.read', <ExplorationDetailPage />) },
            { path: paths.addresses, element: guarded('address.read', <AddressListPage />) },
            { path: paths.address(':id'), element: guarded('address.read', <AddressDetailPage />) },
            { path: paths.correspondence, element: guarded('case.read', <CorrespondenceOutboxPage />) },
            { path: paths.personCorrespondence(':id'), element: guarded('case.read', <PersonCorrespondencePage />) },
            { path: paths.letterNew(':id'), element: guarded('case.write', <LetterComposePage />) },
            { path: paths.letter(':id'), element: guarded('case.read', <LetterPage />) },
            { path: paths.referrals, element: guarded('referral.read', <ReferralsPage />) },
            { path: `${paths.referrals}/neu`, element: guarded('referral.write', <ReferralNewPage />) },
            { path: paths.referralCriteria, element: guarded('measure.read', <ReferralCriteriaPage />) },
            { path: paths.referral(':id'), element: guarded('referral.read', <ReferralPage />) },
            { path: paths.measures, element: guarded('measure.read', <MeasuresPage />) },
            { path: paths.funnel, element: guarded('funnel.read', <FunnelPage />) },
            { path: paths.measureNew, element: guarded('measure.manage', <MeasureNewPage />) },
            { path: paths.measure(':id'), element: guarded('measure.read', <MeasurePage />) },
            { path: paths.cases, element: guarded('case.read', <CaseListPage />) },
            { path: `${paths.cases}/neu`, element: guarded('case.write', <CaseCreatePage />) },
            { path: paths.caseWorkload, element: guarded('case.manage', <WorkloadPage />) },
            { path: paths.appointments, element: guarded('case.read', <AppointmentsPage />) },
            { path: paths.tasks, element: guarded('case.read', <TaskInboxRoute />) },
            {
              path: paths.caseConference(':id', ':conferenceId'),
              element: guarded('case.read', <CaseConferencePage />),
            },
            { path: paths.case(':id'), element: guarded('case.read', <CaseDetailPage />) },
            { path: paths.caseAssessment(':id', ':versionNo'), element: guarded('case.read', <AssessmentPage />) },
            { path: paths.casePlan(':id', ':planId'), element: guarded('case.read', <CasePlanPage />) },
            { path: paths.users, element: guarded('user.read', <UserListPage />) },
            { path: `${paths.users}/:id`, element: guarded('user.read', <UserDetailPage />) },
            { path: paths.audit, element: guarded('audit.read', <AuditPage />) },
            { path: paths.transfers, element: guarded('transfer.read', <TransferLogPage />) },
            { path: paths.breakGlass, element: guarded('break_glass.request', <BreakGlassPage />) },
            { path: paths.breakGlassReviews, element: guarded('break_glass.review', <BreakGlassReviewsPage />) },
            { path: paths.accessReports, element: guarded('privacy.report', <AccessReportPage />) },
            { path: paths.retention, element: guarded('retention.read', <RetentionPage />) },
            { path: paths.legalHolds, element: guarded('legal_hold.manage', <LegalHoldsPage />) },
            { path: paths.privacy, element: guarded('agency.read', <DataProtectionPage />) },
            { path: paths.categoryMatrix, element: guarded('agency.read', <CategoryMatrixPage />) },
            { path: paths.account, element: <AccountPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
