import { useEffect, useRef, useState, type ReactNode } from 'react';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PageInfo } from '../../../shared/contracts/common';
import { dateOfBirthInputSchema, personSearchResultSchema } from '../../../shared/contracts/people';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { TextField } from '../../components/ui/form-field';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { countryList, formatDateOfBirth, personName } from './people-format';
import { RelevanceBar } from './relevance-bar';
import { useDebouncedValue } from './use-debounced-value';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';

const MIN_CHARS = 2;
const DEBOUNCE_MS = 250;
const PAGE_SIZE = 20;
/** The server pages up to 1000 (`personSearchQuerySchema`). */
const MAX_PAGE = 1000;

type SearchParams = { q: string; dateOfBirth: string | undefined; page: number };

// The search page asks for one page of the ranking; `limit` is the page size of the stable API.
const personSearchPageQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ['people', 'search', params],
    queryFn: ({ signal }) => api.get('/people', personSearchResultSchema, { ...params, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

function pageFromUrl(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
}

/**
 * The page numbers to offer: always the first and the last, the current one with its neighbours,
 * and `null` for a gap ("1 … 4 5 6 … 12"). A gap of a single page shows that page instead.
 */
export function pageWindow(current: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, current - 1, current, current + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((x, y) => x - y);
  const out: (number | null)[] = [];
  for (const page of sorted) {
    const previous = out.at(-1);
    if (typeof previous === 'number' && page - previous === 2) out.push(page - 1);
    else if (typeof previous === 'number' && page - previous > 2) out.push(null);
    out.push(page);
  }
  return out;
}

type PageNumbersProps = { info: PageInfo; onPageChange: (page: number) => void };

/** Pagination with page numbers; each page is a button, the current one is marked for screen readers. */
function PageNumbers({ info, onPageChange }: PageNumbersProps) {
  const { t } = useTranslation();
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(info.total / info.pageSize)));
  if (pages <= 1) return null;
  return (
    <nav className="lotse-pagination" aria-label={t('pagination.label')}>
      <ul className="lotse-pagination__buttons" style={{ listStyle: 'none', padding: 0, margin: 0, flexWrap: 'wrap' }}>
        <li>
          <Button
            variant="secondary"
            small
            icon="chevron-left"
            disabled={info.page <= 1}
            onClick={() => onPageChange(info.page - 1)}
          >
            {t('pagination.previous')}
          </Button>
        </li>
        {pageWindow(info.page, pages).map((page, index) =>
          page === null ? (
            <li key={`gap-${index}`} style={{ alignSelf: 'center' }}>
              <span aria-hidden="true">…</span>
              <span className="kern-sr-only">{t('personMerge.pagesSkipped')}</span>
            </li>
          ) : (
            <li key={page}>
              <Button
                variant={page === info.page ? 'primary' : 'tertiary'}
                small
                aria-label={t('personMerge.pageN', { page })}
                aria-current={page === info.page ? 'page' : undefined}
                onClick={() => page !== info.page && onPageChange(page)}
              >
                {String(page)}
              </Button>
            </li>
          ),
        )}
        <li>
          <Button variant="secondary" small disabled={info.page >= pages} onClick={() => onPageChange(info.page + 1)}>
            {t('pagination.next')}
          </Button>
        </li>
      </ul>
    </nav>
  );
}

/** `actions`: further actions beside the search, composed in src/client/app (e.g. emergency access). */
export function PersonSearchPage({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [search, setParams] = useSearchParamUpdate();
  const [q, setQ] = useState(search.get('q') ?? '');
  const [dob, setDob] = useState(search.get('dob') ?? '');
  const [page, setPage] = useState(() => pageFromUrl(search.get('page')));
  const tableRef = useRef<HTMLTableElement>(null);
  const focusResults = useRef(false);
  const debouncedQ = useDebouncedValue(q.trim(), DEBOUNCE_MS);
  const debouncedDob = useDebouncedValue(dob.trim(), DEBOUNCE_MS);
  const dobValid = debouncedDob === '' || dateOfBirthInputSchema.safeParse(debouncedDob).success;
  const enabled = debouncedQ.length >= MIN_CHARS;

  const results = useQuery({
    ...personSearchPageQuery({ q: debouncedQ, dateOfBirth: dobValid && debouncedDob ? debouncedDob : undefined, page }),
    enabled,
  });

  function remember(next: { q?: string; dob?: string; page?: string }) {
    setParams(next, { replace: true });
  }

  function goToPage(next: number) {
    setPage(next);
    remember({ page: next > 1 ? String(next) : '' });
    focusResults.current = true;
  }

  const data = enabled ? results.data : undefined;
  const pages = data ? Math.min(MAX_PAGE, Math.max(1, Math.ceil(data.page.total / data.page.pageSize))) : 1;

  // A page beyond the end (an old link, or fewer hits than before) shows the last page instead.
  if (data && !results.isPlaceholderData && data.items.length === 0 && data.page.total > 0 && page > pages) {
    setPage(pages);
  }

  // After a page change the new hits are read from the top: focus moves to the table once they arrived.
  useEffect(() => {
    if (focusResults.current && data && !results.isPlaceholderData && data.page.page === page) {
      tableRef.current?.focus();
      focusResults.current = false;
    }
  }, [data, results.isPlaceholderData, page]);

  let status = '';
  if (!enabled) status = q.trim().length > 0 ? t('people.minChars') : '';
  else if (data) {
    status = data.items.length ? t('people.hits', { count: data.page.total }) : t('people.noHits');
    if (data.items.length && pages > 1) status += ` · ${t('pagination.status', { page: data.page.page, pages })}`;
  }

  return (
    <>
      <PageHeading title={t('people.searchTitle')}>{t('people.searchIntro')}</PageHeading>

      <div className="lotse-toolbar">
        {hasPermission(me, 'person.write') ? (
          <Link className="kern-btn kern-btn--primary" to={paths.personNew}>
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('people.create')}</span>
          </Link>
        ) : null}
        <Link className="kern-btn kern-btn--secondary" to={paths.expiringDocuments}>
          <span className="kern-label">{t('residenceDocuments.worklist.title')}</span>
        </Link>
        {actions}
      </div>

      <form
        role="search"
        className="lotse-filter"
        aria-label={t('people.searchTitle')}
        onSubmit={(event) => event.preventDefault()}
      >
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
              setPage(1);
              remember({ q: event.target.value.trim(), page: '' });
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
              setPage(1);
              remember({ dob: event.target.value.trim(), page: '' });
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
          <table className="kern-table kern-table--striped lotse-table-full" ref={tableRef} tabIndex={-1}>
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
      {data && data.items.length > 0 ? <PageNumbers info={data.page} onPageChange={goToPage} /> : null}
    </>
  );
}
