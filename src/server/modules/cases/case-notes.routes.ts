import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  noteCreateRequestSchema,
  noteListQuerySchema,
  noteListSchema,
  noteParamsSchema,
  noteSchema,
  noteUpdateRequestSchema,
} from '../../../shared/contracts/case-records';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { createNote, listNotes, updateNote } from './case-notes.service';

const tags = ['case notes'];

/** Notes (Vermerke) of a case with their confidentiality. */
export function caseNoteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/cases/:id/notes',
      {
        schema: {
          tags,
          summary:
            'The notes the caller may see (confidentiality team, own agency, own notes), newest contact first; filter by kind; paged. Notes outside the caller’s level are not counted.',
          params: idParamsSchema,
          querystring: noteListQuerySchema,
          response: { 200: noteListSchema },
        },
      },
      async (req) => listNotes(deps.db, req.actor, req.params.id, req.query, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/notes',
      {
        schema: {
          tags,
          summary:
            'Write a note (kind, when it happened — not in the future —, subject, text, confidentiality team | agency | author). Also allowed on a closed case, for the closing contact. ETag = version.',
          params: idParamsSchema,
          body: noteCreateRequestSchema,
          response: { 201: noteSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createNote(
          deps.db,
          req.actor,
          req.params.id,
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/cases/:id/notes/:noteId',
      {
        schema: {
          tags,
          summary:
            'The author corrects a note: kind, time, subject, text or confidentiality (If-Match required: 428 without, 412 when stale). Another author’s note is 403, a note the caller may not see 404.',
          params: noteParamsSchema,
          body: noteUpdateRequestSchema,
          response: { 200: noteSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateNote(
          deps.db,
          req.actor,
          req.params.id,
          req.params.noteId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
  };
}
