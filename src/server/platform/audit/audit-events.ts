import { z } from 'zod';

/**
 * Every audit event type with the shape of its details. Adding an event means adding it here:
 * `recordAudit` accepts nothing else, so an event cannot be written with the wrong details.
 */
export const auditEventDetails = {
  'auth.login.succeeded': z.object({
    method: z.enum(['password', 'oidc']),
    sessionState: z.enum(['complete', 'totp_pending', 'totp_enrolment_required']),
  }),
  'auth.login.failed': z.object({
    username: z.string(),
    reason: z.enum(['invalid_credentials', 'locked', 'inactive', 'not_provisioned', 'oidc_error']),
  }),
  'auth.second_factor.verified': z.object({ method: z.enum(['totp', 'recovery_code']) }),
  'auth.second_factor.failed': z.object({ method: z.enum(['totp', 'recovery_code']) }),
  'auth.totp.enrolled': z.object({ recoveryCodes: z.number().int() }),
  'auth.logout': z.object({}),
  'auth.password.changed': z.object({ sessionsRevoked: z.number().int() }),
  'agency.updated': z.object({ fields: z.array(z.string()) }),
  'team.created': z.object({ agencyId: z.string(), name: z.string() }),
  'user.created': z.object({ username: z.string(), agencyId: z.string(), roles: z.array(z.string()) }),
  'user.updated': z.object({
    fields: z.array(z.string()),
    roles: z.array(z.string()).optional(),
    active: z.boolean().optional(),
    sessionsRevoked: z.number().int(),
  }),
  'user.password_reset': z.object({ sessionsRevoked: z.number().int() }),
  'user.totp_reset': z.object({ sessionsRevoked: z.number().int() }),
  // Person events never carry names, dates or search text: the audit log itself must not become
  // a second register of social data. Field names and counts are enough to reconstruct access.
  'person.created': z.object({ identifiers: z.number().int(), nameVariants: z.number().int(), duplicatesReviewed: z.boolean() }),
  /** `via`: the grounds of access (own, team, consent, transfer, break_glass); `hidden`: categories withheld. */
  'person.viewed': z.object({ via: z.array(z.string()).optional(), hidden: z.array(z.string()).optional() }),
  'person.updated': z.object({ fields: z.array(z.string()), version: z.number().int() }),
  'person.searched': z.object({ resultCount: z.number().int() }),
  'person.duplicate_check': z.object({ candidateCount: z.number().int(), context: z.enum(['check', 'create']) }),
  'person.duplicates_viewed': z.object({ candidateCount: z.number().int() }),
  'person.not_duplicate_marked': z.object({ otherPersonId: z.string() }),
  'person.not_duplicate_unmarked': z.object({ otherPersonId: z.string() }),
  'person.merged': z.object({ mergeId: z.string(), mergedId: z.string(), take: z.array(z.string()), moved: z.record(z.string(), z.number().int()) }),
  'person.merge_undone': z.object({ mergeId: z.string(), mergedId: z.string() }),
  // Residence documents reveal residence status: details name fields, never types or dates.
  'residence_document.listed': z.object({ count: z.number().int() }),
  'residence_document.created': z.object({ documentId: z.string() }),
  'residence_document.updated': z.object({ documentId: z.string(), fields: z.array(z.string()), version: z.number().int() }),
  'residence_document.deleted': z.object({ documentId: z.string() }),
  'residence_document.expiring_viewed': z.object({ withinDays: z.number().int(), resultCount: z.number().int() }),
  'household.created': z.object({ members: z.number().int() }),
  'household.viewed': z.object({}),
  'household.updated': z.object({ fields: z.array(z.string()), version: z.number().int() }),
  'household.member_added': z.object({ memberId: z.string(), personId: z.string() }),
  'household.member_ended': z.object({ memberId: z.string(), personId: z.string() }),
  // Case events carry ids, phases and counts; reasons and assessment texts stay in the case tables.
  'case.created': z.object({ personId: z.string(), householdId: z.string().nullable() }),
  'case.viewed': z.object({}),
  'case.listed': z.object({ resultCount: z.number().int() }),
  'case.updated': z.object({ fields: z.array(z.string()), version: z.number().int() }),
  'case.phase_changed': z.object({ from: z.string(), to: z.string(), version: z.number().int() }),
  'case.reopened': z.object({ from: z.string(), to: z.string(), version: z.number().int() }),
  'case.team_member_added': z.object({ memberId: z.string(), agencyId: z.string(), role: z.string() }),
  'case.team_member_ended': z.object({ memberId: z.string(), agencyId: z.string() }),
  'case.reassigned': z.object({ fromUserId: z.string(), toUserId: z.string() }),
  'case.timeline_viewed': z.object({ resultCount: z.number().int() }),
  'case.workload_viewed': z.object({ scope: z.string() }),
  'assessment.created': z.object({ versionNo: z.number().int() }),
  'assessment.viewed': z.object({ versionNo: z.number().int() }),
  'assessment.listed': z.object({ count: z.number().int() }),
  'assessment.saved': z.object({
    versionNo: z.number().int(),
    domains: z.array(z.string()),
    potentialAnalysisChanged: z.boolean(),
    revision: z.number().int(),
  }),
  'assessment.completed': z.object({ versionNo: z.number().int() }),
  'assessment.compared': z.object({ from: z.number().int(), to: z.number().int() }),
  // --- case plans (insert plan events below this line)
  // Plan events carry ids, codes, counts and field names: goals, measures and results stay in the plan tables.
  'case_plan.listed': z.object({ count: z.number().int() }),
  'case_plan.viewed': z.object({ planId: z.string(), version: z.number().int() }),
  'case_plan.created': z.object({
    planId: z.string(),
    kind: z.string(),
    goals: z.number().int(),
    steps: z.number().int(),
    reviewTask: z.string(),
  }),
  'case_plan.updated': z.object({
    planId: z.string(),
    kind: z.string(),
    status: z.string(),
    fields: z.array(z.string()),
    goalsAdded: z.number().int(),
    goalsRemoved: z.number().int(),
    stepsAdded: z.number().int(),
    stepsRemoved: z.number().int(),
    version: z.number().int(),
    reviewTask: z.string(),
  }),
  'case_plan.step_progress': z.object({
    planId: z.string(),
    stepId: z.string(),
    status: z.string(),
    resultChanged: z.boolean(),
    version: z.number().int(),
  }),
  'case_plan.pdf_exported': z.object({ planId: z.string(), version: z.number().int() }),
  // --- case tasks and conferences (insert task and conference events below this line)
  // Tasks and conferences: ids, codes, field names and counts — never titles, minutes or decision texts.
  'case_task.listed': z.object({
    scope: z.enum(['mine', 'team', 'case']),
    resultCount: z.number().int(),
    total: z.number().int(),
  }),
  'case_task.created': z.object({ taskId: z.string(), source: z.string(), assigneeAgencyId: z.string() }),
  'case_task.updated': z.object({
    taskId: z.string(),
    fields: z.array(z.string()),
    status: z.string(),
    version: z.number().int(),
  }),
  'case_conference.listed': z.object({ count: z.number().int() }),
  'case_conference.viewed': z.object({ conferenceId: z.string() }),
  'case_conference.created': z.object({
    conferenceId: z.string(),
    participants: z.number().int(),
    agendaItems: z.number().int(),
  }),
  'case_conference.updated': z.object({
    conferenceId: z.string(),
    fields: z.array(z.string()),
    participants: z.number().int(),
    decisions: z.number().int(),
    version: z.number().int(),
  }),
  'case_conference.finalised': z.object({
    conferenceId: z.string(),
    taskIds: z.array(z.string()),
    version: z.number().int(),
  }),
  'case_conference.cancelled': z.object({ conferenceId: z.string(), version: z.number().int() }),
  // --- case notes, documents, appointments (insert their events below this line)
  // Notes and documents: ids, kinds, levels and field names — never subjects, texts, titles or file names.
  'case_note.listed': z.object({ resultCount: z.number().int(), kind: z.string().nullable() }),
  'case_note.created': z.object({ noteId: z.string(), kind: z.string(), confidentiality: z.string() }),
  'case_note.updated': z.object({ noteId: z.string(), fields: z.array(z.string()), version: z.number().int() }),
  'case_document.listed': z.object({ resultCount: z.number().int() }),
  'case_document.uploaded': z.object({
    documentId: z.string(),
    docType: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    retentionClass: z.string(),
    confidentiality: z.string(),
  }),
  'case_document.downloaded': z.object({ documentId: z.string() }),
  'case_document.deleted': z.object({ documentId: z.string(), docType: z.string() }),
  'case_appointment.listed': z.object({ resultCount: z.number().int(), when: z.string() }),
  'case_appointment.created': z.object({ appointmentId: z.string(), kind: z.string() }),
  'case_appointment.updated': z.object({
    appointmentId: z.string(),
    fields: z.array(z.string()),
    status: z.string(),
    version: z.number().int(),
  }),
  'appointment.overview_viewed': z.object({ scope: z.string(), resultCount: z.number().int() }),
  // --- colleagues, demo cases (insert events below this line)
  'audit.viewed': z.object({ filters: z.record(z.string(), z.unknown()), results: z.number().int() }),
  'audit.verified': z.object({
    ok: z.boolean(),
    checked: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
  }),
  // --- legal (legal-domain evaluation of a stored person: rule ids only, never facts or results)
  'legal.evaluated': z.object({ ruleIds: z.array(z.string()) }),
  // Rechtskreiswechsel: ids, benefit-system and agency-kind codes, checklist item keys — never facts or the cancel reason.
  'legal.handover_opened': z.object({
    handoverId: z.string(),
    from: z.string(),
    to: z.string(),
    fromAgencyKind: z.string(),
    toAgencyKind: z.string(),
    items: z.array(z.string()),
    ruleSetVersion: z.string(),
  }),
  'legal.handover_updated': z.object({
    handoverId: z.string(),
    ticked: z.array(z.string()),
    unticked: z.array(z.string()),
    ownerChanged: z.boolean(),
    status: z.string(),
    reason: z.enum(['manual', 'reverted']).nullable(),
    version: z.number().int(),
  }),
  'legal.handovers_listed': z.object({ resultCount: z.number().int() }),
  'legal.handover_board_viewed': z.object({ status: z.string(), resultCount: z.number().int() }),
  // Rule versions (Regelversionen): a bulk re-evaluation's preview and run — counts and codes only.
  'legal.rule_version_previewed': z.object({
    version: z.string(),
    asOf: z.string(),
    counts: z.record(z.string(), z.number().int()),
    transitions: z.array(z.string()),
  }),
  'legal.rule_version_applied': z.object({
    version: z.string(),
    asOf: z.string(),
    counts: z.record(z.string(), z.number().int()),
    transitions: z.array(z.string()),
  }),
  // --- data protection core: category matrix, access, export (insert events below this line)
  'category_matrix.updated': z.object({ agencyKind: z.string(), categories: z.array(z.string()) }),
  'person.access_viewed': z.object({ via: z.array(z.string()), categories: z.array(z.string()) }),
  'person.exported': z.object({ via: z.array(z.string()), categories: z.array(z.string()) }),
  // --- consent (insert events below this line)
  // Consent events carry ids, category codes, counts and codes; purposes and notes stay in the consent rows.
  'consent.form_printed': z.object({
    language: z.string(),
    categories: z.array(z.string()),
    recipientCount: z.number().int(),
  }),
  'consent.recorded': z.object({
    consentId: z.string(),
    categories: z.array(z.string()),
    recipientCount: z.number().int(),
    textVersion: z.number().int(),
    language: z.string(),
    evidenceKind: z.string(),
  }),
  'consent.listed': z.object({ resultCount: z.number().int() }),
  'consent.viewed': z.object({ consentId: z.string() }),
  'consent.withdrawn': z.object({ consentId: z.string(), backdated: z.boolean() }),
  'consent.evidence_uploaded': z.object({
    consentId: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
  }),
  'consent.evidence_downloaded': z.object({ consentId: z.string() }),
  // --- transfers, break-glass, notifications (insert events below this line)
  // Transfers carry ids, category codes and the norm; the purpose stays in the transfer log.
  'transfer.recorded': z.object({ transferId: z.string(), toAgencyId: z.string(), categories: z.array(z.string()), legalBasis: z.string() }),
  'transfer.listed': z.object({ resultCount: z.number().int(), scope: z.enum(['person', 'agency', 'municipality']) }),
  // Break-glass: the reason is kept in the grant row for review, never in the audit details.
  'break_glass.searched': z.object({ resultCount: z.number().int() }),
  'break_glass.granted': z.object({ grantId: z.string(), expiresAt: z.string(), notified: z.number().int() }),
  'break_glass.ended': z.object({ grantId: z.string() }),
  'break_glass.listed': z.object({ resultCount: z.number().int(), scope: z.enum(['own', 'review']) }),
  'break_glass.reviewed': z.object({ grantId: z.string(), outcome: z.enum(['justified', 'not_justified']) }),
  // --- privacy reports, retention, legal holds (insert events below this line)
  // Art. 15 reports, retention and legal holds: ids, codes and counts — never names, reasons or texts.
  'privacy.people_searched': z.object({ resultCount: z.number().int() }),
  'privacy.access_report': z.object({ format: z.enum(['json', 'pdf']), entries: z.number().int() }),
  'retention.policy_updated': z.object({
    recordClass: z.string(),
    years: z.number().int(),
    action: z.string(),
    previousYears: z.number().int().nullable(),
    previousAction: z.string().nullable(),
  }),
  'retention.purged': z.object({ runId: z.string(), recordClass: z.string(), subjectId: z.string(), action: z.string() }),
  'retention.run': z.object({ runId: z.string(), dryRun: z.boolean(), counts: z.record(z.string(), z.number().int()) }),
  'legal_hold.listed': z.object({ status: z.string(), resultCount: z.number().int() }),
  'legal_hold.placed': z.object({ holdId: z.string() }),
  'legal_hold.released': z.object({ holdId: z.string() }),
  // --- case team basis, agency record scope (insert events below this line)
  // Why another agency joined a case team: the consent or the transfer row (which holds the norm).
  'case.team_member_basis': z.object({
    memberId: z.string(),
    agencyId: z.string(),
    kind: z.enum(['consent', 'legal_basis']),
    consentId: z.string().nullable(),
    transferId: z.string().nullable(),
    categories: z.array(z.string()),
  }),
  'agency.caseworker_scope_changed': z.object({ from: z.string(), to: z.string() }),
  // --- social space: districts, staff, map (insert events below this line)
  'district.updated': z.object({ fields: z.array(z.string()) }),
  'district.staff_assigned': z.object({ userId: z.string(), agencyId: z.string() }),
  'district.staff_removed': z.object({ userId: z.string(), agencyId: z.string() }),
  'district.outlines_imported': z.object({ districts: z.array(z.string()) }),
  // The map's layer of addresses with a delivery problem (facts of the address register, no names).
  'social_space.map_addresses_viewed': z.object({ resultCount: z.number().int() }),
  // --- social space: resource directory, HSDS import/export (insert events below this line)
  // Resource events carry ids and counts only (the entry itself is not social data).
  'resource.created': z.object({ organizationId: z.string(), newOrganization: z.boolean(), locationId: z.string().nullable() }),
  'resource.updated': z.object({ fields: z.array(z.string()), version: z.number().int() }),
  'resource.verified': z.object({ verifiedOn: z.string(), version: z.number().int() }),
  'resource.deleted': z.object({ organizationId: z.string() }),
  'resource.imported': z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  'resource.exported': z.object({ organizations: z.number().int(), services: z.number().int() }),
  // --- social space: explorations, follow-ups, address register (insert events below this line)
  // Address events carry no street or names: the subject id points at the register row.
  'address.listed': z.object({ resultCount: z.number().int(), total: z.number().int(), problem: z.boolean() }),
  'address.viewed': z.object({ checks: z.number().int() }),
  'address.registered': z.object({ existing: z.boolean(), districtId: z.string().nullable() }),
  'address.checked': z.object({
    source: z.string(),
    sourceId: z.string().nullable(),
    problem: z.boolean(),
    pointChanged: z.boolean(),
    version: z.number().int(),
  }),
  'exploration.created': z.object({
    districtId: z.string(),
    exploredOn: z.string(),
    resourcesDiscovered: z.number().int(),
    resourcesUpdated: z.number().int(),
    addressesChecked: z.number().int(),
    followUps: z.number().int(),
  }),
  'exploration.viewed': z.object({ addresses: z.number().int() }),
  'exploration.updated': z.object({ fields: z.array(z.string()), version: z.number().int() }),
  'exploration_follow_up.updated': z.object({
    followUpId: z.string(),
    status: z.string(),
    version: z.number().int(),
  }),
  // --- correspondence: letters, templates, rendering (insert events below this line)
  // Letter events carry ids, template, language and field names; never names, addresses or letter text.
  'letter_template.listed': z.object({ count: z.number().int() }),
  'letter.created': z.object({ caseId: z.string(), template: z.string(), language: z.string(), appointmentId: z.string().nullable(), confidentiality: z.string() }),
  'letter.viewed': z.object({ caseId: z.string(), status: z.string() }),
  'letter.updated': z.object({ caseId: z.string(), fields: z.array(z.string()), version: z.number().int() }),
  'letter.deleted': z.object({ caseId: z.string(), template: z.string() }),
  'letter.rendered': z.object({ caseId: z.string(), template: z.string(), language: z.string(), format: z.string(), stored: z.boolean(), page: z.number().int().nullable() }),
  'letter.person_listed': z.object({ resultCount: z.number().int(), total: z.number().int(), status: z.string().nullable() }),
  // --- correspondence: sending, delivery, channel consents, outbox (insert events below this line)
  // Sending and delivery events carry ids, channel and kinds; never addresses, names or letter text.
  'letter.sent': z.object({
    caseId: z.string(),
    channel: z.string(),
    addressId: z.string().nullable(),
    communicationConsentId: z.string().nullable(),
    mailId: z.string().nullable(),
    pdfSha256: z.string(),
    version: z.number().int(),
  }),
  'letter.delivery_recorded': z.object({
    caseId: z.string(),
    kind: z.string(),
    proofKind: z.string().nullable(),
    reason: z.string().nullable(),
    addressChecked: z.boolean(),
    status: z.string(),
    version: z.number().int(),
  }),
  'letter.viewed_delivery': z.object({ caseId: z.string(), status: z.string() }),
  'letter.agency_listed': z.object({ resultCount: z.number().int(), total: z.number().int(), filters: z.array(z.string()) }),
  'communication_consent.listed': z.object({ count: z.number().int() }),
  'communication_consent.recorded': z.object({ consentId: z.string(), channel: z.string(), evidenceKind: z.string() }),
  'communication_consent.withdrawn': z.object({ consentId: z.string(), channel: z.string(), mailCancelled: z.number().int() }),
  // The mailer (no user): an e-mail left for the SMTP server, failed for good, or was held.
  'outgoing_mail.sent': z.object({ mailId: z.string(), letterId: z.string().nullable(), attempts: z.number().int() }),
  'outgoing_mail.failed': z.object({ mailId: z.string(), letterId: z.string().nullable(), attempts: z.number().int(), final: z.boolean() }),
  'outgoing_mail.held': z.object({ mailId: z.string(), letterId: z.string().nullable(), reason: z.string() }),
  // --- correspondence: appointments, reminders, interpreter, sanction guard (insert events below this line)
  'benefit_reduction.checked': z.object({ caseId: z.string(), appointmentId: z.string(), allowed: z.boolean(), failed: z.array(z.string()) }),
  'benefit_reduction.recorded': z.object({
    reductionId: z.string(),
    appointmentId: z.string(),
    status: z.string(),
    failed: z.array(z.string()),
    secondChannel: z.string().nullable(),
    taskId: z.string().nullable(),
  }),
  'benefit_reduction.listed': z.object({ resultCount: z.number().int() }),
  'appointment_reminder.processed': z.object({
    reminderId: z.string(),
    appointmentId: z.string(),
    channel: z.string(),
    outcome: z.string(),
    mailId: z.string().nullable(),
    taskId: z.string().nullable(),
  }),
  // --- profiles: competence profiles, reference data (insert events below this line)
  // Profile events carry ids, versions and changed field names; never the profile's content.
  'profile.viewed': z.object({ exists: z.boolean(), version: z.number().int().nullable() }),
  'profile.created': z.object({ profileId: z.string(), version: z.number().int() }),
  'profile.replaced': z.object({ profileId: z.string(), fields: z.array(z.string()), version: z.number().int() }),
  // --- referrals: referrals and their transitions (insert events below this line)
  // Referral events carry ids, statuses, reason codes and counts; never names, purposes or notes.
  'referral.listed': z.object({ box: z.string(), resultCount: z.number().int(), filters: z.array(z.string()) }),
  'referral.viewed': z.object({ referralId: z.string(), status: z.string() }),
  'referral.created': z.object({ referralId: z.string(), toAgencyId: z.string(), measureId: z.string().nullable() }),
  'referral.updated': z.object({ referralId: z.string(), fields: z.array(z.string()), version: z.number().int() }),
  'referral.criteria_checked': z.object({ referralId: z.string(), outcome: z.string(), notMet: z.number().int(), unknown: z.number().int() }),
  'referral.sent': z.object({
    referralId: z.string(),
    toAgencyId: z.string(),
    groundKind: z.string(),
    groundId: z.string(),
    criteriaOutcome: z.string(),
    sentDespiteFailing: z.boolean(),
    version: z.number().int(),
  }),
  /** A send refused for want of a ground (outcome denied) or for failing criteria (outcome failure). */
  'referral.send_refused': z.object({ referralId: z.string(), reason: z.enum(['no_ground', 'criteria_not_met']) }),
  'referral.transitioned': z.object({
    referralId: z.string(),
    fromStatus: z.string(),
    toStatus: z.string(),
    reasonCode: z.string().nullable(),
    version: z.number().int(),
  }),
  'referral_rejection_reasons.updated': z.object({ codes: z.array(z.string()), deactivated: z.array(z.string()) }),
  // --- referrals: measures catalogue, acceptance criteria, employment outcomes (insert events below this line)
  // Catalogue events carry ids, kinds and field names; outcome events never carry the employer.
  'measure.created': z.object({ agencyId: z.string(), kind: z.string(), criteria: z.number().int() }),
  'measure.updated': z.object({ fields: z.array(z.string()), version: z.number().int(), active: z.boolean() }),
  'measure.matches_viewed': z.object({
    measures: z.number().int(),
    met: z.number().int(),
    unknown: z.number().int(),
    notMet: z.number().int(),
  }),
  'referral_criteria.updated': z.object({ kinds: z.array(z.string()), version: z.number().int() }),
  'employment_outcome.listed': z.object({ count: z.number().int() }),
  'employment_outcome.recorded': z.object({ outcomeId: z.string(), kind: z.string() }),
  'employment_outcome.deleted': z.object({ outcomeId: z.string(), kind: z.string() }),
  // --- reports: funnel (insert events below this line)
  // The funnel report read: its cohort and filters (codes and ids only), never a count or a person.
  'report.funnel_viewed': z.object({
    format: z.enum(['json', 'csv']),
    from: z.string(),
    to: z.string(),
    agencyId: z.string(),
    districtId: z.string().nullable(),
    nationalityGroup: z.string().nullable(),
    sex: z.string().nullable(),
    ageBand: z.string().nullable(),
  }),
} as const;

export type AuditEventType = keyof typeof auditEventDetails;
export type AuditDetails<T extends AuditEventType> = z.infer<(typeof auditEventDetails)[T]>;
export type AuditOutcome = 'success' | 'failure' | 'denied';

export type AuditEvent<T extends AuditEventType = AuditEventType> = {
  type: T;
  outcome?: AuditOutcome;
  subjectType?: string;
  subjectId?: string;
  details: AuditDetails<T>;
};
