import type { TFunction } from 'i18next';
import type { Profile, ProfilePutInput } from '../../../shared/contracts/profiles';
import type { CefrLevel } from '../../../shared/domain/referrals/criteria';
import type { OccupationChoice } from './occupation-combobox';

/** The editor's state: everything as the inputs hold it (strings), converted on save. */
export type EducationDraft = {
  iscedLevel: string;
  title: string;
  institution: string;
  country: string;
  fromYear: string;
  toYear: string;
  completed: boolean;
  certificateAvailable: boolean;
};
export type QualificationDraft = {
  title: string;
  kind: 'vocational' | 'academic' | 'informal';
  occupation: OccupationChoice | null;
  escoUri: string;
  country: string;
  year: string;
};
export type RecognitionDraft = {
  qualificationTitle: string;
  referenceOccupation: string;
  anabinInstitution: '' | 'H+' | 'H+/-' | 'H-';
  zabStatement: boolean;
  authority: string;
  appliedOn: string;
  decidedOn: string;
  outcome: 'pending' | 'full' | 'partial' | 'none';
  note: string;
};
export type WorkDraft = {
  occupation: string;
  kldb: OccupationChoice | null;
  years: string;
  country: string;
  fromYear: string;
  toYear: string;
  description: string;
};
export type LanguageDraft = { language: string; level: '' | CefrLevel };
export type GermanSkillKey = 'reading' | 'listening' | 'writing' | 'speaking';

export type ProfileDraft = {
  profiledOn: string;
  education: EducationDraft[];
  qualifications: QualificationDraft[];
  recognitions: RecognitionDraft[];
  workExperience: WorkDraft[];
  german: Record<GermanSkillKey, '' | CefrLevel>;
  motherTongues: string[];
  otherLanguages: LanguageDraft[];
  drivingLicences: string[];
  skills: string;
  interests: string;
  wishes: string;
  ownGoals: string;
  childcareNeeded: boolean;
  childcareNote: string;
  hoursPerWeek: string;
  mobilityNote: string;
  healthConstraint: boolean;
};

const s = (v: string | null | undefined) => v ?? '';
const y = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export const emptyEducation = (): EducationDraft => ({
  iscedLevel: '3',
  title: '',
  institution: '',
  country: '',
  fromYear: '',
  toYear: '',
  completed: false,
  certificateAvailable: false,
});
export const emptyQualification = (): QualificationDraft => ({
  title: '',
  kind: 'vocational',
  occupation: null,
  escoUri: '',
  country: '',
  year: '',
});
export const emptyRecognition = (): RecognitionDraft => ({
  qualificationTitle: '',
  referenceOccupation: '',
  anabinInstitution: '',
  zabStatement: false,
  authority: '',
  appliedOn: '',
  decidedOn: '',
  outcome: 'pending',
  note: '',
});
export const emptyWork = (): WorkDraft => ({
  occupation: '',
  kldb: null,
  years: '',
  country: '',
  fromYear: '',
  toYear: '',
  description: '',
});

export function draftOf(p: Profile | null): ProfileDraft {
  return {
    profiledOn: p?.profiledOn ?? '',
    education: (p?.education ?? []).map((e) => ({
      iscedLevel: String(e.iscedLevel),
      title: e.title,
      institution: s(e.institution),
      country: s(e.country),
      fromYear: y(e.fromYear),
      toYear: y(e.toYear),
      completed: e.completed,
      certificateAvailable: e.certificateAvailable,
    })),
    qualifications: (p?.qualifications ?? []).map((q) => ({
      title: q.title,
      kind: q.kind,
      occupation: q.occupation ? { code: q.occupation.code, title: q.occupation.title } : { code: q.kldbCode, title: '' },
      escoUri: s(q.escoUri),
      country: s(q.country),
      year: y(q.year),
    })),
    recognitions: (p?.recognitions ?? []).map((r) => ({
      qualificationTitle: r.qualificationTitle,
      referenceOccupation: s(r.referenceOccupation),
      anabinInstitution: r.anabinInstitution ?? '',
      zabStatement: r.zabStatement,
      authority: s(r.authority),
      appliedOn: s(r.appliedOn),
      decidedOn: s(r.decidedOn),
      outcome: r.outcome,
      note: s(r.note),
    })),
    workExperience: (p?.workExperience ?? []).map((w) => ({
      occupation: w.occupation,
      kldb: w.occupationRef ? { code: w.occupationRef.code, title: w.occupationRef.title } : null,
      years: String(w.years),
      country: s(w.country),
      fromYear: y(w.fromYear),
      toYear: y(w.toYear),
      description: s(w.description),
    })),
    german: {
      reading: p?.germanLevels.reading ?? '',
      listening: p?.germanLevels.listening ?? '',
      writing: p?.germanLevels.writing ?? '',
      speaking: p?.germanLevels.speaking ?? '',
    },
    motherTongues: p?.motherTongues ?? [],
    otherLanguages: (p?.otherLanguages ?? []).map((l) => ({ language: l.language, level: l.level ?? '' })),
    drivingLicences: p?.drivingLicences ?? [],
    skills: (p?.skills ?? []).join('\n'),
    interests: s(p?.interests),
    wishes: s(p?.wishes),
    ownGoals: s(p?.ownGoals),
    childcareNeeded: p?.constraints.childcareNeeded ?? false,
    childcareNote: s(p?.constraints.childcareNote),
    hoursPerWeek: y(p?.constraints.hoursPerWeek),
    mobilityNote: s(p?.constraints.mobilityNote),
    healthConstraint: p?.constraints.healthConstraint ?? false,
  };
}

/** Field errors keyed by the API path without the "body." prefix ("education.0.title"). */
export type DraftErrors = Record<string, string>;

const text = (v: string) => (v.trim() === '' ? null : v.trim());

/** Checks what the browser can check and converts the draft into the request. */
export function draftToInput(
  d: ProfileDraft,
  healthVisible: boolean,
  t: TFunction,
): { input: ProfilePutInput | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const year = (v: string, path: string): number | null => {
    if (v.trim() === '') return null;
    if (!/^\d{4}$/.test(v.trim())) {
      errors[path] = t('profiles.yearInvalid');
      return null;
    }
    return Number(v.trim());
  };
  const required = (v: string, path: string) => {
    if (v.trim() === '') errors[path] = t('profiles.required');
    return v.trim();
  };
  const education = d.education.map((e, i) => ({
    iscedLevel: Number(e.iscedLevel),
    title: required(e.title, `education.${i}.title`),
    institution: text(e.institution),
    country: text(e.country),
    fromYear: year(e.fromYear, `education.${i}.fromYear`),
    toYear: year(e.toYear, `education.${i}.toYear`),
    completed: e.completed,
    certificateAvailable: e.certificateAvailable,
  }));
  const qualifications = d.qualifications.map((q, i) => {
    if (!q.occupation) errors[`qualifications.${i}.kldbCode`] = t('profiles.fields.occupationRequired');
    return {
      title: required(q.title, `qualifications.${i}.title`),
      kind: q.kind,
      kldbCode: q.occupation?.code ?? '',
      escoUri: text(q.escoUri),
      country: text(q.country),
      year: year(q.year, `qualifications.${i}.year`),
    };
  });
  const recognitions = d.recognitions.map((r, i) => ({
    qualificationTitle: required(r.qualificationTitle, `recognitions.${i}.qualificationTitle`),
    referenceOccupation: text(r.referenceOccupation),
    anabinInstitution: r.anabinInstitution === '' ? null : r.anabinInstitution,
    zabStatement: r.zabStatement,
    authority: text(r.authority),
    appliedOn: r.appliedOn || null,
    decidedOn: r.decidedOn || null,
    outcome: r.outcome,
    note: text(r.note),
  }));
  const workExperience = d.workExperience.map((w, i) => {
    const raw = w.years.trim().replace(',', '.');
    let years = 0;
    if (raw === '' || !/^\d{1,2}(\.\d)?$/.test(raw)) errors[`workExperience.${i}.years`] = t('profiles.numberInvalid');
    else years = Math.round(Number(raw) * 2) / 2;
    return {
      occupation: required(w.occupation, `workExperience.${i}.occupation`),
      kldbCode: w.kldb?.code ?? null,
      years,
      country: text(w.country),
      fromYear: year(w.fromYear, `workExperience.${i}.fromYear`),
      toYear: year(w.toYear, `workExperience.${i}.toYear`),
      description: text(w.description),
    };
  });
  let hoursPerWeek: number | null = null;
  if (d.hoursPerWeek.trim() !== '') {
    if (!/^\d{1,2}$/.test(d.hoursPerWeek.trim())) errors['constraints.hoursPerWeek'] = t('profiles.numberInvalid');
    else hoursPerWeek = Number(d.hoursPerWeek.trim());
  }
  const input: ProfilePutInput = {
    ...(d.profiledOn ? { profiledOn: d.profiledOn } : {}),
    education,
    qualifications,
    recognitions,
    workExperience,
    skills: d.skills
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    germanLevels: {
      reading: d.german.reading || null,
      listening: d.german.listening || null,
      writing: d.german.writing || null,
      speaking: d.german.speaking || null,
    },
    motherTongues: d.motherTongues,
    otherLanguages: d.otherLanguages
      .filter((l) => l.language !== '')
      .map((l) => ({ language: l.language, level: l.level || null })),
    drivingLicences: d.drivingLicences as ProfilePutInput['drivingLicences'],
    interests: text(d.interests),
    wishes: text(d.wishes),
    ownGoals: text(d.ownGoals),
    constraints: {
      childcareNeeded: d.childcareNeeded,
      childcareNote: text(d.childcareNote),
      hoursPerWeek,
      mobilityNote: text(d.mobilityNote),
      healthConstraint: healthVisible ? d.healthConstraint : null,
    },
  };
  return { input: Object.keys(errors).length ? null : input, errors };
}

/** The input id of a field path ("education.0.title" → "profile-education-0-title"). */
export const profileFieldId = (path: string) => `profile-${path.replace(/\./g, '-')}`;
