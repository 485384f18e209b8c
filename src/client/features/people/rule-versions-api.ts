import { queryOptions } from '@tanstack/react-query';
import {
  ruleVersionApplyResultSchema,
  ruleVersionImpactSchema,
  ruleVersionListSchema,
} from '../../../shared/contracts/legal-rule-versions';
import { api } from '../../lib/api';

export const ruleVersionsQuery = queryOptions({
  queryKey: ['legal', 'rule-versions'],
  queryFn: ({ signal }) => api.get('/legal/rule-versions', ruleVersionListSchema, undefined, signal),
});

export const ruleVersionsApi = {
  preview: (version: string) =>
    api.post(`/legal/rule-versions/${encodeURIComponent(version)}/preview`, undefined, ruleVersionImpactSchema),
  apply: (version: string, expectedChanged: number) =>
    api.post(
      `/legal/rule-versions/${encodeURIComponent(version)}/apply`,
      { expectedChanged },
      ruleVersionApplyResultSchema,
    ),
};
