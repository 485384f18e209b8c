import type { Appointment, AppointmentKind, MyAppointment } from '../../../shared/contracts/case-records';
import type { AppointmentStatus } from '../../../shared/domain/cases/appointment-rules';
import type { AppointmentRecord, MyAppointmentRecord } from './case-appointments.repository';

const userRef = (u: { id: string; displayName: string } | null) =>
  u ? { id: u.id, displayName: u.displayName } : null;

/** Whitelists an appointment. */
export function presentAppointment(r: AppointmentRecord): Appointment {
  const a = r.appointment;
  return {
    id: a.id,
    caseId: a.caseId,
    kind: a.kind as AppointmentKind,
    title: a.title,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt?.toISOString() ?? null,
    location: a.location,
    agency: { id: r.agency.id, name: r.agency.name },
    user: userRef(r.user),
    interpreterLanguage: a.interpreterLanguage,
    interpreterBooked: a.interpreterBooked,
    interpreterName: a.interpreterName,
    interpreterCostCentre: a.interpreterCostCentre,
    status: a.status as AppointmentStatus,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    createdBy: userRef(r.createdBy),
    updatedAt: a.updatedAt.toISOString(),
    updatedBy: userRef(r.updatedBy),
  };
}

/** An appointment of the overview with the case reference and the person's name. */
export function presentMyAppointment(r: MyAppointmentRecord): MyAppointment {
  return {
    ...presentAppointment(r),
    case: { id: r.case.id, reference: r.case.reference, title: r.case.title },
    person: { id: r.person.id, givenNames: r.person.givenNames, familyName: r.person.familyName },
  };
}
