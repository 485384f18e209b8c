import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { dateOfBirthInputSchema } from '../../../shared/contracts/people';
import { EmptyState } from '../../components/ui/empty-state';
import { TextField } from '../../components/ui/form-field';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { personSearchQuery } from './people-api';
import { countryList, formatDateOfBirth, personName } from './people-format';
import { RelevanceBar } from './relevance-bar';
import { useDebouncedValue } from './use-debounced-value';

const MIN_CHARS = 2;
const DEBOUNCE_MS = 250;

export function PersonSearchPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [search, setSearch] = useSearchParams();
  const [q, setQ] = useState(search.get('q') ?? '');
  const [dob, setDob] = useState(search.get('dob') ?? '');
  const debouncedQ = useDebouncedValue(q.trim(), DEBOUNCE_MS);
  const debouncedDob = useDebouncedValue(dob.trim(), DEBOUNCE_MS);
  const dobValid = debouncedDob === '' || dateOfBirthInputSchema.safeParse(debouncedDob).success;
  const enabled = debouncedQ.length >= MIN_CHARS;

  const results = useQuery({
    ...personSearchQuery({ q: debouncedQ, dateOfBirth: dobValid && debouncedDob ? debouncedDob : undefined, limit: 50 }),
    enabled,
  });

  function remember(next: { q?: string; dob?: string }) {
    const merged = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setSearch(merged, { replace: true });
  }

  const data = enabled ? results.data : undefined;
  let status = '';
  if (!enabled) status = q.trim().length > 0 ? t('people.minChars') : '';
  else if (data) status = data.items.length ? t('people.hits', { count: data.page.total }) : t('people.noHits');

  return (
    <>
      <PageHeading title={t('people.searchTitle')}>{t('people.searchIntro')}</PageHeading>

      {hasPermission(me, 'person.write') ? (
        <div className="lotse-toolbar">
          <Link className="kern-btn kern-btn--primary" to={paths.personNew}>
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('people.create')}</span>
          </Link>
        </div>
      ) : null}

      <form role="search" className="lotse-filter" aria-label={t('people.searchTitle')} onSubmit={(event) => event.preventDefault()}>
        <div className="lotse-filter__fields">
          <TextField
            id="person-search-q"
            label={t('people.searchLabel')}
            hint={t('people.searchHint')}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={q}
            onChange={(event) => {
              setQ(event.target.value);
              remember({ q: event.target.value.trim() });
            }}
          />
          <TextField
            id="person-search-dob"
            label={t('people.dobFilterLabel')}
            hint={t('people.dobHint')}
            optional
            autoComplete="off"
            inputMode="numeric"
            value={dob}
            error={dobValid ? undefined : t('people.dobFilterInvalid')}
            onChange={(event) => {
              setDob(event.target.value);
              remember({ dob: event.target.value.trim() });
            }}
          />
        </div>
      </form>

      <p className="kern-body" role="status" aria-live="polite">
        {status}
      </p>

      {enabled && results.error ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('people.emptyTitle')} headingLevel={2}>
          {t('people.emptyText')}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="kern-table-responsive" aria-busy={results.isFetching || undefined}>
          <table className="kern-table kern-table--striped lotse-table-full">
            <caption className="kern-sr-only">{t('people.tableCaption')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('people.name')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('people.dateOfBirth')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('people.nationalities')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('people.relevance')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {data.items.map(({ person, score }) => (
                <tr className="kern-table__row" key={person.id}>
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={paths.person(person.id)}>
                      {personName(person)}
                    </Link>
                  </td>
                  <td className="kern-table__cell">{formatDateOfBirth(person.dateOfBirth, t)}</td>
                  <td className="kern-table__cell">{countryList(person.nationalities, t)}</td>
                  <td className="kern-table__cell">
                    <RelevanceBar score={score} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
