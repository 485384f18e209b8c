import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  cefrListSchema,
  iscedListSchema,
  occupationCodeParamsSchema,
  occupationListSchema,
  occupationSchema,
  occupationSearchQuerySchema,
  type Occupation,
} from '../../../shared/contracts/profiles';
import { cefrDescriptors, cefrLevels, germanSkillLabels, germanSkills } from '../../../shared/domain/profiles/cefr';
import { iscedLabels, iscedLevels } from '../../../shared/domain/profiles/isced';
import { kldbEntry, kldbPath, searchOccupations, type KldbEntry } from '../../../shared/domain/profiles/kldb-2010';
import { check } from '../../platform/access/access';
import { AppError } from '../../platform/errors/app-error';
import type { AppDeps } from '../../platform/http/app-deps';

const tags = ['reference data'];

function present(e: KldbEntry): Occupation {
  return {
    code: e.code,
    level: e.level,
    title: e.title,
    anforderungsniveau: e.anforderungsniveau,
    terms: [...e.terms],
    path: kldbPath(e.code)
      .slice(0, -1)
      .map((p) => ({ code: p.code, level: p.level, title: p.title })),
  };
}

/**
 * Reference data shipped with Lotse for competence profiles: KldB 2010, ISCED 2011, CEFR. No
 * social data, so not audited; readable with profile.read.
 */
export function referenceDataRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/reference/occupations',
      {
        schema: {
          tags,
          summary:
            'Search the KldB 2010 Berufsgattungen by code prefix or words (case- and umlaut-insensitive, ranked), each with its hierarchy path.',
          querystring: occupationSearchQuerySchema,
          response: { 200: occupationListSchema },
        },
      },
      async (req) => {
        await check(deps.db, req.actor, 'profile.read');
        return { items: searchOccupations(req.query.q, req.query.limit).map(present) };
      },
    );
    app.get(
      '/api/v1/reference/occupations/:code',
      {
        schema: {
          tags,
          summary: 'One KldB 2010 entry (any level) with its hierarchy path; 404 for an unknown code.',
          params: occupationCodeParamsSchema,
          response: { 200: occupationSchema },
        },
      },
      async (req) => {
        await check(deps.db, req.actor, 'profile.read');
        const e = kldbEntry(req.params.code);
        if (!e) throw new AppError('NOT_FOUND');
        return present(e);
      },
    );
    app.get(
      '/api/v1/reference/isced',
      { schema: { tags, summary: 'ISCED 2011 levels 0–8 with labels.', response: { 200: iscedListSchema } } },
      async (req) => {
        await check(deps.db, req.actor, 'profile.read');
        return { items: iscedLevels.map((level) => ({ level, ...iscedLabels[level] })) };
      },
    );
    app.get(
      '/api/v1/reference/cefr',
      {
        schema: {
          tags,
          summary: 'CEFR levels A1–C2 with descriptors, and the four German skills a profile records.',
          response: { 200: cefrListSchema },
        },
      },
      async (req) => {
        await check(deps.db, req.actor, 'profile.read');
        return {
          items: cefrLevels.map((level) => ({ level, ...cefrDescriptors[level] })),
          skills: germanSkills.map((skill) => ({ skill, ...germanSkillLabels[skill] })),
        };
      },
    );
  };
}
