import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptBinaryUploads, binaryBodyDocumentation } from '../../platform/http/binary-upload';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  CONSENT_EVIDENCE_MAX_BYTES,
  consentCreateRequestSchema,
  consentFormRequestSchema,
  consentListSchema,
  consentSchema,
  consentTextListSchema,
  consentWithdrawRequestSchema,
} from '../../../shared/contracts/consent';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { contentDisposition } from '../cases/case-documents.content';
import {
  downloadEvidence,
  getConsent,
  listConsents,
  listConsentTexts,
  printConsentForm,
  recordConsent,
  scanTooLarge,
  uploadEvidence,
  withdraw,
} from './consent.service';

const tags = ['consents'];

/**
 * Consents of a person (issue 5): texts, the printed form, recording, the overview, withdrawal
 * and the signed scan. The scan is sent as the raw body like case documents (see
 * case-documents.routes.ts): the 10 MiB limit and the octet-stream parser apply to this plugin only.
 */
export function consentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptBinaryUploads(app, CONSENT_EVIDENCE_MAX_BYTES, scanTooLarge);

    app.get(
      '/api/v1/consent-texts',
      {
        schema: {
          tags,
          summary: 'The current consent text in each language (German original; en, ar, fa, uk, tr, ru)',
          response: { 200: consentTextListSchema },
        },
      },
      async (req) => listConsentTexts(deps.db, req.actor),
    );

    app.post(
      '/api/v1/people/:id/consent-form',
      {
        schema: {
          tags,
          summary:
            'The consent form for exactly this draft as a PDF: the text in the chosen language and the German original, with categories, recipients, purpose and dates filled in, and signature lines. Audited.',
          params: idParamsSchema,
          body: consentFormRequestSchema,
          produces: ['application/pdf'],
          response: { 200: z.any().describe('application/pdf') },
        },
      },
      async (req, reply) => {
        const { pdf, filename } = await printConsentForm(
          deps.db,
          req.actor,
          req.params.id,
          req.body,
          auditContext(req, deps.now()),
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition(filename))
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );

    app.get(
      '/api/v1/people/:id/consents',
      {
        schema: {
          tags,
          summary:
            'The consents of a person the caller may see, with their status. Agencies working with the person see all; an agency that sees the person only through a consent sees the consents naming it. Audited.',
          params: idParamsSchema,
          response: { 200: consentListSchema },
        },
      },
      async (req) => listConsents(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );

    app.post(
      '/api/v1/people/:id/consents',
      {
        schema: {
          tags,
          summary:
            'Record a consent (only an agency that registered the person or is on a case team: else 403). A signed_scan consent is in force only once its scan is uploaded. Audited.',
          params: idParamsSchema,
          body: consentCreateRequestSchema,
          response: { 201: consentSchema },
        },
      },
      async (req, reply) => {
        const value = await recordConsent(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now()));
        return reply.code(201).send(value);
      },
    );

    app.get(
      '/api/v1/consents/:id',
      {
        schema: {
          tags,
          summary: 'One consent (404 unless the caller may see it). Audited.',
          params: idParamsSchema,
          response: { 200: consentSchema },
        },
      },
      async (req) => getConsent(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );

    app.post(
      '/api/v1/consents/:id/withdraw',
      {
        schema: {
          tags,
          summary:
            'Record the withdrawal of a consent (recording agency or an agency working with the person); effective with the next request; 409 if already withdrawn. Audited.',
          params: idParamsSchema,
          body: consentWithdrawRequestSchema,
          response: { 200: consentSchema },
        },
      },
      async (req) => withdraw(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now())),
    );

    app.put(
      '/api/v1/consents/:id/evidence',
      {
        bodyLimit: CONSENT_EVIDENCE_MAX_BYTES,
        config: binaryBodyDocumentation(CONSENT_EVIDENCE_MAX_BYTES),
        schema: {
          tags,
          summary:
            'Upload the signed scan of a consent (raw body, application/octet-stream, ≤ 10 MiB; PDF, PNG, JPEG or TIFF by its first bytes). 409 if a scan exists. Audited.',
          params: idParamsSchema,
          response: { 200: consentSchema },
        },
      },
      async (req) => uploadEvidence(deps.db, req.actor, req.params.id, req.body, auditContext(req, deps.now())),
    );

    app.get(
      '/api/v1/consents/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Download the signed scan (attachment, nosniff). Audited.',
          params: idParamsSchema,
          produces: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'],
        },
      },
      async (req, reply) => {
        const file = await downloadEvidence(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .header('content-length', String(file.content.length))
          .send(file.content);
      },
    );
  };
}
