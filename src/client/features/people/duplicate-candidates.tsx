import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { CandidateSummary, type DuplicateCandidate } from './candidate-summary';
import { personName } from './people-format';
import type { PersonPageState } from './person-duplicates-panel';

type Candidate = DuplicateCandidate;

type DuplicateCandidatesProps = {
  /** `undefined` while no check has run (names missing). */
  candidates: Candidate[] | undefined;
  checking: boolean;
};

const linkState: PersonPageState = { linkedFromRegistration: true };

/**
 * The live list of people who may be the one being registered, with the reasons of the match. Each
 * can be opened for review (new tab, the form stays) or chosen as the person being registered: then
 * the caseworker continues in the existing file instead of creating a second one.
 */
export function DuplicateCandidates({ candidates, checking }: DuplicateCandidatesProps) {
  const { t } = useTranslation();
  let status: string;
  if (candidates === undefined) status = checking ? t('people.duplicatesChecking') : t('people.duplicatesWaiting');
  else if (candidates.length === 0) status = t('people.duplicatesNone');
  else status = t('people.duplicatesFound', { count: candidates.length });

  return (
    <section className="lotse-section kern-card" aria-labelledby="duplicates-title" style={{ padding: '1.5rem' }}>
      <h2 className="kern-heading-medium" id="duplicates-title">
        {t('people.duplicatesTitle')}
      </h2>
      <p className="kern-body kern-body--small">{t('people.duplicatesIntro')}</p>
      <p className="kern-body" role="status" aria-live="polite">
        <strong>{status}</strong>
      </p>
      {candidates && candidates.length > 0 ? (
        <p className="kern-hint" id="duplicates-link-hint">
          {t('personMerge.linkHint')}
        </p>
      ) : null}
      {candidates && candidates.length > 0 ? (
        <ul
          className="lotse-stack"
          aria-label={t('people.candidatesLabel')}
          style={{ listStyle: 'none', padding: 0 }}
          aria-busy={checking || undefined}
        >
          {candidates.map((candidate) => (
            <li key={candidate.personId} className="lotse-repeat-group">
              <CandidateSummary
                candidate={candidate}
                nameLink={
                  <Link className="kern-link" to={paths.person(candidate.personId)} target="_blank" rel="noopener">
                    {personName(candidate.person)} <span className="kern-body--small">{t('people.opensInNewTab')}</span>
                  </Link>
                }
              />
              <div>
                <Link
                  className="kern-btn kern-btn--secondary kern-btn--x-small"
                  to={paths.person(candidate.personId)}
                  state={linkState}
                  aria-describedby="duplicates-link-hint"
                  aria-label={`${t('personMerge.linkAction')}: ${personName(candidate.person)}`}
                >
                  <span className="kern-label">{t('personMerge.linkAction')}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
