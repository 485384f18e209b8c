import type { LetterLanguage, LetterTemplateKey } from '../../../shared/contracts/letters';
import { todayIn } from '../../../shared/domain/calendar-date';
import { letterDate, letterParts, letterTemplate } from '../../../shared/domain/correspondence/letter-templates';
import type { Db } from '../../db/client';
import type { AgencyContact } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { loadTypstTemplate, typstRenderer } from '../../platform/pdf/typst-renderer';
import {
  agencyFacts,
  appointmentOfCase,
  caseFacts,
  currentPostalAddress,
  letterRow,
  personAddress,
  personFacts,
  type AppointmentFacts,
  type PersonFacts,
  type PostalAddress,
} from './letters.repository';

/**
 * Rendering a letter: the values of its placeholders (the caseworker's fields and the automatic
 * ones — person, postal address, agency, case reference, date, interpreter), the data of
 * templates/letter.typ (translation first, then the German original) and the PDF or an SVG page.
 */

const letterTemplateFile = loadTypstTemplate(new URL('../../platform/pdf/templates/letter.typ', import.meta.url));

export type LetterRenderInput = {
  template: LetterTemplateKey;
  language: LetterLanguage;
  /** The caseworker's field values. */
  fields: Record<string, string>;
  personName: string;
  address: PostalAddress | null;
  agency: { name: string; contact: AgencyContact };
  caseReference: string;
  /** The letter's date, 'YYYY-MM-DD'. */
  date: string;
  interpreterLanguage: string | null;
};

export function personDisplayName(p: Pick<PersonFacts, 'givenNames' | 'familyName' | 'nameOrder'>): string {
  return p.nameOrder === 'family_given' ? `${p.familyName} ${p.givenNames}` : `${p.givenNames} ${p.familyName}`;
}

const berlin = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The fields an appointment fills: date 'YYYY-MM-DD' and time 'HH:MM' in Europe/Berlin, and the place. */
export function appointmentFieldValues(a: AppointmentFacts): Record<string, string> {
  const parts = Object.fromEntries(berlin.formatToParts(a.startsAt).map((p) => [p.type, p.value]));
  return {
    appointmentDate: `${parts.year}-${parts.month}-${parts.day}`,
    appointmentTime: `${parts.hour}:${parts.minute}`,
    ...(a.location ? { appointmentPlace: a.location } : {}),
  };
}

/** The caseworker's fields with the empty appointment-backed fields filled from the appointment. */
export function withAppointmentDefaults(
  template: LetterTemplateKey,
  fields: Record<string, string>,
  appointment: AppointmentFacts | null,
): Record<string, string> {
  if (!appointment) return fields;
  const fromAppointment = appointmentFieldValues(appointment);
  const out = { ...fields };
  for (const f of letterTemplate(template).fields) {
    if (f.fromAppointment && !(out[f.key] ?? '').trim() && fromAppointment[f.key]) out[f.key] = fromAppointment[f.key]!;
  }
  return out;
}

function agencyAddressLines(contact: AgencyContact): string[] {
  return (contact.address ?? '')
    .split(/\n|,\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function agencyContactText(contact: AgencyContact): string {
  return [contact.phone && `Tel. ${contact.phone}`, contact.email, contact.openingHours].filter(Boolean).join(' · ');
}

export function addressLines(name: string, address: PostalAddress | null): string[] {
  if (!address) return [name];
  return [
    name,
    ...(address.suffix ? [address.suffix] : []),
    `${address.street} ${address.houseNumber}`,
    `${address.postalCode} ${address.city}`,
  ];
}

/** Every placeholder value of the letter (the caseworker's fields win over nothing; automatic ones are set here). */
export function letterValues(input: LetterRenderInput): Record<string, string> {
  return {
    ...input.fields,
    personName: input.personName,
    agencyName: input.agency.name,
    agencyAddress: agencyAddressLines(input.agency.contact).join(', '),
    agencyContact: agencyContactText(input.agency.contact) || input.agency.name,
    caseReference: input.caseReference,
    today: input.date,
    interpreterLanguage: input.interpreterLanguage ?? '',
  };
}

/** The data of templates/letter.typ. */
export function letterDocumentData(input: LetterRenderInput) {
  const values = letterValues(input);
  const parts = letterParts(input.template, input.language, values).map((p, i, all) => ({
    language: p.language,
    direction: p.direction,
    heading: all.length > 1 ? p.partHeading : null,
    translationNote: p.translationNote,
    subject: p.subject,
    salutation: p.salutation,
    paragraphs: p.paragraphs,
    notice: p.notice,
    closing: p.closing,
    labels: p.labels,
  }));
  const german = parts[parts.length - 1]!;
  return {
    documentTitle: german.subject,
    footer: `${input.agency.name} · Aktenzeichen ${input.caseReference}`,
    date: letterDate(input.date),
    caseReference: input.caseReference,
    sender: {
      name: input.agency.name,
      addressLines: agencyAddressLines(input.agency.contact),
      contact: agencyContactText(input.agency.contact),
      returnLine: [input.agency.name, ...agencyAddressLines(input.agency.contact)].join(' · '),
    },
    recipient: { lines: addressLines(input.personName, input.address) },
    parts,
  };
}

/** The subject of the letter in German (stored on the letter; lists show it). */
export function letterSubject(input: LetterRenderInput): string {
  const parts = letterParts(input.template, 'de', letterValues(input));
  return parts[0]!.subject;
}

export function renderLetterPdfBytes(input: LetterRenderInput): Buffer {
  return typstRenderer().renderPdf(letterTemplateFile, letterDocumentData(input));
}

/**
 * One page of the letter as a standalone SVG (the compose page's preview) and the number of
 * pages. Typst renders all pages stacked; the page is cut out by the root's viewBox.
 */
export function renderLetterSvgPage(input: LetterRenderInput, page: number): { svg: string; pages: number } {
  const svg = typstRenderer().renderSvg(letterTemplateFile, letterDocumentData(input));
  const pages = [
    ...svg.matchAll(
      /<g class="typst-page" transform="translate\(0, ([\d.]+)\)"[^>]*data-page-width="([\d.]+)" data-page-height="([\d.]+)"/g,
    ),
  ].map((m) => ({ y: Number(m[1]), width: Number(m[2]), height: Number(m[3]) }));
  const target = pages[page - 1];
  if (!target) throw new AppError('NOT_FOUND');
  const root = /^<svg[^>]*>/.exec(svg)![0];
  const cropped =
    `<svg class="typst-doc" viewBox="0 ${target.y} ${target.width} ${target.height}" width="${target.width}" height="${target.height}" ` +
    'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:h5="http://www.w3.org/1999/xhtml">' +
    `<rect x="0" y="${target.y}" width="${target.width}" height="${target.height}" fill="#ffffff"/>`;
  return { svg: cropped + svg.slice(root.length), pages: pages.length };
}

/**
 * What a stored letter is rendered from, on `now`'s date (Europe/Berlin): its template, language
 * and fields, the person's name, the letter's address (or the current postal address when the
 * letter names none), the sending agency, the case reference and the appointment's interpreter.
 */
export async function letterRenderInput(db: Db, letterId: string, now: Date): Promise<LetterRenderInput> {
  const letter = await letterRow(db, letterId);
  if (!letter) throw new AppError('NOT_FOUND');
  const today = todayIn(now);
  const [kase, person, agency] = await Promise.all([
    caseFacts(db, letter.caseId),
    personFacts(db, letter.personId),
    agencyFacts(db, letter.agencyId),
  ]);
  if (!kase || !person || !agency) throw new AppError('NOT_FOUND');
  const address = letter.addressId
    ? await personAddress(db, letter.personId, letter.addressId)
    : await currentPostalAddress(db, letter.personId, today);
  const appointment = letter.appointmentId
    ? await appointmentOfCase(db, letter.caseId, letter.appointmentId)
    : undefined;
  return {
    template: letter.template as LetterTemplateKey,
    language: letter.language as LetterLanguage,
    fields: letter.fields,
    personName: personDisplayName(person),
    address: address ?? null,
    agency,
    caseReference: kase.reference,
    date: today,
    interpreterLanguage: appointment?.interpreterLanguage ?? null,
  };
}

/**
 * The PDF of a letter as it would be sent now: the translation in the letter's language, then the
 * German original (a German letter: the original alone), dated `now` (Europe/Berlin). Renders
 * fresh from the letter row — the sending step (correspondence sending, H2) calls it inside its
 * transaction and stores the bytes in `letters.pdf` with their SHA-256; after that the stored PDF
 * is the letter, never re-rendered. No access check and no audit here: the caller has done both.
 * Throws AppError NOT_FOUND when the letter does not exist.
 */
export async function letterPdfFor(tx: Db, letterId: string, now: Date): Promise<Buffer> {
  return renderLetterPdfBytes(await letterRenderInput(tx, letterId, now));
}
