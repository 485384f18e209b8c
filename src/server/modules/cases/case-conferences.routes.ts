import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  conferenceCreateRequestSchema,
  conferenceListSchema,
  conferenceParamsSchema,
  conferenceSaveRequestSchema,
  conferenceSchema,
} from '../../../shared/contracts/case-conferences';
import { idParamsSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  cancelConference,
  createConference,
  finaliseConference,
  getConference,
  listConferences,
  saveConference,
} from './case-conferences.service';

const tags = ['case conferences'];

/** Case conferences (Fallkonferenzen): schedule, minutes, decisions that become tasks. */
export function caseConferenceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/cases/:id/conferences',
      {
        schema: {
          tags,
          summary: 'The case conferences of a case, the latest date first.',
          params: idParamsSchema,
          response: { 200: conferenceListSchema },
        },
      },
      async (req) => listConferences(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/conferences',
      {
        schema: {
          tags,
          summary:
            'Schedule a case conference (any agency of the case team; it organises it): occasion, time, place, participants — agencies (also ones not on the case team), named colleagues, people from outside with their role — and the agenda. Not on a closed case (409). ETag = version.',
          params: idParamsSchema,
          body: conferenceCreateRequestSchema,
          response: { 201: conferenceSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createConference(
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
      '/api/v1/cases/:id/conferences/:conferenceId',
      {
        schema: {
          tags,
          summary: 'One case conference with participants, attendance, agenda, minutes and decisions (with their tasks). ETag = version.',
          params: conferenceParamsSchema,
          response: { 200: conferenceSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getConference(
          deps.db,
          req.actor,
          req.params.id,
          req.params.conferenceId,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.put(
      '/api/v1/cases/:id/conferences/:conferenceId',
      {
        schema: {
          tags,
          summary:
            'Save the whole planned conference (organiser agency or lead agency; If-Match required: 428 without, 412 when stale): title, time, place, participants with attendance, agenda, minutes, decisions for named agencies. Held or cancelled conferences are read-only (409).',
          params: conferenceParamsSchema,
          body: conferenceSaveRequestSchema,
          response: { 200: conferenceSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await saveConference(
          deps.db,
          req.actor,
          req.params.id,
          req.params.conferenceId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/cases/:id/conferences/:conferenceId/finalise',
      {
        schema: {
          tags,
          summary:
            'Finalise the minutes (If-Match): needs minutes and at least one participant who attended; every decision’s agency must be on the case team (400 naming it). The conference is then held and each decision becomes a case task for its agency, in one transaction.',
          params: conferenceParamsSchema,
          response: { 200: conferenceSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await finaliseConference(
          deps.db,
          req.actor,
          req.params.id,
          req.params.conferenceId,
          req.headers['if-match'],
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/cases/:id/conferences/:conferenceId/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a planned conference (organiser agency or lead agency; If-Match). It stays on the case, read-only.',
          params: conferenceParamsSchema,
          response: { 200: conferenceSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await cancelConference(
          deps.db,
          req.actor,
          req.params.id,
          req.params.conferenceId,
          req.headers['if-match'],
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
  };
}
