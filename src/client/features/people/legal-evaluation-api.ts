import { queryOptions } from '@tanstack/react-query';
import { personLegalEvaluationSchema } from '../../../shared/contracts/legal';
import { api } from '../../lib/api';

/**
 * The legal-domain evaluation of a person for today. The key starts like the residence-document
 * keys, so that recording or changing a document (invalidateResidenceDocuments) re-evaluates; the
 * person's version makes a changed date of birth or nationality re-evaluate too.
 */
export const legalEvaluationQuery = (personId: string, personVersion: number) =>
  queryOptions({
    queryKey: ['people', 'residence-documents', personId, 'legal-evaluation', personVersion],
    queryFn: ({ signal }) =>
      api.get(
        `/people/${encodeURIComponent(personId)}/legal-evaluation`,
        personLegalEvaluationSchema,
        undefined,
        signal,
      ),
  });
