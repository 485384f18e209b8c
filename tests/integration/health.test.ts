import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routePolicy } from '../../src/server/platform/access/route-policy';
import { createTestApp, engine, type TestApp } from '../support/test-app';

describe('health and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reports ok with the engine in use', async () => {
    const res = await t.request('GET', '/api/v1/health');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ status: string; database: string; version: string }>();
    expect(body).toMatchObject({ status: 'ok', database: engine });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 when the database is gone', async () => {
    const own = await createTestApp({ seed: false });
    await own.database.close();
    const res = await own.request('GET', '/api/v1/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable' });
    await own.app.close();
  });

  it('serves an OpenAPI 3.1 document that lists every API route', async () => {
    const res = await t.request('GET', '/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/auth/login']?.post).toBeDefined();
    expect(doc.paths['/api/v1/users/{id}']?.patch).toBeDefined();
    expect(doc.paths['/api/v1/audit/verify']?.get).toBeDefined();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const apiRoutes = Object.keys(routePolicy).filter((k) => k !== 'GET /*' && k !== 'GET /api/v1/openapi.json');
    expect(documented.sort()).toEqual(apiRoutes.sort());
  });

  it('documents request bodies from the zod schemas', async () => {
    const doc = (await t.request('GET', '/api/v1/openapi.json')).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>>;
    }>();
    const login = doc.paths['/api/v1/auth/login']?.post?.requestBody?.content['application/json']?.schema;
    expect(login?.properties).toHaveProperty('username');
    expect(login?.properties).toHaveProperty('password');
  });
});
