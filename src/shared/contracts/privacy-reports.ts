import { z } from 'zod';
import { auditOutcomeSchema } from './audit';
import { pageInfoSchema, paginationQuerySchema } from './common';

type Text = { de: string; en: string };
const textSchema = z.object({ de: z.string(), en: z.string() });

// ---------------------------------------------------------------------------------------------
// Finding the person a request is about (the data protection officer searches all people).

export const privacyPeopleQuerySchema = paginationQuerySchema.extend({
  /** Name parts and/or a date of birth (TT.MM.JJJJ or JJJJ-MM-TT, or a year). */
  q: z.string().trim().min(2).max(200),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type PrivacyPeopleQuery = z.infer<typeof privacyPeopleQuerySchema>;

export const privacyPersonSchema = z.object({
  id: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  /** As recorded ('1990-05-01', '00.00.1990' …), or null. */
  dateOfBirth: z.string().nullable(),
  registeredBy: z.object({ id: z.uuid(), name: z.string() }),
});
export type PrivacyPerson = z.infer<typeof privacyPersonSchema>;

export const privacyPeopleListSchema = z.object({ items: z.array(privacyPersonSchema), page: pageInfoSchema });

// ---------------------------------------------------------------------------------------------
// The report: who saw or changed the person's data (Art. 15 (1) (c) GDPR, § 83 SGB X).

export const accessReportQuerySchema = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to must not be before from' });
export type AccessReportQuery = z.infer<typeof accessReportQuerySchema>;

export const accessReportEntrySchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  type: z.string(),
  label: textSchema,
  outcome: auditOutcomeSchema,
  /** The record the event is about: the person (or a record merged into them), a case, a household. */
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  actor: z
    .object({
      userId: z.string().nullable(),
      displayName: z.string(),
      agencyId: z.string().nullable(),
      agencyName: z.string().nullable(),
    })
    .nullable(),
  /** The grounds of access recorded with a read (`details.via`), e.g. case_team, consent. */
  grounds: z.array(z.string()),
});
export type AccessReportEntry = z.infer<typeof accessReportEntrySchema>;

export const accessReportSchema = z.object({
  person: z.object({
    id: z.uuid(),
    givenNames: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string().nullable(),
    /** Records merged into this person whose events are part of the report. */
    mergedIds: z.array(z.uuid()),
  }),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  generatedAt: z.string(),
  entries: z.array(accessReportEntrySchema),
  byAgency: z.array(z.object({ agencyId: z.string().nullable(), agencyName: z.string(), count: z.number().int() })),
});
export type AccessReport = z.infer<typeof accessReportSchema>;

/** Labels of access grounds as recorded in `details.via`. */
export const accessGroundLabels: Record<string, Text> = {
  registered: { de: 'eigene Registrierung', en: 'own registration' },
  own: { de: 'eigene Registrierung', en: 'own registration' },
  case_team: { de: 'Fallteam', en: 'case team' },
  team: { de: 'Fallteam', en: 'case team' },
  consent: { de: 'Einwilligung', en: 'consent' },
  transfer: { de: 'Übermittlung', en: 'transfer' },
  break_glass: { de: 'Notfallzugriff', en: 'emergency access' },
};

export function accessGroundLabel(code: string): Text {
  return accessGroundLabels[code] ?? { de: code, en: code };
}

/**
 * What each audit event means for the person, in plain words. Event types not listed fall back
 * to "Sonstiger Vorgang" with the technical type, so a new event never disappears from a report.
 */
export const auditEventLabels: Record<string, Text> = {
  'person.created': { de: 'Person angelegt', en: 'Person registered' },
  'person.viewed': { de: 'Personendaten angesehen', en: 'Personal data viewed' },
  'person.updated': { de: 'Personendaten geändert', en: 'Personal data changed' },
  'person.merged': { de: 'Personendatensätze zusammengeführt', en: 'Person records merged' },
  'person.merge_undone': { de: 'Zusammenführung rückgängig gemacht', en: 'Merge undone' },
  'person.not_duplicate_marked': { de: 'Als andere Person markiert', en: 'Marked as not the same person' },
  'person.not_duplicate_unmarked': { de: 'Markierung „andere Person“ aufgehoben', en: 'Not-duplicate mark removed' },
  'person.duplicates_viewed': { de: 'Mögliche Dubletten angesehen', en: 'Possible duplicates viewed' },
  'person.access_viewed': { de: 'Zugriffsgrundlage angesehen', en: 'Access basis viewed' },
  'person.exported': { de: 'Personendaten exportiert', en: 'Personal data exported' },
  'legal.evaluated': { de: 'Rechtskreis geprüft', en: 'Legal domain evaluated' },
  'residence_document.listed': { de: 'Aufenthaltsdokumente angesehen', en: 'Residence documents viewed' },
  'residence_document.created': { de: 'Aufenthaltsdokument erfasst', en: 'Residence document recorded' },
  'residence_document.updated': { de: 'Aufenthaltsdokument geändert', en: 'Residence document changed' },
  'residence_document.deleted': { de: 'Aufenthaltsdokument gelöscht', en: 'Residence document deleted' },
  'household.created': { de: 'Haushalt angelegt', en: 'Household created' },
  'household.viewed': { de: 'Haushalt angesehen', en: 'Household viewed' },
  'household.updated': { de: 'Haushalt geändert', en: 'Household changed' },
  'household.member_added': { de: 'Haushaltsmitglied aufgenommen', en: 'Household member added' },
  'household.member_ended': { de: 'Haushaltsmitgliedschaft beendet', en: 'Household membership ended' },
  'case.created': { de: 'Fall angelegt', en: 'Case opened' },
  'case.viewed': { de: 'Fall angesehen', en: 'Case viewed' },
  'case.updated': { de: 'Fall geändert', en: 'Case changed' },
  'case.phase_changed': { de: 'Fallphase geändert', en: 'Case phase changed' },
  'case.reopened': { de: 'Fall wieder eröffnet', en: 'Case reopened' },
  'case.team_member_added': { de: 'Stelle ins Fallteam aufgenommen', en: 'Agency added to the case team' },
  'case.team_member_ended': { de: 'Stelle aus dem Fallteam ausgeschieden', en: 'Agency left the case team' },
  'case.reassigned': { de: 'Fall neu zugewiesen', en: 'Case reassigned' },
  'case.timeline_viewed': { de: 'Fallverlauf angesehen', en: 'Case timeline viewed' },
  'assessment.created': { de: 'Einschätzung begonnen', en: 'Assessment started' },
  'assessment.viewed': { de: 'Einschätzung angesehen', en: 'Assessment viewed' },
  'assessment.listed': { de: 'Einschätzungen angesehen', en: 'Assessments listed' },
  'assessment.saved': { de: 'Einschätzung gespeichert', en: 'Assessment saved' },
  'assessment.completed': { de: 'Einschätzung abgeschlossen', en: 'Assessment completed' },
  'assessment.compared': { de: 'Einschätzungen verglichen', en: 'Assessments compared' },
  'case_plan.listed': { de: 'Pläne angesehen', en: 'Plans listed' },
  'case_plan.viewed': { de: 'Plan angesehen', en: 'Plan viewed' },
  'case_plan.created': { de: 'Plan erstellt', en: 'Plan created' },
  'case_plan.updated': { de: 'Plan geändert', en: 'Plan changed' },
  'case_plan.step_progress': { de: 'Planschritt fortgeschrieben', en: 'Plan step updated' },
  'case_plan.pdf_exported': { de: 'Plan als PDF ausgegeben', en: 'Plan printed as PDF' },
  'case_task.listed': { de: 'Aufgaben angesehen', en: 'Tasks viewed' },
  'case_task.created': { de: 'Aufgabe angelegt', en: 'Task created' },
  'case_task.updated': { de: 'Aufgabe geändert', en: 'Task changed' },
  'case_conference.listed': { de: 'Fallkonferenzen angesehen', en: 'Case conferences listed' },
  'case_conference.viewed': { de: 'Fallkonferenz angesehen', en: 'Case conference viewed' },
  'case_conference.created': { de: 'Fallkonferenz geplant', en: 'Case conference planned' },
  'case_conference.updated': { de: 'Fallkonferenz geändert', en: 'Case conference changed' },
  'case_conference.finalised': { de: 'Protokoll der Fallkonferenz abgeschlossen', en: 'Conference minutes finalised' },
  'case_conference.cancelled': { de: 'Fallkonferenz abgesagt', en: 'Case conference cancelled' },
  'case_note.listed': { de: 'Vermerke angesehen', en: 'Notes viewed' },
  'case_note.created': { de: 'Vermerk geschrieben', en: 'Note written' },
  'case_note.updated': { de: 'Vermerk geändert', en: 'Note changed' },
  'case_document.listed': { de: 'Dokumentenliste angesehen', en: 'Documents listed' },
  'case_document.uploaded': { de: 'Dokument hochgeladen', en: 'Document uploaded' },
  'case_document.downloaded': { de: 'Dokument abgerufen', en: 'Document downloaded' },
  'case_document.deleted': { de: 'Dokument gelöscht', en: 'Document deleted' },
  'case_appointment.listed': { de: 'Termine angesehen', en: 'Appointments viewed' },
  'case_appointment.created': { de: 'Termin angelegt', en: 'Appointment created' },
  'case_appointment.updated': { de: 'Termin geändert', en: 'Appointment changed' },
  'consent.form_printed': { de: 'Einwilligungsformular gedruckt', en: 'Consent form printed' },
  'consent.recorded': { de: 'Einwilligung erfasst', en: 'Consent recorded' },
  'consent.listed': { de: 'Einwilligungen angesehen', en: 'Consents viewed' },
  'consent.viewed': { de: 'Einwilligung angesehen', en: 'Consent viewed' },
  'consent.withdrawn': { de: 'Einwilligung widerrufen', en: 'Consent withdrawn' },
  'consent.evidence_uploaded': { de: 'Nachweis der Einwilligung hochgeladen', en: 'Consent evidence uploaded' },
  'consent.evidence_downloaded': { de: 'Nachweis der Einwilligung abgerufen', en: 'Consent evidence downloaded' },
  'transfer.recorded': { de: 'Übermittlung protokolliert', en: 'Transfer recorded' },
  'transfer.listed': { de: 'Übermittlungen angesehen', en: 'Transfers viewed' },
  'break_glass.granted': { de: 'Notfallzugriff geöffnet', en: 'Emergency access opened' },
  'break_glass.ended': { de: 'Notfallzugriff beendet', en: 'Emergency access ended' },
  'break_glass.reviewed': { de: 'Notfallzugriff geprüft', en: 'Emergency access reviewed' },
  'privacy.access_report': { de: 'Auskunft nach Art. 15 DSGVO erstellt', en: 'Art. 15 GDPR report produced' },
  'retention.purged': {
    de: 'Nach Ablauf der Aufbewahrungsfrist gelöscht/anonymisiert',
    en: 'Deleted/anonymised after the retention period',
  },
  'legal_hold.placed': { de: 'Sperrvermerk gesetzt (keine Löschung)', en: 'Legal hold placed' },
  'legal_hold.released': { de: 'Sperrvermerk aufgehoben', en: 'Legal hold released' },
  'legal_hold.listed': { de: 'Sperrvermerke angesehen', en: 'Legal holds listed' },
  'privacy.people_searched': { de: 'Personensuche für eine Auskunft', en: 'Person search for a report' },
  'retention.run': { de: 'Löschlauf', en: 'Purge run' },
  'retention.policy_updated': { de: 'Aufbewahrungsfrist geändert', en: 'Retention period changed' },
  'person.searched': { de: 'Personensuche', en: 'Person search' },
  'person.duplicate_check': { de: 'Dublettenprüfung', en: 'Duplicate check' },
  'residence_document.expiring_viewed': { de: 'Ablaufende Dokumente angesehen', en: 'Expiring documents viewed' },
  'case.listed': { de: 'Fallliste angesehen', en: 'Case list viewed' },
  'case.workload_viewed': { de: 'Arbeitslast angesehen', en: 'Workload viewed' },
  'appointment.overview_viewed': { de: 'Terminübersicht angesehen', en: 'Appointment overview viewed' },
  'category_matrix.updated': { de: 'Kategorienmatrix geändert', en: 'Category matrix changed' },
  'auth.login.succeeded': { de: 'Anmeldung', en: 'Sign-in' },
  'auth.login.failed': { de: 'Fehlgeschlagene Anmeldung', en: 'Failed sign-in' },
  'auth.second_factor.verified': { de: 'Zweiter Faktor bestätigt', en: 'Second factor verified' },
  'auth.second_factor.failed': { de: 'Zweiter Faktor falsch', en: 'Second factor failed' },
  'auth.totp.enrolled': { de: 'Zweiter Faktor eingerichtet', en: 'Second factor enrolled' },
  'auth.logout': { de: 'Abmeldung', en: 'Sign-out' },
  'auth.password.changed': { de: 'Passwort geändert', en: 'Password changed' },
  'agency.updated': { de: 'Behörde geändert', en: 'Agency changed' },
  'team.created': { de: 'Team angelegt', en: 'Team created' },
  'user.created': { de: 'Benutzer angelegt', en: 'User created' },
  'user.updated': { de: 'Benutzer geändert', en: 'User changed' },
  'user.password_reset': { de: 'Passwort zurückgesetzt', en: 'Password reset' },
  'user.totp_reset': { de: 'Zweiter Faktor zurückgesetzt', en: 'Second factor reset' },
  'audit.viewed': { de: 'Protokoll angesehen', en: 'Audit log viewed' },
  'audit.verified': { de: 'Protokollkette geprüft', en: 'Audit chain verified' },
};

export function auditEventLabel(type: string): Text {
  return auditEventLabels[type] ?? { de: `Sonstiger Vorgang (${type})`, en: `Other event (${type})` };
}
