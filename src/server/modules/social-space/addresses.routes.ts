import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addressCheckRequestSchema,
  addressCreateRequestSchema,
  addressDetailSchema,
  addressListQuerySchema,
  addressListSchema,
} from '../../../shared/contracts/addresses';
import { idParamsSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/app-deps';
import { auditContext } from '../../platform/http/request-context';
import { checkAddress, createAddress, getAddress, listAddressRegister } from './addresses.service';

const tags = ['address register'];

/** The address register (Adressregister) with the deliverability facts of each address. */
export function addressRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/addresses',
      {
        schema: {
          tags,
          summary:
            'Addresses of the register with their deliverability facts: search (street, house number, postal code), filter by district, delivery problem, mail delivery, not checked since a day; sorted, paged. A bare address of people (nothing known about it yet) is not listed. Audited.',
          querystring: addressListQuerySchema,
          response: { 200: addressListSchema },
        },
      },
      async (req) => listAddressRegister(deps.db, req.actor, req.query, auditContext(req, deps.now())),
    );
    app.get(
      '/api/v1/addresses/:id',
      {
        schema: {
          tags,
          summary:
            'One address: facts, point, district and the history of checks (who, when, from which source). A bare address of people only for those who see the contact data of one of them (404 otherwise). Audited. ETag = version.',
          params: idParamsSchema,
          response: { 200: addressDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await getAddress(deps.db, req.actor, req.params.id, auditContext(req, deps.now()));
        return reply.header('etag', etag).send(value);
      },
    );
    app.post(
      '/api/v1/addresses',
      {
        schema: {
          tags,
          summary:
            'Register an address (201); an address already registered under the same normalised key is answered as it is (200). An optional point places it in its district.',
          body: addressCreateRequestSchema,
          response: { 200: addressDetailSchema, 201: addressDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag, created } = await createAddress(
          deps.db,
          req.actor,
          req.body,
          auditContext(req, deps.now()),
        );
        return reply
          .code(created ? 201 : 200)
          .header('etag', etag)
          .send(value);
      },
    );
    app.patch(
      '/api/v1/addresses/:id',
      {
        schema: {
          tags,
          summary:
            'Record a check from casework (If-Match required: 428 without, 412 when stale): the deliverability facts as found, optionally the point (its district follows), a note. Written to the check history.',
          params: idParamsSchema,
          body: addressCheckRequestSchema,
          response: { 200: addressDetailSchema },
        },
      },
      async (req, reply) => {
        const { value, etag } = await checkAddress(
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
  };
}
