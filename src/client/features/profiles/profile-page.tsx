import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  anabinInstitutionStatuses,
  drivingLicenceClasses,
  qualificationKinds,
  recognitionOutcomes,
  type Profile,
  type ProfileResponse,
} from '../../../shared/contracts/profiles';
import { cefrLevels, lowestCefr } from '../../../shared/domain/referrals/criteria';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { ApiError } from '../../lib/api';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatCalendarDay } from '../../lib/format';
import { paths } from '../../lib/paths';
import { OccupationComboBox } from './occupation-combobox';
import {
  draftOf,
  draftToInput,
  emptyEducation,
  emptyQualification,
  emptyRecognition,
  emptyWork,
  profileFieldId as fid,
  type DraftErrors,
  type GermanSkillKey,
  type ProfileDraft,
} from './profile-draft';
import { displayName, languageChoices, profilePersonQuery, profileQuery, saveProfile } from './profiles-api';
import './profiles.css';

const germanSkillKeys: GermanSkillKey[] = ['reading', 'listening', 'writing', 'speaking'];

/** The competence profile of a person: read it, create or replace it (If-Match). */
export function ProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useQuery(profilePersonQuery(id));
  const profile = useQuery({ ...profileQuery(id), retry: false });
  const name = person.data ? displayName(person.data) : '';
  // Kept here: saving changes the version, which remounts the editor.
  const [notice, setNotice] = useState<Notice | null>(null);

  let body: ReactNode;
  if (profile.isPending) body = <Loading />;
  else if (profile.isError) {
    body = isApiError(profile.error, 403) ? (
      <Alert tone="info" title={t('profiles.title')}>
        <p className="kern-body">{t('profiles.withheld')}</p>
      </Alert>
    ) : (
      <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
    );
  } else
    body = (
      <ProfileView
        key={profile.data.profile?.version ?? 0}
        personId={id}
        data={profile.data}
        onReload={() => void profile.refetch()}
        onSaved={() => setNotice({ text: t('profiles.saved'), key: Date.now() })}
      />
    );

  return (
    <>
      <PageHeading title={t('profiles.title')} preline={name} documentTitle={t('profiles.documentTitle', { name })}>
        <p className="kern-body">
          <Link className="kern-link" to={paths.person(id)}>
            {t('profiles.backToPerson', { name: name || t('profiles.title') })}
          </Link>
        </p>
      </PageHeading>
      <p className="kern-body">{t('profiles.intro')}</p>
      <SuccessNotice notice={notice} />
      {body}
    </>
  );
}

type ViewProps = { personId: string; data: ProfileResponse; onReload: () => void; onSaved: () => void };

function ProfileView({ personId, data, onReload, onSaved }: ViewProps) {
  const { t } = useTranslation();
  const p = data.profile;
  return (
    <div className="lotse-stack">
      {p ? (
        <p className="kern-body">
          {t('profiles.keptBy', { agency: p.agencyName, date: formatCalendarDay(p.profiledOn), version: p.version })}
        </p>
      ) : (
        <Alert tone="info" title={t('profiles.none')}>
          {data.canEdit ? <p className="kern-body">{t('profiles.noneEditHint')}</p> : null}
        </Alert>
      )}
      {data.canEdit ? (
        <ProfileEditor personId={personId} profile={p} healthVisible={data.healthVisible} onReload={onReload} onSaved={onSaved} />
      ) : (
        <p className="kern-body">{t('profiles.readOnly')}</p>
      )}
    </div>
  );
}

type EditorProps = {
  personId: string;
  profile: Profile | null;
  healthVisible: boolean;
  onReload: () => void;
  onSaved: () => void;
};

function ProfileEditor({ personId, profile, healthVisible, onReload, onSaved }: EditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [initial] = useState(() => draftOf(profile));
  const [d, setD] = useState<ProfileDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const dirty = JSON.stringify(d) !== JSON.stringify(initial);

  useEffect(() => {
    if (!dirty) return;
    const warn = (ev: BeforeUnloadEvent) => ev.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setD((old) => ({ ...old, [key]: value }));
  const setItem = <K extends 'education' | 'qualifications' | 'recognitions' | 'workExperience' | 'otherLanguages'>(
    key: K,
    index: number,
    patch: Partial<ProfileDraft[K][number]>,
  ) =>
    setD((old) => ({
      ...old,
      [key]: (old[key] as ProfileDraft[K][number][]).map((item, i) => (i === index ? { ...item, ...patch } : item)),
    }));
  const removeItem = (key: 'education' | 'qualifications' | 'recognitions' | 'workExperience' | 'otherLanguages', index: number) =>
    setD((old) => ({ ...old, [key]: (old[key] as unknown[]).filter((_, i) => i !== index) }));
  const err = (path: string) => errors[path];

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setAttempt((n) => n + 1);
    setGeneral(null);
    const { input, errors: local } = draftToInput(d, healthVisible, t);
    setErrors(local);
    if (!input) return;
    setPending(true);
    try {
      const saved = await saveProfile(personId, profile?.version ?? null, input);
      onSaved();
      queryClient.setQueryData(profileQuery(personId).queryKey, saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setStale(true);
      else if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const server: DraftErrors = {};
        for (const fe of error.fieldErrors) server[fe.path.replace(/^body\./, '')] = fe.message;
        setErrors(server);
      } else setGeneral(errorMessage(error, t));
    } finally {
      setPending(false);
    }
  }

  const summary: SummaryItem[] = [
    ...(general ? [{ message: general }] : []),
    ...Object.entries(errors).map(([path, message]) => ({ fieldId: fid(path), message })),
  ];
  const cefrOptions = [
    { value: '', label: t('profiles.notAssessed') },
    ...cefrLevels.map((l) => ({ value: l, label: l })),
  ];
  const overall = lowestCefr(germanSkillKeys.map((k) => d.german[k] || null));
  const languages = languageChoices();

  return (
    <form id="profile-form" className="lotse-stack" noValidate onSubmit={(ev) => void submit(ev)}>
      {stale ? (
        <Alert tone="warning" role="alert" title={t('profiles.title')}>
          <p className="kern-body">{t('profiles.stale')}</p>
          <Button variant="secondary" onClick={onReload}>
            {t('profiles.reload')}
          </Button>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} focusKey={attempt} />

      <SectionCard id="profile-general" title={t('profiles.sections.general')}>
        <TextField
          id={fid('profiledOn')}
          type="date"
          label={t('profiles.fields.profiledOn')}
          hint={t('profiles.fields.profiledOnHint')}
          value={d.profiledOn}
          error={err('profiledOn')}
          optional
          onChange={(e) => set('profiledOn', e.target.value)}
        />
      </SectionCard>

      <SectionCard id="profile-languages" title={t('profiles.sections.languages')}>
        <Fieldset legend={t('profiles.fields.german')} hint={t('profiles.fields.germanOverall', { level: overall ?? t('profiles.notAssessed') })} horizontal>
          {germanSkillKeys.map((k) => (
            <SelectField
              key={k}
              id={fid(`germanLevels.${k}`)}
              label={t(`profiles.skillsGerman.${k}`)}
              value={d.german[k]}
              error={err(`germanLevels.${k}`)}
              options={cefrOptions}
              onChange={(e) => set('german', { ...d.german, [k]: e.target.value as ProfileDraft['german'][GermanSkillKey] })}
            />
          ))}
        </Fieldset>
        <Fieldset legend={t('profiles.fields.motherTongues')} id={fid('motherTongues')} horizontal>
          {languages.map((l) => (
            <Checkbox
              key={l.value}
              label={l.label}
              checked={d.motherTongues.includes(l.value)}
              onChange={(e) =>
                set('motherTongues', e.target.checked ? [...d.motherTongues, l.value] : d.motherTongues.filter((c) => c !== l.value))
              }
            />
          ))}
        </Fieldset>
        {d.otherLanguages.map((l, i) => (
          <div className="lotse-filter__fields" key={i}>
            <SelectField
              id={fid(`otherLanguages.${i}.language`)}
              label={`${t('profiles.item.language')} ${i + 1}`}
              value={l.language}
              error={err(`otherLanguages.${i}.language`)}
              options={[{ value: '', label: t('profiles.noneOption') }, ...languages]}
              onChange={(e) => setItem('otherLanguages', i, { language: e.target.value })}
            />
            <SelectField
              id={fid(`otherLanguages.${i}.level`)}
              label={t('profiles.fields.level')}
              value={l.level}
              options={cefrOptions}
              onChange={(e) => setItem('otherLanguages', i, { level: e.target.value as '' })}
            />
            <RemoveButton label={t('profiles.removeItem', { what: t('profiles.item.language'), n: i + 1 })} onPress={() => removeItem('otherLanguages', i)} />
          </div>
        ))}
        <AddButton label={t('profiles.add.language')} onPress={() => set('otherLanguages', [...d.otherLanguages, { language: '', level: '' }])} />
      </SectionCard>

      <SectionCard id="profile-education" title={t('profiles.sections.education')}>
        {d.education.length === 0 ? <p className="kern-body">{t('profiles.empty.education')}</p> : null}
        {d.education.map((e, i) => (
          <Item key={i} title={`${t('profiles.item.education')} ${i + 1}`}>
            <SelectField
              id={fid(`education.${i}.iscedLevel`)}
              label={t('profiles.fields.iscedLevel')}
              value={e.iscedLevel}
              error={err(`education.${i}.iscedLevel`)}
              options={['0', '1', '2', '3', '4', '5', '6', '7', '8'].map((v) => ({ value: v, label: t(`profiles.isced.${v}` as 'profiles.isced.0') }))}
              onChange={(ev) => setItem('education', i, { iscedLevel: ev.target.value })}
            />
            <TextField
              id={fid(`education.${i}.title`)}
              label={t('profiles.fields.eduTitle')}
              hint={t('profiles.fields.eduTitleHint')}
              value={e.title}
              error={err(`education.${i}.title`)}
              required
              onChange={(ev) => setItem('education', i, { title: ev.target.value })}
            />
            <div className="lotse-filter__fields">
              <TextField id={fid(`education.${i}.institution`)} label={t('profiles.fields.institution')} value={e.institution} optional onChange={(ev) => setItem('education', i, { institution: ev.target.value })} />
              <TextField id={fid(`education.${i}.country`)} label={t('profiles.fields.country')} value={e.country} optional onChange={(ev) => setItem('education', i, { country: ev.target.value })} />
              <TextField id={fid(`education.${i}.fromYear`)} label={t('profiles.fields.fromYear')} inputMode="numeric" width={4} value={e.fromYear} error={err(`education.${i}.fromYear`)} optional onChange={(ev) => setItem('education', i, { fromYear: ev.target.value })} />
              <TextField id={fid(`education.${i}.toYear`)} label={t('profiles.fields.toYear')} inputMode="numeric" width={4} value={e.toYear} error={err(`education.${i}.toYear`)} optional onChange={(ev) => setItem('education', i, { toYear: ev.target.value })} />
            </div>
            <Checkbox label={t('profiles.fields.completed')} checked={e.completed} onChange={(ev) => setItem('education', i, { completed: ev.target.checked })} />
            <Checkbox label={t('profiles.fields.certificateAvailable')} checked={e.certificateAvailable} onChange={(ev) => setItem('education', i, { certificateAvailable: ev.target.checked })} />
            <RemoveButton label={t('profiles.removeItem', { what: t('profiles.item.education'), n: i + 1 })} onPress={() => removeItem('education', i)} />
          </Item>
        ))}
        <AddButton label={t('profiles.add.education')} onPress={() => set('education', [...d.education, emptyEducation()])} />
      </SectionCard>

      <SectionCard id="profile-qualifications" title={t('profiles.sections.qualifications')}>
        {d.qualifications.length === 0 ? <p className="kern-body">{t('profiles.empty.qualifications')}</p> : null}
        {d.qualifications.map((q, i) => (
          <Item key={i} title={`${t('profiles.item.qualification')} ${i + 1}`}>
            <TextField id={fid(`qualifications.${i}.title`)} label={t('profiles.fields.qualTitle')} value={q.title} error={err(`qualifications.${i}.title`)} required onChange={(ev) => setItem('qualifications', i, { title: ev.target.value })} />
            <SelectField
              id={fid(`qualifications.${i}.kind`)}
              label={t('profiles.fields.qualKind')}
              value={q.kind}
              options={qualificationKinds.map((k) => ({ value: k, label: t(`profiles.qualKinds.${k}`) }))}
              onChange={(ev) => setItem('qualifications', i, { kind: ev.target.value as typeof q.kind })}
            />
            <OccupationComboBox
              id={fid(`qualifications.${i}.kldbCode`)}
              label={t('profiles.fields.occupation')}
              value={q.occupation}
              error={err(`qualifications.${i}.kldbCode`)}
              onChange={(occupation) => setItem('qualifications', i, { occupation })}
            />
            <div className="lotse-filter__fields">
              <TextField id={fid(`qualifications.${i}.country`)} label={t('profiles.fields.country')} value={q.country} optional onChange={(ev) => setItem('qualifications', i, { country: ev.target.value })} />
              <TextField id={fid(`qualifications.${i}.year`)} label={t('profiles.fields.year')} inputMode="numeric" width={4} value={q.year} error={err(`qualifications.${i}.year`)} optional onChange={(ev) => setItem('qualifications', i, { year: ev.target.value })} />
            </div>
            <TextField id={fid(`qualifications.${i}.escoUri`)} type="url" label={t('profiles.fields.escoUri')} value={q.escoUri} error={err(`qualifications.${i}.escoUri`)} optional onChange={(ev) => setItem('qualifications', i, { escoUri: ev.target.value })} />
            <RemoveButton label={t('profiles.removeItem', { what: t('profiles.item.qualification'), n: i + 1 })} onPress={() => removeItem('qualifications', i)} />
          </Item>
        ))}
        <AddButton label={t('profiles.add.qualification')} onPress={() => set('qualifications', [...d.qualifications, emptyQualification()])} />
      </SectionCard>

      <SectionCard id="profile-recognitions" title={t('profiles.sections.recognitions')}>
        {d.recognitions.length === 0 ? <p className="kern-body">{t('profiles.empty.recognitions')}</p> : null}
        {d.recognitions.map((r, i) => (
          <Item key={i} title={`${t('profiles.item.recognition')} ${i + 1}`}>
            <TextField id={fid(`recognitions.${i}.qualificationTitle`)} label={t('profiles.fields.recQualification')} value={r.qualificationTitle} error={err(`recognitions.${i}.qualificationTitle`)} required onChange={(ev) => setItem('recognitions', i, { qualificationTitle: ev.target.value })} />
            <TextField id={fid(`recognitions.${i}.referenceOccupation`)} label={t('profiles.fields.referenceOccupation')} value={r.referenceOccupation} optional onChange={(ev) => setItem('recognitions', i, { referenceOccupation: ev.target.value })} />
            <div className="lotse-filter__fields">
              <SelectField
                id={fid(`recognitions.${i}.anabinInstitution`)}
                label={t('profiles.fields.anabin')}
                value={r.anabinInstitution}
                optional
                options={[{ value: '', label: t('profiles.noneOption') }, ...anabinInstitutionStatuses.map((a) => ({ value: a, label: t(`profiles.anabin.${a}`) }))]}
                onChange={(ev) => setItem('recognitions', i, { anabinInstitution: ev.target.value as typeof r.anabinInstitution })}
              />
              <SelectField
                id={fid(`recognitions.${i}.outcome`)}
                label={t('profiles.fields.outcome')}
                value={r.outcome}
                options={recognitionOutcomes.map((o) => ({ value: o, label: t(`profiles.outcomes.${o}`) }))}
                onChange={(ev) => setItem('recognitions', i, { outcome: ev.target.value as typeof r.outcome })}
              />
            </div>
            <Checkbox label={t('profiles.fields.zabStatement')} checked={r.zabStatement} onChange={(ev) => setItem('recognitions', i, { zabStatement: ev.target.checked })} />
            <TextField id={fid(`recognitions.${i}.authority`)} label={t('profiles.fields.authority')} hint={t('profiles.fields.authorityHint')} value={r.authority} optional onChange={(ev) => setItem('recognitions', i, { authority: ev.target.value })} />
            <div className="lotse-filter__fields">
              <TextField id={fid(`recognitions.${i}.appliedOn`)} type="date" label={t('profiles.fields.appliedOn')} value={r.appliedOn} error={err(`recognitions.${i}.appliedOn`)} optional onChange={(ev) => setItem('recognitions', i, { appliedOn: ev.target.value })} />
              <TextField id={fid(`recognitions.${i}.decidedOn`)} type="date" label={t('profiles.fields.decidedOn')} value={r.decidedOn} error={err(`recognitions.${i}.decidedOn`)} optional onChange={(ev) => setItem('recognitions', i, { decidedOn: ev.target.value })} />
            </div>
            <TextAreaField id={fid(`recognitions.${i}.note`)} label={t('profiles.fields.note')} rows={2} value={r.note} optional onChange={(ev) => setItem('recognitions', i, { note: ev.target.value })} />
            <RemoveButton label={t('profiles.removeItem', { what: t('profiles.item.recognition'), n: i + 1 })} onPress={() => removeItem('recognitions', i)} />
          </Item>
        ))}
        <AddButton label={t('profiles.add.recognition')} onPress={() => set('recognitions', [...d.recognitions, emptyRecognition()])} />
      </SectionCard>

      <SectionCard id="profile-work" title={t('profiles.sections.work')}>
        {d.workExperience.length === 0 ? <p className="kern-body">{t('profiles.empty.work')}</p> : null}
        {d.workExperience.map((w, i) => (
          <Item key={i} title={`${t('profiles.item.work')} ${i + 1}`}>
            <TextField id={fid(`workExperience.${i}.occupation`)} label={t('profiles.fields.workOccupation')} value={w.occupation} error={err(`workExperience.${i}.occupation`)} required onChange={(ev) => setItem('workExperience', i, { occupation: ev.target.value })} />
            <OccupationComboBox
              id={fid(`workExperience.${i}.kldbCode`)}
              label={t('profiles.fields.occupation')}
              value={w.kldb}
              error={err(`workExperience.${i}.kldbCode`)}
              optional
              onChange={(kldb) => setItem('workExperience', i, { kldb })}
            />
            <div className="lotse-filter__fields">
              <TextField id={fid(`workExperience.${i}.years`)} label={t('profiles.fields.years')} inputMode="decimal" width={4} value={w.years} error={err(`workExperience.${i}.years`)} required onChange={(ev) => setItem('workExperience', i, { years: ev.target.value })} />
              <TextField id={fid(`workExperience.${i}.country`)} label={t('profiles.fields.country')} value={w.country} optional onChange={(ev) => setItem('workExperience', i, { country: ev.target.value })} />
              <TextField id={fid(`workExperience.${i}.fromYear`)} label={t('profiles.fields.fromYear')} inputMode="numeric" width={4} value={w.fromYear} error={err(`workExperience.${i}.fromYear`)} optional onChange={(ev) => setItem('workExperience', i, { fromYear: ev.target.value })} />
              <TextField id={fid(`workExperience.${i}.toYear`)} label={t('profiles.fields.toYear')} inputMode="numeric" width={4} value={w.toYear} error={err(`workExperience.${i}.toYear`)} optional onChange={(ev) => setItem('workExperience', i, { toYear: ev.target.value })} />
            </div>
            <TextAreaField id={fid(`workExperience.${i}.description`)} label={t('profiles.fields.description')} rows={2} value={w.description} optional onChange={(ev) => setItem('workExperience', i, { description: ev.target.value })} />
            <RemoveButton label={t('profiles.removeItem', { what: t('profiles.item.work'), n: i + 1 })} onPress={() => removeItem('workExperience', i)} />
          </Item>
        ))}
        <AddButton label={t('profiles.add.work')} onPress={() => set('workExperience', [...d.workExperience, emptyWork()])} />
      </SectionCard>

      <SectionCard id="profile-goals" title={t('profiles.sections.skillsAndGoals')}>
        <Fieldset legend={t('profiles.fields.drivingLicences')} id={fid('drivingLicences')} horizontal>
          {drivingLicenceClasses.map((c) => (
            <Checkbox
              key={c}
              label={c}
              checked={d.drivingLicences.includes(c)}
              onChange={(e) =>
                set('drivingLicences', e.target.checked ? [...d.drivingLicences, c] : d.drivingLicences.filter((x) => x !== c))
              }
            />
          ))}
        </Fieldset>
        <TextAreaField id={fid('skills')} label={t('profiles.fields.skills')} hint={t('profiles.fields.skillsHint')} rows={3} value={d.skills} optional onChange={(e) => set('skills', e.target.value)} />
        <TextAreaField id={fid('interests')} label={t('profiles.fields.interests')} rows={2} value={d.interests} optional onChange={(e) => set('interests', e.target.value)} />
        <TextAreaField id={fid('wishes')} label={t('profiles.fields.wishes')} rows={2} value={d.wishes} optional onChange={(e) => set('wishes', e.target.value)} />
        <TextAreaField id={fid('ownGoals')} label={t('profiles.fields.ownGoals')} rows={2} value={d.ownGoals} optional onChange={(e) => set('ownGoals', e.target.value)} />
      </SectionCard>

      <SectionCard id="profile-constraints" title={t('profiles.sections.constraints')}>
        <Checkbox label={t('profiles.fields.childcareNeeded')} checked={d.childcareNeeded} onChange={(e) => set('childcareNeeded', e.target.checked)} />
        <TextField id={fid('constraints.childcareNote')} label={t('profiles.fields.childcareNote')} value={d.childcareNote} optional onChange={(e) => set('childcareNote', e.target.value)} />
        <TextField id={fid('constraints.hoursPerWeek')} label={t('profiles.fields.hoursPerWeek')} inputMode="numeric" width={4} value={d.hoursPerWeek} error={err('constraints.hoursPerWeek')} optional onChange={(e) => set('hoursPerWeek', e.target.value)} />
        <TextField id={fid('constraints.mobilityNote')} label={t('profiles.fields.mobilityNote')} value={d.mobilityNote} optional onChange={(e) => set('mobilityNote', e.target.value)} />
        {healthVisible ? (
          <>
            <Checkbox label={t('profiles.fields.healthConstraint')} checked={d.healthConstraint} onChange={(e) => set('healthConstraint', e.target.checked)} />
            <p className="kern-hint">{t('profiles.fields.healthHint')}</p>
          </>
        ) : null}
      </SectionCard>

      <FormActions
        submitLabel={profile ? t('profiles.save') : t('profiles.create')}
        pending={pending}
        onCancel={() => {
          setD(initial);
          setErrors({});
        }}
      />
    </form>
  );
}

function Item({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="lotse-profile__item lotse-stack" role="group" aria-label={title}>
      <h3 className="kern-title kern-title--small">{title}</h3>
      {children}
    </div>
  );
}

function AddButton({ label, onPress }: { label: string; onPress: () => void }) {
  return (
    <p className="lotse-button-row">
      <Button variant="secondary" small onClick={onPress}>
        {label}
      </Button>
    </p>
  );
}

function RemoveButton({ label, onPress }: { label: string; onPress: () => void }) {
  return (
    <p className="lotse-button-row">
      <Button variant="tertiary" small onClick={onPress}>
        {label}
      </Button>
    </p>
  );
}
