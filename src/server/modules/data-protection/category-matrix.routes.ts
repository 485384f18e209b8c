import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agencyKindParamsSchema,
  categoryMatrixSchema,
  categoryMatrixUpdateSchema,
} from '../../../shared/contracts/data-protection';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { getCategoryMatrix, setCategoryRules } from './category-matrix.service';

const tags = ['data-protection'];

export function categoryMatrixRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/data-protection/categories',
      {
        schema: {
          tags,
          summary: 'The category matrix: which agency kind sees which data category, with the legal basis',
          response: { 200: categoryMatrixSchema },
        },
      },
      async (req) => getCategoryMatrix(deps.db, req.actor),
    );
    app.put(
      '/api/v1/data-protection/categories/:agencyKind',
      {
        schema: {
          tags,
          summary: 'Replace the categories of one agency kind (system administrator); each with its legal basis',
          params: agencyKindParamsSchema,
          body: categoryMatrixUpdateSchema,
          response: { 200: categoryMatrixSchema },
        },
      },
      async (req) =>
        setCategoryRules(deps.db, req.actor, req.params.agencyKind, req.body, auditContext(req, deps.now())),
    );
  };
}
