import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { funnelQuerySchema, funnelReportSchema } from '../../../shared/contracts/funnel';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { funnelCsv, getFunnel } from './funnel.service';

const tags = ['reports'];

export function funnelRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/reports/funnel',
      {
        schema: {
          tags,
          summary:
            'The funnel of a cohort (profiled_on in [from, to], default the last full quarter): profiled → meets the ' +
            "receiving agency's criteria → referred → accepted → started → completed → in work after 6 / 12 months, " +
            'with percentages and reasons; filters district, nationality group, sex, age band. Aggregated only, ' +
            'counts 1–4 and cells that would reveal them suppressed; an audited read (funnel.read)',
          querystring: funnelQuerySchema,
          response: { 200: funnelReportSchema },
        },
      },
      async (req, reply) => {
        const report = await getFunnel(deps.db, req.actor, req.query, 'json', auditContext(req, deps.now()));
        return reply.header('cache-control', 'no-store').send(report);
      },
    );
    app.get(
      '/api/v1/reports/funnel.csv',
      {
        schema: {
          tags,
          summary:
            'The same funnel as CSV (semicolon, decimal comma, UTF-8 with BOM; "< 5" and "verborgen" for suppressed cells)',
          querystring: funnelQuerySchema,
          produces: ['text/csv'],
          response: { 200: z.string().describe('text/csv') },
        },
      },
      async (req, reply) => {
        const report = await getFunnel(deps.db, req.actor, req.query, 'csv', auditContext(req, deps.now()));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="lotse-trichter-${report.from}-${report.to}.csv"`)
          .header('cache-control', 'no-store')
          .send(funnelCsv(report));
      },
    );
  };
}
