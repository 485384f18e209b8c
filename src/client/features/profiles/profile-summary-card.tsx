import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../shared/contracts/people';
import { isWithheld } from '../../components/data-protection/withheld';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { formatCalendarDay } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { profileQuery } from './profiles-api';

/** A small card on the person page: German level, highest education, qualifications, link to the profile. */
export function ProfileSummaryCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = hasPermission(me.data, 'profile.read');
  const withheld = isWithheld(person, 'employment_profile');
  const profile = useQuery({ ...profileQuery(person.id), enabled: allowed && !withheld, retry: false });
  const link = (label: string) => (
    <p className="kern-body">
      <Link className="kern-link" to={paths.personProfile(person.id)}>
        {label}
      </Link>
    </p>
  );

  // A withheld category is already named once on the person page (German levels): no second notice.
  if (!allowed || withheld) return null;
  let body;
  if (profile.isPending) body = <Loading />;
  else if (profile.isError) body = <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
  else if (!profile.data.profile)
    body = (
      <>
        <p className="kern-body">{t('profiles.none')}</p>
        {profile.data.canEdit ? link(t('profiles.summary.create')) : null}
      </>
    );
  else {
    const p = profile.data.profile;
    body = (
      <>
        <DescriptionList
          items={[
            { key: 'german', term: t('profiles.summary.german'), value: p.germanOverall ?? t('profiles.notAssessed') },
            {
              key: 'education',
              term: t('profiles.summary.education'),
              value:
                p.highestIscedLevel === null ? t('profiles.summary.noEducation') : t(`profiles.isced.${p.highestIscedLevel}` as 'profiles.isced.0'),
            },
            {
              key: 'qualifications',
              term: t('profiles.summary.qualifications'),
              value: t('profiles.summary.qualificationsCount', { count: p.qualifications.length }),
            },
            { key: 'profiledOn', term: t('profiles.summary.profiledOn'), value: formatCalendarDay(p.profiledOn) },
          ]}
        />
        {link(t('profiles.summary.open'))}
      </>
    );
  }
  return (
    <SectionCard id="person-profile" title={t('profiles.summary.title')}>
      {body}
    </SectionCard>
  );
}
