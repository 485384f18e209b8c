import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app-deps';
import { caseAppointmentRoutes } from './case-appointments.routes';
import { caseDocumentRoutes } from './case-documents.routes';
import { caseNoteRoutes } from './case-notes.routes';

/** Notes, documents and appointments of a case (each its own plugin: documents bring their own body parser). */
export function caseRecordRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(caseNoteRoutes(deps));
    await app.register(caseDocumentRoutes(deps));
    await app.register(caseAppointmentRoutes(deps));
  };
}
