import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../../shared/contracts/common';
import {
  letterCreateRequestSchema,
  letterDetailSchema,
  letterListQuerySchema,
  letterListSchema,
  letterPreviewQuerySchema,
  letterTemplateListSchema,
  letterUpdateRequestSchema,
} from '../../../shared/contracts/letters';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  createLetter,
  deleteLetter,
  getLetter,
  letterPdf,
  letterPreviewSvg,
  listLetterTemplates,
  listPersonLetters,
  updateLetter,
} from './letters.service';

const tags = ['correspondence'];

/** Letters from templates: drafts, PDF (translation + German original), SVG preview, the person's letters. */
export function letterRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/letter-templates',
      {
        schema: {
          tags,
          summary: 'The letter templates with their fields and languages',
          response: { 200: letterTemplateListSchema },
        },
      },
      async (req) => listLetterTemplates(deps.db, req.actor, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/letters',
      {
        schema: {
          tags,
          summary:
            'A draft letter of the caller’s agency on the case (template, language — default the person’s —, fields, appointment of the case, channel, confidentiality). Missing required fields are 400 naming them. ETag = version.',
          params: idParamsSchema,
          body: letterCreateRequestSchema,
          response: { 201: letterDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createLetter(
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
      '/api/v1/letters/:id',
      {
        schema: {
          tags,
          summary:
            'A letter with its delivery history (404 when its case or confidentiality hides it). ETag = version.',
          params: idParamsSchema,
          response: { 200: letterDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getLetter(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply.header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/letters/:id',
      {
        schema: {
          tags,
          summary:
            'Change a draft of the caller’s agency (If-Match required: 428 without, 412 when stale; a sent letter is 409).',
          params: idParamsSchema,
          body: letterUpdateRequestSchema,
          response: { 200: letterDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateLetter(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.delete(
      '/api/v1/letters/:id',
      {
        schema: {
          tags,
          summary: 'Delete a draft of the caller’s agency (a sent letter is 409)',
          params: idParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (req) => {
        await deleteLetter(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return { ok: true as const };
      },
    );
    app.get(
      '/api/v1/letters/:id/pdf',
      {
        schema: {
          tags,
          summary:
            'The letter as PDF: the translation, then the German original. A draft is rendered fresh; a sent letter is the stored PDF, never re-rendered.',
          params: idParamsSchema,
          produces: ['application/pdf'],
          response: { 200: z.any().describe('application/pdf') },
        },
      },
      async (req, reply) => {
        const { pdf, filename } = await letterPdf(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
    app.get(
      '/api/v1/letters/:id/preview.svg',
      {
        schema: {
          tags,
          summary: 'One page of the letter as SVG (preview); X-Page-Count gives the number of pages',
          params: idParamsSchema,
          querystring: letterPreviewQuerySchema,
          produces: ['image/svg+xml'],
          response: { 200: z.any().describe('image/svg+xml') },
        },
      },
      async (req, reply) => {
        const { svg, pages } = await letterPreviewSvg(
          deps.db,
          req.actor,
          req.params.id,
          req.query.page,
          auditContext(req, deps.now()),
        );
        return reply
          .header('content-type', 'image/svg+xml; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('x-page-count', String(pages))
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(svg);
      },
    );
    app.get(
      '/api/v1/people/:id/letters',
      {
        schema: {
          tags,
          summary:
            'The person’s letters the caller may see (case in scope and confidentiality), newest first; filter by status; paged',
          params: idParamsSchema,
          querystring: letterListQuerySchema,
          response: { 200: letterListSchema },
        },
      },
      async (req) => listPersonLetters(deps.db, req.actor, req.params.id, req.query, auditContext(req, deps.now())),
    );
  };
}
