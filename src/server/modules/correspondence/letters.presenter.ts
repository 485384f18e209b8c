import type { Confidentiality } from '../../../shared/contracts/case-records';
import type {
  LetterChannel,
  LetterDetail,
  LetterEventKind,
  LetterLanguage,
  LetterStatus,
  LetterSummary,
  LetterTemplate,
  LetterTemplateKey,
  ProofKind,
  ReturnReason,
} from '../../../shared/contracts/letters';
import { letterLanguages } from '../../../shared/contracts/letters';
import type { LetterTemplateDefinition } from '../../../shared/domain/correspondence/letter-templates';
import { hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import type { LetterEventRecord, LetterRecord } from './letters.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentTemplate(t: LetterTemplateDefinition): LetterTemplate {
  return {
    key: t.key,
    nameDe: t.nameDe,
    nameEn: t.nameEn,
    descriptionDe: t.descriptionDe,
    descriptionEn: t.descriptionEn,
    usesAppointment: t.usesAppointment,
    fields: t.fields.map((f) => ({
      key: f.key,
      labelDe: f.labelDe,
      labelEn: f.labelEn,
      kind: f.kind,
      required: f.required,
      fromAppointment: f.fromAppointment,
    })),
    languages: [...letterLanguages],
  };
}

/** Whitelists a letter for lists (no fields, no PDF). */
export function presentLetterSummary(r: LetterRecord): LetterSummary {
  const l = r.letter;
  return {
    id: l.id,
    caseId: l.caseId,
    caseReference: r.caseReference,
    personId: l.personId,
    agencyId: l.agencyId,
    agencyName: r.agencyName,
    template: l.template as LetterTemplateKey,
    language: l.language as LetterLanguage,
    subject: l.subject,
    channel: l.channel as LetterChannel,
    status: l.status as LetterStatus,
    confidentiality: l.confidentiality as Confidentiality,
    sentAt: iso(l.sentAt),
    deliveredAt: iso(l.deliveredAt),
    returnedAt: iso(l.returnedAt),
    createdAt: l.createdAt.toISOString(),
    createdByName: r.createdByName,
  };
}

/** Whitelists a letter with its delivery history; drafts of the actor's agency may be edited and deleted. */
export function presentLetter(r: LetterRecord, events: LetterEventRecord[], actor: Actor): LetterDetail {
  const l = r.letter;
  const own = l.status === 'draft' && l.agencyId === actor.agencyId && hasPermission(actor, 'case.write');
  return {
    ...presentLetterSummary(r),
    fields: { ...l.fields },
    appointmentId: l.appointmentId,
    addressId: l.addressId,
    communicationConsentId: l.communicationConsentId,
    proofKind: l.proofKind as ProofKind | null,
    proofNote: l.proofNote,
    returnReason: l.returnReason as ReturnReason | null,
    version: l.version,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as LetterEventKind,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      recordedByName: e.recordedByName,
      proofKind: e.proofKind as ProofKind | null,
      reason: e.reason,
      note: e.note,
    })),
    actions: { edit: own, delete: own },
  };
}
