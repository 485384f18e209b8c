import type {
  EducationItem,
  Profile,
  ProfileConstraints,
  QualificationItem,
  RecognitionItem,
  WorkExperienceItem,
} from '../../../shared/contracts/profiles';
import { germanLevelsSchema, otherLanguageSchema } from '../../../shared/contracts/profiles';
import { kldbEntry } from '../../../shared/domain/profiles/kldb-2010';
import { highestIscedLevel, hasQualification } from '../../../shared/domain/profiles/profile-summary';
import type { CefrLevel } from '../../../shared/domain/referrals/criteria';
import type { ProfileRecord } from './profiles.repository';

function occupationRef(code: string | null | undefined) {
  if (!code) return null;
  const e = kldbEntry(code);
  return e ? { code: e.code, title: e.title, anforderungsniveau: e.anforderungsniveau } : null;
}

/**
 * The profile as the API shows it (whitelisted fields). The health constraint is shown only to
 * an actor who sees the category health.
 */
export function presentProfile(record: ProfileRecord, healthVisible: boolean): Profile {
  const p = record.profile;
  const education = p.education as EducationItem[];
  const qualifications = p.qualifications as QualificationItem[];
  const constraints = p.constraints as Partial<ProfileConstraints>;
  return {
    id: p.id,
    personId: p.personId,
    agencyId: p.agencyId,
    agencyName: record.agencyName,
    profiledOn: p.profiledOn,
    education,
    qualifications: qualifications.map((q) => ({ ...q, occupation: occupationRef(q.kldbCode) })),
    recognitions: p.recognitions as RecognitionItem[],
    workExperience: (p.workExperience as WorkExperienceItem[]).map((w) => ({
      ...w,
      occupationRef: occupationRef(w.kldbCode),
    })),
    skills: p.skills,
    germanLevels: germanLevelsSchema.parse(p.germanLevels),
    germanOverall: (p.germanOverall as CefrLevel | null) ?? null,
    highestIscedLevel: highestIscedLevel(education),
    hasQualification: hasQualification(qualifications, education),
    motherTongues: p.motherTongues,
    otherLanguages: (p.otherLanguages as unknown[]).map((l) => otherLanguageSchema.parse(l)),
    drivingLicences: p.drivingLicences,
    interests: p.interests,
    wishes: p.wishes,
    ownGoals: p.ownGoals,
    constraints: {
      childcareNeeded: constraints.childcareNeeded ?? false,
      childcareNote: constraints.childcareNote ?? null,
      hoursPerWeek: constraints.hoursPerWeek ?? null,
      mobilityNote: constraints.mobilityNote ?? null,
      healthConstraint: healthVisible ? (constraints.healthConstraint ?? null) : null,
    },
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
