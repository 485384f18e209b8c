import type { SessionState } from '../../../shared/contracts/auth';
import type { Permission } from './permissions';

/**
 * Who may call a route at all. Record-level scope is decided in the service by `access.check`.
 * - public: no session needed (login, health, static client).
 * - session: any session in one of the given states (second-factor steps, logout, me).
 * - permission: a complete session whose roles grant the permission.
 */
export type RouteRule =
  | { access: 'public' }
  | { access: 'session'; states: readonly SessionState[] }
  | { access: 'permission'; permission: Permission };

const anySession: RouteRule = {
  access: 'session',
  states: ['complete', 'totp_pending', 'totp_enrolment_required'],
};
const completeSession: RouteRule = { access: 'session', states: ['complete'] };
const allow = (permission: Permission): RouteRule => ({ access: 'permission', permission });

/**
 * The policy for every route, keyed "METHOD url" as Fastify registers it. A route missing here is
 * denied at runtime, and a test fails when this list and the registered routes differ.
 */
export const routePolicy: Readonly<Record<string, RouteRule>> = {
  'GET /api/v1/health': { access: 'public' },
  'GET /api/v1/openapi.json': { access: 'public' },
  'GET /*': { access: 'public' },

  'POST /api/v1/auth/login': { access: 'public' },
  'GET /api/v1/auth/oidc': { access: 'public' },
  'GET /api/v1/auth/oidc/start': { access: 'public' },
  'GET /api/v1/auth/oidc/callback': { access: 'public' },
  'POST /api/v1/auth/logout': anySession,
  'GET /api/v1/auth/me': anySession,
  'PUT /api/v1/auth/locale': anySession,
  'POST /api/v1/auth/totp/verify': { access: 'session', states: ['totp_pending'] },
  'POST /api/v1/auth/totp/enrol': { access: 'session', states: ['totp_enrolment_required', 'complete'] },
  'POST /api/v1/auth/totp/confirm': { access: 'session', states: ['totp_enrolment_required', 'complete'] },
  'POST /api/v1/auth/password': completeSession,

  'GET /api/v1/workspace': allow('workspace.read'),

  // The legal-domain rules engine on facts the caller supplies (no stored person, so no social
  // data): a public calculator, like the benefit calculators of the Bundesagentur.
  'POST /api/v1/legal/evaluate': { access: 'public' },
  // The same engine on a stored person's residence documents (social data: scoped and audited).
  'GET /api/v1/people/:id/legal-evaluation': allow('person.read'),
  // Rechtskreiswechsel: handovers of a person, changing one, the board (record scope in the service).
  'GET /api/v1/people/:id/handovers': allow('person.read'),
  'PATCH /api/v1/legal-handovers/:handoverId': allow('person.write'),
  'GET /api/v1/legal-handovers': allow('person.read'),
  // Rule versions: everyone reads them; the municipality-wide re-evaluation (counts only, no social
  // data shown) is the system administrator's (legal_rules.manage).
  'GET /api/v1/legal/rule-versions': allow('agency.read'),
  'POST /api/v1/legal/rule-versions/:version/preview': allow('legal_rules.manage'),
  'POST /api/v1/legal/rule-versions/:version/apply': allow('legal_rules.manage'),

  'GET /api/v1/agencies': allow('agency.read'),
  'GET /api/v1/agencies/:id': allow('agency.read'),
  'PATCH /api/v1/agencies/:id': allow('agency.manage'),
  'POST /api/v1/agencies/:id/teams': allow('agency.manage'),

  'GET /api/v1/users': allow('user.read'),
  'POST /api/v1/users': allow('user.create'),
  'GET /api/v1/users/:id': allow('user.read'),
  'PATCH /api/v1/users/:id': allow('user.manage'),
  'POST /api/v1/users/:id/password-reset': allow('user.manage'),
  'POST /api/v1/users/:id/totp-reset': allow('user.manage'),

  'GET /api/v1/people': allow('person.read'),
  'POST /api/v1/people/duplicate-check': allow('person.read'),
  'POST /api/v1/people': allow('person.write'),
  'GET /api/v1/people/:id': allow('person.read'),
  'PATCH /api/v1/people/:id': allow('person.write'),
  'GET /api/v1/people/:id/duplicates': allow('person.read'),
  'POST /api/v1/people/:id/not-duplicate': allow('person.write'),
  'DELETE /api/v1/people/:id/not-duplicate/:otherId': allow('person.write'),
  'POST /api/v1/people/merge': allow('person.write'),
  'GET /api/v1/people/:id/merges': allow('person.read'),
  'POST /api/v1/people/merges/:id/undo': allow('person.write'),

  'GET /api/v1/people/:id/residence-documents': allow('person.read'),
  'POST /api/v1/people/:id/residence-documents': allow('person.write'),
  'PATCH /api/v1/people/:id/residence-documents/:documentId': allow('person.write'),
  'DELETE /api/v1/people/:id/residence-documents/:documentId': allow('person.write'),
  'GET /api/v1/residence-documents/expiring': allow('person.read'),

  'POST /api/v1/households': allow('person.write'),
  'GET /api/v1/households/:id': allow('person.read'),
  'PATCH /api/v1/households/:id': allow('person.write'),
  'POST /api/v1/households/:id/members': allow('person.write'),
  'POST /api/v1/households/:id/members/:memberId/end': allow('person.write'),

  'GET /api/v1/cases': allow('case.read'),
  'POST /api/v1/cases': allow('case.write'),
  'GET /api/v1/cases/workload': allow('case.manage'),
  'GET /api/v1/cases/:id': allow('case.read'),
  'PATCH /api/v1/cases/:id': allow('case.write'),
  'POST /api/v1/cases/:id/phase': allow('case.write'),
  'POST /api/v1/cases/:id/reopen': allow('case.write'),
  'POST /api/v1/cases/:id/team': allow('case.write'),
  'POST /api/v1/cases/:id/team/:memberId/end': allow('case.write'),
  'POST /api/v1/cases/:id/reassign': allow('case.manage'),
  'GET /api/v1/cases/:id/timeline': allow('case.read'),
  'GET /api/v1/people/:id/cases': allow('case.read'),
  'GET /api/v1/cases/:id/assessments': allow('case.read'),
  'POST /api/v1/cases/:id/assessments': allow('case.write'),
  'GET /api/v1/cases/:id/assessments/compare': allow('case.read'),
  'GET /api/v1/cases/:id/assessments/:versionNo': allow('case.read'),
  'PUT /api/v1/cases/:id/assessments/:versionNo': allow('case.write'),
  'POST /api/v1/cases/:id/assessments/:versionNo/complete': allow('case.write'),

  // Plans of a case (integration plan, Kooperationsplan, Hilfeplan) with goals and steps.
  'GET /api/v1/cases/:id/plans': allow('case.read'),
  'POST /api/v1/cases/:id/plans': allow('case.write'),
  'GET /api/v1/cases/:id/plans/:planId': allow('case.read'),
  'PUT /api/v1/cases/:id/plans/:planId': allow('case.write'),
  'POST /api/v1/cases/:id/plans/:planId/steps/:stepId/progress': allow('case.write'),
  'GET /api/v1/cases/:id/plans/:planId/pdf': allow('case.read'),

  // Tasks and deadlines: per case, and the inboxes across cases.
  'GET /api/v1/tasks': allow('case.read'),
  'GET /api/v1/cases/:id/tasks': allow('case.read'),
  'POST /api/v1/cases/:id/tasks': allow('case.write'),
  'PATCH /api/v1/cases/:id/tasks/:taskId': allow('case.write'),

  // Case conferences (Fallkonferenzen).
  'GET /api/v1/cases/:id/conferences': allow('case.read'),
  'POST /api/v1/cases/:id/conferences': allow('case.write'),
  'GET /api/v1/cases/:id/conferences/:conferenceId': allow('case.read'),
  'PUT /api/v1/cases/:id/conferences/:conferenceId': allow('case.write'),
  'POST /api/v1/cases/:id/conferences/:conferenceId/finalise': allow('case.write'),
  'POST /api/v1/cases/:id/conferences/:conferenceId/cancel': allow('case.write'),

  // Notes, documents and appointments of a case.
  'GET /api/v1/cases/:id/notes': allow('case.read'),
  'POST /api/v1/cases/:id/notes': allow('case.write'),
  'PATCH /api/v1/cases/:id/notes/:noteId': allow('case.write'),
  'GET /api/v1/cases/:id/documents': allow('case.read'),
  'POST /api/v1/cases/:id/documents': allow('case.write'),
  'GET /api/v1/cases/:id/documents/:documentId/content': allow('case.read'),
  'DELETE /api/v1/cases/:id/documents/:documentId': allow('case.write'),
  'GET /api/v1/cases/:id/appointments': allow('case.read'),
  'POST /api/v1/cases/:id/appointments': allow('case.write'),
  'PATCH /api/v1/cases/:id/appointments/:appointmentId': allow('case.write'),
  'GET /api/v1/appointments': allow('case.read'),

  // Colleagues of an agency who can be named on a case team, a step, a task or a conference.
  'GET /api/v1/agencies/:id/caseworkers': allow('case.write'),

  // Data protection (issue 5). The category matrix: read by everyone, changed by the system admin.
  'GET /api/v1/data-protection/categories': allow('agency.read'),
  'PUT /api/v1/data-protection/categories/:agencyKind': allow('data_protection.manage'),
  // What the caller sees of a person and on which ground; the person's data as one export.
  'GET /api/v1/people/:id/access': allow('person.read'),
  'GET /api/v1/people/:id/export': allow('person.read'),

  // Consents (module consent).
  'GET /api/v1/consent-texts': allow('consent.read'),
  'POST /api/v1/people/:id/consent-form': allow('consent.write'),
  'GET /api/v1/people/:id/consents': allow('consent.read'),
  'POST /api/v1/people/:id/consents': allow('consent.write'),
  'GET /api/v1/consents/:id': allow('consent.read'),
  'POST /api/v1/consents/:id/withdraw': allow('consent.write'),
  'PUT /api/v1/consents/:id/evidence': allow('consent.write'),
  'GET /api/v1/consents/:id/evidence': allow('consent.read'),

  // Transfers on a legal basis (the transfer log), emergency access, notifications.
  'GET /api/v1/people/:id/transfers': allow('transfer.read'),
  'POST /api/v1/people/:id/transfers': allow('transfer.write'),
  'GET /api/v1/transfers': allow('transfer.read'),
  'POST /api/v1/break-glass/search': allow('break_glass.request'),
  'POST /api/v1/break-glass': allow('break_glass.request'),
  'GET /api/v1/break-glass': allow('break_glass.request'),
  'POST /api/v1/break-glass/:id/end': allow('break_glass.request'),
  'GET /api/v1/break-glass/reviews': allow('break_glass.review'),
  'POST /api/v1/break-glass/:id/review': allow('break_glass.review'),
  'GET /api/v1/notifications': allow('workspace.read'),
  'POST /api/v1/notifications/:id/read': allow('workspace.read'),

  // The data protection officer: "who saw my data" (Art. 15 GDPR), retention, legal holds.
  'GET /api/v1/privacy/people': allow('privacy.report'),
  'GET /api/v1/privacy/people/:id/access-report': allow('privacy.report'),
  'GET /api/v1/privacy/people/:id/access-report/pdf': allow('privacy.report'),
  'GET /api/v1/retention/policies': allow('retention.read'),
  'PUT /api/v1/retention/policies/:recordClass': allow('retention.manage'),
  'GET /api/v1/retention/runs': allow('retention.read'),
  'POST /api/v1/retention/runs': allow('retention.manage'),
  'GET /api/v1/legal-holds': allow('legal_hold.manage'),
  'POST /api/v1/legal-holds': allow('legal_hold.manage'),
  'POST /api/v1/legal-holds/:id/release': allow('legal_hold.manage'),

  'GET /api/v1/audit/events': allow('audit.read'),
  'GET /api/v1/audit/verify': allow('audit.verify'),

  // Social space: districts, staff assignment, outline import, the map.
  'GET /api/v1/districts': allow('social_space.read'),
  'GET /api/v1/districts/:id': allow('social_space.read'),
  'PATCH /api/v1/districts/:id': allow('district.manage'),
  'GET /api/v1/districts/:id/staff': allow('social_space.read'),
  'PUT /api/v1/districts/:id/staff/:userId': allow('district.manage'),
  'DELETE /api/v1/districts/:id/staff/:userId': allow('district.manage'),
  'POST /api/v1/districts/outlines': allow('district.manage'),
  'GET /api/v1/social-space/map': allow('social_space.read'),

  // Social space (issue 7): explorations (Sozialraumerkundungen), their follow-ups, the address register.
  'GET /api/v1/explorations/overview': allow('exploration.read'),
  'GET /api/v1/explorations': allow('exploration.read'),
  'GET /api/v1/explorations/:id': allow('exploration.read'),
  'POST /api/v1/explorations': allow('exploration.write'),
  'PATCH /api/v1/explorations/:id': allow('exploration.write'),
  'GET /api/v1/exploration-follow-ups': allow('exploration.read'),
  'PATCH /api/v1/exploration-follow-ups/:id': allow('exploration.write'),
  'GET /api/v1/addresses': allow('address.read'),
  'GET /api/v1/addresses/:id': allow('address.read'),
  'POST /api/v1/addresses': allow('address.write'),
  'PATCH /api/v1/addresses/:id': allow('address.write'),

  // Social space (issue 7): the resource directory (HSDS 3 model), HSDS exchange, the open HSDS API.
  'GET /api/v1/resource-taxonomy': allow('social_space.read'),
  'GET /api/v1/resources': allow('social_space.read'),
  'GET /api/v1/resources/export': allow('social_space.read'),
  'POST /api/v1/resources/import': allow('resource.manage'),
  'GET /api/v1/resources/:id': allow('social_space.read'),
  'POST /api/v1/resources': allow('resource.write'),
  'PATCH /api/v1/resources/:id': allow('resource.write'),
  'POST /api/v1/resources/:id/verify': allow('resource.write'),
  'DELETE /api/v1/resources/:id': allow('resource.manage'),
  // The open HSDS API: public by design (Open Referral); the presenter leaves out everything confidential.
  'GET /api/v1/hsds/': { access: 'public' },
  'GET /api/v1/hsds/services': { access: 'public' },
  'GET /api/v1/hsds/services/:id': { access: 'public' },
  'GET /api/v1/hsds/organizations': { access: 'public' },
  'GET /api/v1/hsds/organizations/:id': { access: 'public' },
  'GET /api/v1/hsds/taxonomies': { access: 'public' },
  'GET /api/v1/hsds/taxonomy_terms': { access: 'public' },
  'GET /api/v1/hsds/service_at_locations': { access: 'public' },
  'GET /api/v1/hsds/service_at_locations/:id': { access: 'public' },

  // Referrals (issue 9): inbox/outbox, drafts, the criteria check, sending on a ground, transitions, rejection reasons.
  'GET /api/v1/referrals': allow('referral.read'),
  'POST /api/v1/people/:id/referrals': allow('referral.write'),
  'GET /api/v1/referrals/:id': allow('referral.read'),
  'PATCH /api/v1/referrals/:id': allow('referral.write'),
  'GET /api/v1/referrals/:id/criteria-check': allow('referral.read'),
  'POST /api/v1/referrals/:id/send': allow('referral.write'),
  'POST /api/v1/referrals/:id/transition': allow('referral.write'),
  'GET /api/v1/referral-rejection-reasons': allow('referral.read'),
  'PUT /api/v1/referral-rejection-reasons': allow('referral.manage'),

  // correspondence: sending and delivery (issue 8): the agency's letters, the delivery panel, sending on a channel, proof of delivery and returned mail, the person's consent to e-mail/messenger.
  'GET /api/v1/letters': allow('case.read'),
  'GET /api/v1/letters/:id/delivery': allow('case.read'),
  'POST /api/v1/letters/:id/send': allow('case.write'),
  'POST /api/v1/letters/:id/delivery': allow('case.write'),
  'GET /api/v1/people/:id/communication-consents': allow('consent.read'),
  'POST /api/v1/people/:id/communication-consents': allow('consent.write'),
  'POST /api/v1/people/:id/communication-consents/:consentId/withdraw': allow('consent.write'),

  // correspondence: sanction guard (issue 8): the guard's check before a reduction of benefits, recording the decision (guard evaluated again), the case's decisions.
  'POST /api/v1/cases/:id/benefit-reductions/check': allow('case.read'),
  'POST /api/v1/cases/:id/benefit-reductions': allow('case.write'),
  'GET /api/v1/cases/:id/benefit-reductions': allow('case.read'),

  // correspondence: letters (issue 8): the template catalogue, drafts from templates, the PDF (translation + German original) and its SVG preview, the person's correspondence.
  'GET /api/v1/letter-templates': allow('case.read'),
  'POST /api/v1/cases/:id/letters': allow('case.write'),
  'GET /api/v1/letters/:id': allow('case.read'),
  'PATCH /api/v1/letters/:id': allow('case.write'),
  'DELETE /api/v1/letters/:id': allow('case.write'),
  'GET /api/v1/letters/:id/pdf': allow('case.read'),
  'GET /api/v1/letters/:id/preview.svg': allow('case.read'),
  'GET /api/v1/people/:id/letters': allow('case.read'),

  // referrals: measures, criteria, outcomes (issue 9). The acceptance criteria are read with
  // measure.read so that agency administrators, who keep them, can open them (they lack referral.read).
  'GET /api/v1/measures': allow('measure.read'),
  'GET /api/v1/measures/:id': allow('measure.read'),
  'POST /api/v1/measures': allow('measure.manage'),
  'PATCH /api/v1/measures/:id': allow('measure.manage'),
  'GET /api/v1/people/:id/measure-matches': allow('profile.read'),
  'GET /api/v1/agencies/:id/referral-criteria': allow('measure.read'),
  'PUT /api/v1/agencies/:id/referral-criteria': allow('referral.manage'),
  'GET /api/v1/people/:id/employment-outcomes': allow('profile.read'),
  'POST /api/v1/people/:id/employment-outcomes': allow('profile.write'),
  'DELETE /api/v1/people/:id/employment-outcomes/:outcomeId': allow('profile.write'),
  // profiles: competence profiles (issue 9, category employment_profile) and their reference data
  // (KldB 2010, ISCED 2011, CEFR — no social data, read with profile.read).
  'GET /api/v1/people/:id/profile': allow('profile.read'),
  'PUT /api/v1/people/:id/profile': allow('profile.write'),
  'GET /api/v1/reference/occupations': allow('profile.read'),
  'GET /api/v1/reference/occupations/:code': allow('profile.read'),
  'GET /api/v1/reference/isced': allow('profile.read'),
  'GET /api/v1/reference/cefr': allow('profile.read'),

  // reports: funnel (issue 9): the cohort funnel, aggregated and suppressed, as JSON and CSV.
  'GET /api/v1/reports/funnel': allow('funnel.read'),
  'GET /api/v1/reports/funnel.csv': allow('funnel.read'),
};

export function routeKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}
