import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  accessReportQuerySchema,
  accessReportSchema,
  privacyPeopleListSchema,
  privacyPeopleQuerySchema,
} from '../../../shared/contracts/privacy-reports';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { accessReport, accessReportPdf, searchPeopleForReport } from './privacy-reports.service';

const tags = ['data protection'];

/** The data protection officer's "who saw my data" report (Art. 15 GDPR). */
export function privacyReportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/privacy/people',
      {
        schema: {
          tags,
          summary: 'Find the person a request is about (all people, minimal fields; data protection officer)',
          querystring: privacyPeopleQuerySchema,
          response: { 200: privacyPeopleListSchema },
        },
      },
      async (req) => searchPeopleForReport(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/privacy/people/:id/access-report',
      {
        schema: {
          tags,
          summary: 'Who saw or changed the data of a person (Art. 15 GDPR), as JSON',
          params: idParamsSchema,
          querystring: accessReportQuerySchema,
          response: { 200: accessReportSchema },
        },
      },
      async (req) => accessReport(deps.db, req.actor, req.params.id, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/privacy/people/:id/access-report/pdf',
      {
        schema: {
          tags,
          summary: 'The Art. 15 report as a German PDF for the person',
          params: idParamsSchema,
          querystring: accessReportQuerySchema,
          produces: ['application/pdf'],
          response: { 200: z.any().describe('application/pdf') },
        },
      },
      async (req, reply) => {
        const { pdf, filename } = await accessReportPdf(
          deps.db,
          req.actor,
          req.params.id,
          req.query,
          auditContext(req, deps.now()),
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
  };
}
