import {
  letterLanguages,
  letterTemplateKeys,
  type LetterCreateRequest,
  type LetterDetail,
  type LetterLanguage,
  type LetterList,
  type LetterListQuery,
  type LetterTemplateKey,
  type LetterTemplateList,
  type LetterUpdateRequest,
} from '../../../shared/contracts/letters';
import { letterCreateRequestSchema } from '../../../shared/contracts/letters';
import { todayIn } from '../../../shared/domain/calendar-date';
import {
  letterTemplate,
  letterTemplates,
  malformedFields,
  missingRequiredFields,
  unknownFields,
} from '../../../shared/domain/correspondence/letter-templates';
import { caseNoteCategory } from '../../../shared/domain/data-protection/field-groups';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { assertPersonCategory } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { assertCaseCategory } from '../cases/case-categories';
import { nothingToChange } from '../cases/case-records.policy';
import {
  letterRenderInput,
  letterSubject,
  renderLetterPdfBytes,
  renderLetterSvgPage,
  withAppointmentDefaults,
} from './letter-render';
import { presentLetter, presentLetterSummary, presentTemplate } from './letters.presenter';
import {
  appointmentOfCase,
  caseFacts,
  caseOfLetter,
  currentPostalAddress,
  deleteDraft,
  eventsOfLetter,
  findVisibleLetter,
  insertLetter,
  lettersOfPerson,
  personFacts,
  setLetterSubject,
  storedPdf,
  updateDraftIfVersion,
  type LetterRecord,
} from './letters.repository';

/**
 * Letters from templates (issue 8, part 1): drafts composed by a caseworker of the sending agency,
 * rendered to PDF (translation + German original) and previewed as SVG. Sending, delivery and
 * proof are in the sending module; once sent, the stored PDF is the letter.
 *
 * A letter is a case record of category `case_notes`: case.read / case.write on its case, the
 * category for the case's person, and its confidentiality (team / agency / author) — otherwise 404.
 */

const viewerOf = (a: Actor) => ({ agencyId: a.agencyId, userId: a.userId });

/** The person's language for the letter: the interpreter language, else a mother tongue, where one of the letter languages; else German. */
export function defaultLetterLanguage(person: {
  interpreterLanguage: string | null;
  motherTongues: string[];
}): LetterLanguage {
  const known = (l: string | null | undefined): l is LetterLanguage =>
    !!l && (letterLanguages as readonly string[]).includes(l);
  if (known(person.interpreterLanguage)) return person.interpreterLanguage;
  return person.motherTongues.find(known) ?? 'de';
}

/** 400 with one field error per missing, unknown or malformed field (path `fields.<key>`). */
function fieldProblems(template: LetterTemplateKey, fields: Record<string, string>): FieldError[] {
  const t = letterTemplate(template);
  return [
    ...unknownFields(t, fields).map((key) => ({
      path: `fields.${key}`,
      message: fieldMessage(`Die Vorlage kennt kein Feld „${key}“.`, `The template has no field "${key}".`),
    })),
    ...missingRequiredFields(t, fields).map((f) => ({
      path: `fields.${f.key}`,
      message: fieldMessage(`Bitte „${f.labelDe}“ angeben.`, `Please fill in "${f.labelEn}".`),
    })),
    ...malformedFields(t, fields).map((f) => ({
      path: `fields.${f.key}`,
      message:
        f.kind === 'date'
          ? fieldMessage(
              `„${f.labelDe}“: bitte ein gültiges Datum angeben.`,
              `"${f.labelEn}": please give a valid date.`,
            )
          : f.kind === 'time'
            ? fieldMessage(
                `„${f.labelDe}“: bitte eine Uhrzeit im Format HH:MM angeben.`,
                `"${f.labelEn}": please give a time as HH:MM.`,
              )
            : fieldMessage(
                `„${f.labelDe}“: bitte eine Zeile mit höchstens 300 Zeichen.`,
                `"${f.labelEn}": please one line of at most 300 characters.`,
              ),
    })),
  ];
}

function appointmentNotOfCase(): AppError {
  return new AppError('VALIDATION_FAILED', {
    fieldErrors: [
      {
        path: 'appointmentId',
        message: fieldMessage(
          'Der Termin gehört nicht zu diesem Fall.',
          'The appointment does not belong to this case.',
        ),
      },
    ],
  });
}

function notDraft(): AppError {
  return new AppError('CONFLICT', {
    fieldErrors: [
      {
        path: 'status',
        message: fieldMessage(
          'Der Brief ist bereits versandt und kann nicht mehr geändert oder gelöscht werden.',
          'The letter has been sent and can no longer be changed or deleted.',
        ),
      },
    ],
  });
}

function notSendingAgency(): AppError {
  return new AppError('FORBIDDEN', {
    fieldErrors: [
      {
        path: 'id',
        message: fieldMessage(
          'Einen Entwurf ändert oder löscht nur die Stelle, die ihn verfasst hat.',
          'Only the agency that wrote a draft changes or deletes it.',
        ),
      },
    ],
  });
}

function staleLetter(version: number): AppError {
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Der Entwurf wurde inzwischen geändert (jetzt Stand ${version}). Bitte laden Sie ihn neu und prüfen Sie Ihre Änderung.`,
          `The draft was changed in the meantime (now version ${version}). Please reload it and check your change.`,
        ),
      },
    ],
  });
}

/**
 * The letter, when the actor may see it: the case in scope (permission on the case id), the
 * category case_notes for its person and the confidentiality level. Anything else is 404.
 */
async function visibleLetter(
  db: Db,
  actor: Actor | null,
  permission: 'case.read' | 'case.write',
  letterId: string,
  now: Date,
): Promise<{ a: Actor; record: LetterRecord }> {
  const caseId = await caseOfLetter(db, letterId);
  if (!caseId) {
    await check(db, actor, permission);
    throw new AppError('NOT_FOUND');
  }
  const a = await check(db, actor, permission, [caseId]);
  await assertCaseCategory(db, a, caseId, caseNoteCategory, now);
  const record = await findVisibleLetter(db, letterId, viewerOf(a));
  if (!record) throw new AppError('NOT_FOUND');
  return { a, record };
}

async function detail(db: Db, a: Actor, record: LetterRecord): Promise<Versioned<LetterDetail>> {
  const events = await eventsOfLetter(db, record.letter.id);
  return { value: presentLetter(record, events, a), etag: etagOf(record.letter.version) };
}

async function reload(db: Db, a: Actor, letterId: string): Promise<Versioned<LetterDetail>> {
  const record = await findVisibleLetter(db, letterId, viewerOf(a));
  if (!record) throw new AppError('NOT_FOUND');
  return detail(db, a, record);
}

/** The template catalogue (fields, languages). */
export async function listLetterTemplates(db: Db, actor: Actor | null, ctx: AuditContext): Promise<LetterTemplateList> {
  await check(db, actor, 'case.read');
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, { type: 'letter_template.listed', details: { count: letterTemplateKeys.length } });
  });
  return { items: letterTemplates.map(presentTemplate) };
}

/**
 * A draft letter of the actor's agency on the case. The language defaults to the person's; the
 * appointment (of this case) fills the empty appointment fields; the address is the person's
 * current postal address. Required fields missing → 400 naming them.
 */
export async function createLetter(
  db: Db,
  actor: Actor | null,
  caseId: string,
  raw: LetterCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<LetterDetail>> {
  const a = await check(db, actor, 'case.write', [caseId]);
  await assertCaseCategory(db, a, caseId, caseNoteCategory, ctx.now);
  const input = letterCreateRequestSchema.parse(raw);
  const kase = await caseFacts(db, caseId);
  if (!kase) throw new AppError('NOT_FOUND');
  const appointment = input.appointmentId ? await appointmentOfCase(db, caseId, input.appointmentId) : undefined;
  if (input.appointmentId && !appointment) throw appointmentNotOfCase();
  const fields = withAppointmentDefaults(input.template, trimmed(input.fields), appointment ?? null);
  const problems = fieldProblems(input.template, fields);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
  const person = await personFacts(db, kase.personId);
  if (!person) throw new AppError('NOT_FOUND');
  const language = input.language ?? defaultLetterLanguage(person);
  const address = await currentPostalAddress(db, kase.personId, todayIn(ctx.now));
  const letterId = await db.transaction(async (tx) => {
    const id = await insertLetter(tx, {
      caseId,
      personId: kase.personId,
      agencyId: a.agencyId,
      template: input.template,
      language,
      subject: '',
      fields,
      appointmentId: appointment?.id ?? null,
      channel: input.channel,
      addressId: address?.addressId ?? null,
      status: 'draft',
      confidentiality: input.confidentiality,
      createdAt: ctx.now,
      createdBy: a.userId,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    const subject = letterSubject(await letterRenderInput(tx, id, ctx.now));
    await setLetterSubject(tx, id, subject);
    await recordAudit(tx, ctx, {
      type: 'letter.created',
      subjectType: 'letter',
      subjectId: id,
      details: {
        caseId,
        template: input.template,
        language,
        appointmentId: appointment?.id ?? null,
        confidentiality: input.confidentiality,
      },
    });
    return id;
  });
  return reload(db, a, letterId);
}

function trimmed(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v.trim() !== '') out[k] = v.trim();
  return out;
}

export async function getLetter(
  db: Db,
  actor: Actor | null,
  letterId: string,
  ctx: AuditContext,
): Promise<Versioned<LetterDetail>> {
  const { a, record } = await visibleLetter(db, actor, 'case.read', letterId, ctx.now);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'letter.viewed',
      subjectType: 'letter',
      subjectId: letterId,
      details: { caseId: record.letter.caseId, status: record.letter.status },
    });
  });
  return detail(db, a, record);
}

/** A draft of the actor's agency, or 403/409 explaining why not (404 when invisible). */
async function editableDraft(db: Db, actor: Actor | null, letterId: string, now: Date) {
  const found = await visibleLetter(db, actor, 'case.write', letterId, now);
  if (found.record.letter.agencyId !== found.a.agencyId) throw notSendingAgency();
  if (found.record.letter.status !== 'draft') throw notDraft();
  return found;
}

/** Changes a draft (If-Match); the subject follows the fields. */
export async function updateLetter(
  db: Db,
  actor: Actor | null,
  letterId: string,
  ifMatch: string | undefined,
  input: LetterUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<LetterDetail>> {
  const { a, record } = await editableDraft(db, actor, letterId, ctx.now);
  const expected = ifMatchVersion(ifMatch, true);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  const current = record.letter;
  const template = current.template as LetterTemplateKey;
  const appointmentId = input.appointmentId !== undefined ? input.appointmentId : current.appointmentId;
  const appointment = appointmentId ? await appointmentOfCase(db, current.caseId, appointmentId) : undefined;
  if (input.appointmentId && !appointment) throw appointmentNotOfCase();
  const baseFields = input.fields !== undefined ? trimmed(input.fields) : current.fields;
  // A newly linked appointment fills the appointment fields the caseworker left empty.
  const fields =
    input.appointmentId !== undefined || input.fields !== undefined
      ? withAppointmentDefaults(template, baseFields, appointment ?? null)
      : baseFields;
  const problems = fieldProblems(template, fields);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
  if (current.version !== expected) throw staleLetter(current.version);
  const changed: string[] = [];
  if (input.language !== undefined && input.language !== current.language) changed.push('language');
  if (JSON.stringify(fields) !== JSON.stringify(current.fields)) changed.push('fields');
  if (appointmentId !== current.appointmentId) changed.push('appointmentId');
  if (input.channel !== undefined && input.channel !== current.channel) changed.push('channel');
  if (input.confidentiality !== undefined && input.confidentiality !== current.confidentiality)
    changed.push('confidentiality');
  if (changed.length === 0) return detail(db, a, record);
  await db.transaction(async (tx) => {
    const updated = await updateDraftIfVersion(tx, letterId, expected, {
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.channel !== undefined ? { channel: input.channel } : {}),
      ...(input.confidentiality !== undefined ? { confidentiality: input.confidentiality } : {}),
      fields,
      appointmentId: appointmentId ?? null,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    });
    if (!updated) throw staleLetter(current.version + 1);
    const subject = letterSubject(await letterRenderInput(tx, letterId, ctx.now));
    if (subject !== updated.subject) await setLetterSubject(tx, letterId, subject);
    await recordAudit(tx, ctx, {
      type: 'letter.updated',
      subjectType: 'letter',
      subjectId: letterId,
      details: { caseId: current.caseId, fields: changed, version: updated.version },
    });
  });
  return reload(db, a, letterId);
}

/** Deletes a draft of the actor's agency (the UI confirms first). */
export async function deleteLetter(db: Db, actor: Actor | null, letterId: string, ctx: AuditContext): Promise<void> {
  const { record } = await editableDraft(db, actor, letterId, ctx.now);
  await db.transaction(async (tx) => {
    if (!(await deleteDraft(tx, letterId))) throw notDraft();
    await recordAudit(tx, ctx, {
      type: 'letter.deleted',
      subjectType: 'letter',
      subjectId: letterId,
      details: { caseId: record.letter.caseId, template: record.letter.template },
    });
  });
}

/** The PDF: a draft rendered fresh (dated today); a sent letter the stored PDF, never re-rendered. */
export async function letterPdf(
  db: Db,
  actor: Actor | null,
  letterId: string,
  ctx: AuditContext,
): Promise<{ pdf: Buffer; filename: string }> {
  const { record } = await visibleLetter(db, actor, 'case.read', letterId, ctx.now);
  const l = record.letter;
  return db.transaction(async (tx) => {
    const stored = l.status === 'draft' ? null : await storedPdf(tx, letterId);
    if (l.status !== 'draft' && !stored) throw new AppError('NOT_FOUND');
    const pdf = stored ?? renderLetterPdfBytes(await letterRenderInput(tx, letterId, ctx.now));
    await recordAudit(tx, ctx, {
      type: 'letter.rendered',
      subjectType: 'letter',
      subjectId: letterId,
      details: {
        caseId: l.caseId,
        template: l.template,
        language: l.language,
        format: 'pdf',
        stored: !!stored,
        page: null,
      },
    });
    const kind = l.status === 'draft' ? 'Entwurf' : 'Brief';
    return {
      pdf,
      filename: `${kind}-${record.caseReference}-${l.template}-${l.language}.pdf`.replace(/[^\w.-]/g, '_'),
    };
  });
}

/** One page of the letter as SVG (the compose page's preview), rendered from the current fields. */
export async function letterPreviewSvg(
  db: Db,
  actor: Actor | null,
  letterId: string,
  page: number,
  ctx: AuditContext,
): Promise<{ svg: string; pages: number }> {
  const { record } = await visibleLetter(db, actor, 'case.read', letterId, ctx.now);
  const l = record.letter;
  return db.transaction(async (tx) => {
    const result = renderLetterSvgPage(await letterRenderInput(tx, letterId, ctx.now), page);
    await recordAudit(tx, ctx, {
      type: 'letter.rendered',
      subjectType: 'letter',
      subjectId: letterId,
      details: { caseId: l.caseId, template: l.template, language: l.language, format: 'svg', stored: false, page },
    });
    return result;
  });
}

/** The person's letters the actor may see (case scope and confidentiality in SQL), newest first. */
export async function listPersonLetters(
  db: Db,
  actor: Actor | null,
  personId: string,
  query: LetterListQuery,
  ctx: AuditContext,
): Promise<LetterList> {
  await check(db, actor, 'case.read');
  const a = await check(db, actor, 'person.read', [personId]);
  await assertPersonCategory(db, a, personId, caseNoteCategory, ctx.now);
  const { rows, total } = await lettersOfPerson(
    db,
    a,
    personId,
    ctx.now,
    { status: query.status },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'letter.person_listed',
      subjectType: 'person',
      subjectId: personId,
      details: { resultCount: rows.length, total, status: query.status ?? null },
    });
  });
  return { items: rows.map(presentLetterSummary), page: { page: query.page, pageSize: query.pageSize, total } };
}
