import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  caseCreateRequestSchema,
  caseListQuerySchema,
  caseListSchema,
  caseMemberParamsSchema,
  casePhaseChangeRequestSchema,
  caseReassignRequestSchema,
  caseReopenRequestSchema,
  caseSchema,
  caseTeamMemberAddRequestSchema,
  caseTeamMemberEndRequestSchema,
  caseTimelineQuerySchema,
  caseTimelineSchema,
  caseUpdateRequestSchema,
  caseWorkloadQuerySchema,
  caseWorkloadSchema,
  personCaseListSchema,
} from '../../../shared/contracts/cases';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { assessmentRoutes } from './assessments.routes';
import { caseRecordRoutes } from './case-records.routes';
import { casePlanRoutes } from './case-plans.routes';
import { caseConferenceRoutes } from './case-conferences.routes';
import { caseTaskRoutes } from './case-tasks.routes';
import { caseTimeline } from './case-timeline';
import { caseWorkload } from './case-workload';
import {
  addTeamMember,
  changeCase,
  changePhase,
  createCase,
  endTeamMember,
  getCase,
  listCases,
  listPersonCases,
  reassignCase,
  reopenCase,
} from './cases.service';

const tags = ['cases'];

export function caseRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/cases',
      {
        schema: {
          tags,
          summary:
            'Open a case (Fall) for a person visible to the caller, optionally for the whole household. Starts in the phase intake with reference F-YYYY-NNNNN; the lead case manager (default: the caller, else an active caseworker of the caller’s agency) makes the agency the lead team member; further agencies may join at once. ETag = version.',
          body: caseCreateRequestSchema,
          response: { 201: caseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await createCase(deps.db, req.actor, req.body, auditContext(req, deps.now()));
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.get(
      '/api/v1/cases',
      {
        schema: {
          tags,
          summary:
            'Cases whose current team includes the caller’s agency: scope mine (lead or named on the team), team (the lead is in the caller’s team) or agency; filter by status, phase, person or text (reference, title, name); sorted and paged.',
          querystring: caseListQuerySchema,
          response: { 200: caseListSchema },
        },
      },
      async (req) => listCases(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/cases/workload',
      {
        schema: {
          tags,
          summary:
            'Team leads: open cases per lead case manager and cases per phase, for the own team (default when the team lead has one) or the whole agency. Overdue tasks arrive with tasks.',
          querystring: caseWorkloadQuerySchema,
          response: { 200: caseWorkloadSchema },
        },
      },
      async (req) => caseWorkload(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/cases/:id',
      {
        schema: {
          tags,
          summary:
            'One case with its team (current and former members), closure, entry-condition facts and the caller’s actions; 404 unless the caller’s agency is on the current team. ETag = version.',
          params: idParamsSchema,
          response: { 200: caseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getCase(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply.header('etag', etag).send(value);
      },
    );
    app.patch(
      '/api/v1/cases/:id',
      {
        schema: {
          tags,
          summary:
            'Change the title or the household of a case (lead agency only; If-Match required: 428 without, 412 when stale).',
          params: idParamsSchema,
          body: caseUpdateRequestSchema,
          response: { 200: caseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await changeCase(
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
    app.post(
      '/api/v1/cases/:id/phase',
      {
        schema: {
          tags,
          summary:
            'Move the phase (lead agency only; If-Match required): one step forward; one step back with reason; closure from any open phase with closureReason and outcome. Planning and later phases need a completed assessment. 400 for missing input, 409 for a move the case does not allow, each with the explanation as a field error.',
          params: idParamsSchema,
          body: casePhaseChangeRequestSchema,
          response: { 200: caseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await changePhase(
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
    app.post(
      '/api/v1/cases/:id/reopen',
      {
        schema: {
          tags,
          summary:
            'Reopen a closed case in a chosen earlier phase with a reason (lead agency only; If-Match required). The closure stays on the timeline.',
          params: idParamsSchema,
          body: caseReopenRequestSchema,
          response: { 200: caseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await reopenCase(
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
    app.post(
      '/api/v1/cases/:id/team',
      {
        schema: {
          tags,
          summary:
            'Add an agency to the case team as participant or consulted, optionally with a named active colleague of that agency (lead agency only; an agency is on the team once at a time; not on a closed case). The agency then sees the case and the person. If-Match optional.',
          params: idParamsSchema,
          body: caseTeamMemberAddRequestSchema,
          response: { 201: caseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await addTeamMember(
          deps.db,
          req.actor,
          req.params.id,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.code(201).header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/cases/:id/team/:memberId/end',
      {
        schema: {
          tags,
          summary:
            'End a team membership (lead agency only; the row stays as history). The lead membership cannot be ended — reassign instead. The agency no longer sees the case. If-Match optional.',
          params: caseMemberParamsSchema,
          body: caseTeamMemberEndRequestSchema,
          response: { 200: caseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await endTeamMember(
          deps.db,
          req.actor,
          req.params.id,
          req.params.memberId,
          req.headers['if-match'],
          req.body,
          auditContext(req, deps.now()),
        );
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/cases/:id/reassign',
      {
        schema: {
          tags,
          summary:
            'Team leads of the lead agency: hand the case to another lead case manager with a reason — a colleague of the agency, or a caseworker of an agency on the team (that agency then leads; the former lead agency stays as participant). If-Match optional.',
          params: idParamsSchema,
          body: caseReassignRequestSchema,
          response: { 200: caseSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await reassignCase(
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
    app.get(
      '/api/v1/cases/:id/timeline',
      {
        schema: {
          tags,
          summary:
            'The history of the case, newest first, with actor and agency; filter by kind and by the acting agency; paged.',
          params: idParamsSchema,
          querystring: caseTimelineQuerySchema,
          response: { 200: caseTimelineSchema },
        },
      },
      async (req) => caseTimeline(deps.db, req.actor, req.params.id, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/people/:id/cases',
      {
        schema: {
          tags,
          summary: 'The cases of a person whose current team includes the caller’s agency, newest first.',
          params: idParamsSchema,
          response: { 200: personCaseListSchema },
        },
      },
      async (req) => listPersonCases(deps.db, req.actor, req.params.id, auditContext(req, deps.now())),
    );
    await app.register(assessmentRoutes(deps));
    await app.register(caseRecordRoutes(deps));
    await app.register(casePlanRoutes(deps));
    await app.register(caseTaskRoutes(deps));
    await app.register(caseConferenceRoutes(deps));
  };
}
