import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCheckResponse } from '../../../shared/contracts/people';
import { countryList, formatDateOfBirth } from './people-format';
import { RelevanceBar } from './relevance-bar';

export type DuplicateCandidate = DuplicateCheckResponse['candidates'][number];

/**
 * What the registration form and the person page show of a possible duplicate: its name (as the
 * link the caller wants), band, date of birth, nationalities, similarity and the reasons of the
 * match. The caller adds its own actions below.
 */
export function CandidateSummary({ candidate, nameLink }: { candidate: DuplicateCandidate; nameLink: ReactNode }) {
  const { t } = useTranslation();
  const reasonsId = `duplicate-reasons-${candidate.personId}`;
  return (
    <>
      <p className="kern-body">
        {nameLink}{' '}
        <span
          className={`kern-badge ${candidate.band === 'likely_duplicate' ? 'kern-badge--warning' : 'kern-badge--info'}`}
        >
          <span className="kern-label">
            {candidate.band === 'likely_duplicate' ? t('people.bandLikely') : t('people.bandCandidate')}
          </span>
        </span>
      </p>
      <p className="kern-body kern-body--small">
        <strong>{t('people.dateOfBirth')}:</strong> {formatDateOfBirth(candidate.person.dateOfBirth, t)}
      </p>
      <p className="kern-body kern-body--small">
        <strong>{t('people.nationalities')}:</strong> {countryList(candidate.person.nationalities, t)}
      </p>
      <p className="kern-body kern-body--small">
        <strong>{t('people.similarity')}:</strong> <RelevanceBar score={candidate.score} />
      </p>
      <p className="kern-body kern-body--small" id={reasonsId}>
        <strong>{t('people.reasons')}:</strong>
      </p>
      <ul className="kern-list kern-body--small" aria-labelledby={reasonsId}>
        {candidate.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </>
  );
}
