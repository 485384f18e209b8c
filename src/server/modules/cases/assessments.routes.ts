import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  assessmentCompareQuerySchema,
  assessmentComparisonSchema,
  assessmentListSchema,
  assessmentParamsSchema,
  assessmentSaveRequestSchema,
  assessmentSchema,
  assessmentStartRequestSchema,
} from '../../../shared/contracts/assessments';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  compareAssessmentVersions,
  completeAssessment,
  getAssessment,
  listAssessments,
  saveAssessment,
  startAssessment,
} from './assessments.service';

const tags = ['case assessments'];

/** Resource-oriented assessment (Potenzialanalyse) of a case: versions, drafts, completion, comparison. */
export function assessmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/cases/:id/assessments',
      {
        schema: {
          tags,
          summary: 'The versions of the case’s assessment, newest first (metadata and counts, no text)',
          params: idParamsSchema,
          response: { 200: assessmentListSchema },
        },
      },
      async (req) => listAssessments(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/assessments',
      {
        schema: {
          tags,
          summary:
            'Start the next version as a draft, copied from the latest version or empty (409 while a draft exists)',
          params: idParamsSchema,
          body: assessmentStartRequestSchema,
          response: { 201: assessmentSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await startAssessment(
          deps.db,
          req.actor,
          req.params.id,
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.get(
      '/api/v1/cases/:id/assessments/compare',
      {
        schema: {
          tags,
          summary: 'Field-by-field differences per life domain from version `from` to version `to`',
          params: idParamsSchema,
          querystring: assessmentCompareQuerySchema,
          response: { 200: assessmentComparisonSchema },
        },
      },
      async (req) =>
        compareAssessmentVersions(deps.db, req.actor, req.params.id, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/cases/:id/assessments/:versionNo',
      {
        schema: {
          tags,
          summary: 'One version with every life domain and the potential analysis (ETag: its revision)',
          params: assessmentParamsSchema,
          response: { 200: assessmentSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getAssessment(
          deps.db,
          req.actor,
          req.params.id,
          req.params.versionNo,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.put(
      '/api/v1/cases/:id/assessments/:versionNo',
      {
        schema: {
          tags,
          summary: 'Save the whole draft (If-Match with its revision; completed versions are immutable: 409)',
          params: assessmentParamsSchema,
          body: assessmentSaveRequestSchema,
          response: { 200: assessmentSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await saveAssessment(
          deps.db,
          req.actor,
          req.params.id,
          req.params.versionNo,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/cases/:id/assessments/:versionNo/complete',
      {
        schema: {
          tags,
          summary:
            'Complete the draft (If-Match): every life domain needs the caseworker’s view of strengths or the mark ' +
            '"not assessed", and a potential analysis is required',
          params: assessmentParamsSchema,
          response: { 200: assessmentSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await completeAssessment(
          deps.db,
          req.actor,
          req.params.id,
          req.params.versionNo,
          req.headers['if-match'],
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
  };
}
