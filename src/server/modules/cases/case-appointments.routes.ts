import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  appointmentCreateRequestSchema,
  appointmentListQuerySchema,
  appointmentListSchema,
  appointmentParamsSchema,
  appointmentSchema,
  appointmentUpdateRequestSchema,
  myAppointmentListSchema,
  myAppointmentsQuerySchema,
} from '../../../shared/contracts/case-records';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import {
  createAppointment,
  listAppointments,
  listMyAppointments,
  updateAppointment,
} from './case-appointments.service';

const tags = ['case appointments'];

/** Appointments (Termine) of a case, and the caller's appointments across cases. */
export function caseAppointmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/cases/:id/appointments',
      {
        schema: {
          tags,
          summary:
            'Upcoming (soonest first) or past (latest first) appointments of the case, with agency, named colleague, interpreter language and status; paged.',
          params: idParamsSchema,
          querystring: appointmentListQuerySchema,
          response: { 200: appointmentListSchema },
        },
      },
      async (req) => listAppointments(deps.db, req.actor, req.params.id, req.query, auditContext(req, deps.now())),
    );
    app.post(
      '/api/v1/cases/:id/appointments',
      {
        schema: {
          tags,
          summary:
            'Schedule an appointment on an open case: kind, title, start (at most one day in the past), optional end (after the start, at most 24 h), location, an agency of the current team (default the caller’s) and optionally a named colleague of it, interpreter language. Starts as planned. ETag = version.',
          params: idParamsSchema,
          body: appointmentCreateRequestSchema,
          response: { 201: appointmentSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createAppointment(
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
      '/api/v1/cases/:id/appointments/:appointmentId',
      {
        schema: {
          tags,
          summary:
            'Change an appointment or its status (If-Match required: 428 without, 412 when stale). planned → held | missed (once started) | cancelled; a past appointment never returns to planned (409). Not on a closed case.',
          params: appointmentParamsSchema,
          body: appointmentUpdateRequestSchema,
          response: { 200: appointmentSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await updateAppointment(
          deps.db,
          req.actor,
          req.params.id,
          req.params.appointmentId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.get(
      '/api/v1/appointments',
      {
        schema: {
          tags,
          summary:
            'My appointments across cases (scope mine: naming me; team: also my agency’s without a named colleague) in a range of days (default today and the next 14 days, at most 92), only on cases my agency is on the team of; planned ones unless status=all; with case reference and person; soonest first, paged.',
          querystring: myAppointmentsQuerySchema,
          response: { 200: myAppointmentListSchema },
        },
      },
      async (req) => listMyAppointments(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
  };
}
