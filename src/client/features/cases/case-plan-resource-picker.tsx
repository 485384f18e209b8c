import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resourceDetailSchema, resourceListSchema } from '../../../shared/contracts/resources';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/form-field';
import { api } from '../../lib/api';
import { paths } from '../../lib/paths';

// The cases feature asks the directory itself (features do not import each other).
const resourceNameQuery = (id: string) =>
  queryOptions({
    queryKey: ['resources', 'detail', id],
    queryFn: ({ signal }) => api.get(`/resources/${encodeURIComponent(id)}`, resourceDetailSchema, undefined, signal),
    retry: false,
    staleTime: 60_000,
  });

const resourceSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['resources', 'picker', q],
    queryFn: ({ signal }) => api.get('/resources', resourceListSchema, { q, pageSize: 8, sort: 'name' }, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

/** The linked entry's name as a link to the directory; the id alone while it loads or when it is gone. */
export function ResourceLinkName({ id }: { id: string }) {
  const { t } = useTranslation();
  const r = useQuery(resourceNameQuery(id));
  if (r.error) return <span>{t('resources.picker.unknown')}</span>;
  return (
    <Link className="kern-link" to={paths.resource(id)}>
      {r.data?.name ?? t('resources.picker.open')}
    </Link>
  );
}

/**
 * Chooses an entry of the resource directory for a plan step: type two letters, pick one of the
 * results (defunct and inactive entries are not offered), or remove the link.
 */
export function CasePlanResourcePicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const resultsId = useId();
  const results = useQuery(resourceSearchQuery(q));
  const offered = (results.data?.items ?? []).filter((r) => r.status === 'active' || r.status === 'temporarily closed');
  return (
    <fieldset className="kern-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="kern-label">{t('resources.picker.label')}</legend>
      <p className="kern-body" id={`${id}-current`}>
        {value ? (
          <>
            {t('resources.picker.linked', { name: '' })}
            <ResourceLinkName id={value} />{' '}
            <Button variant="tertiary" small onClick={() => onChange('')}>
              {t('resources.picker.remove')}
            </Button>
          </>
        ) : (
          t('resources.picker.none')
        )}
      </p>
      {error ? (
        <p className="kern-error" id={`${id}-error`}>
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
      <TextField
        id={id}
        type="search"
        label={t('resources.picker.search')}
        optional
        value={q}
        aria-controls={resultsId}
        onChange={(e) => setQ(e.target.value)}
      />
      <div id={resultsId} aria-live="polite">
        {q.trim().length >= 2 && results.data ? (
          offered.length === 0 ? (
            <p className="kern-body kern-body--small">{t('resources.picker.noResults')}</p>
          ) : (
            <ul className="kern-list" aria-label={t('resources.picker.results')}>
              {offered.map((r) => (
                <li key={r.id}>
                  <Button
                    variant="secondary"
                    small
                    onClick={() => {
                      onChange(r.id);
                      setQ('');
                    }}
                  >
                    {t('resources.picker.choose')}: {r.name}
                  </Button>{' '}
                  <span className="kern-body kern-body--small">
                    {r.organization.name}
                    {r.status === 'temporarily closed' ? ` · ${t('resources.picker.closed')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </fieldset>
  );
}
