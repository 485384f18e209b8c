import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  occupationListSchema,
  profileResponseSchema,
  type ProfilePutInput,
} from '../../../shared/contracts/profiles';
import { personSchema } from '../../../shared/contracts/people';
import { languageNames } from '../../../shared/domain/languages';
import { api, request } from '../../lib/api';
import { currentLanguage } from '../../lib/i18n';

export const profileQuery = (personId: string) =>
  queryOptions({
    queryKey: ['profiles', personId],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/profile`, profileResponseSchema, undefined, signal),
  });

/** Creates the profile (version null) or replaces it with If-Match. */
export const saveProfile = (personId: string, version: number | null, body: ProfilePutInput) =>
  request('PUT', `/people/${encodeURIComponent(personId)}/profile`, {
    body,
    schema: profileResponseSchema,
    headers: version === null ? {} : { 'If-Match': `"${version}"` },
  });

export const occupationSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['reference', 'occupations', q],
    queryFn: ({ signal }) => api.get('/reference/occupations', occupationListSchema, { q, limit: 12 }, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

/** The person (for the page heading); shares the cache entry of the person page. */
export const profilePersonQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'detail', id],
    queryFn: ({ signal }) => api.get(`/people/${encodeURIComponent(id)}`, personSchema, undefined, signal),
  });

export function displayName(p: { givenNames: string; familyName: string; nameOrder?: string }): string {
  return p.nameOrder === 'family_given' ? `${p.familyName} ${p.givenNames}` : `${p.givenNames} ${p.familyName}`;
}

/** The shared language list for selects, German first, then by name in the UI language. */
export function languageChoices(): { value: string; label: string }[] {
  const lang = currentLanguage() === 'de' ? 'de' : 'en';
  const collator = new Intl.Collator(lang);
  return Object.entries(languageNames)
    .map(([value, names]) => ({ value, label: names[lang] }))
    .sort((a, b) => (a.value === 'de' ? -1 : b.value === 'de' ? 1 : collator.compare(a.label, b.label)));
}
