import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kldbEntries } from '../../src/shared/domain/profiles/kldb-2010';
import { createTestApp, engine, type Session, type TestApp } from '../support/test-app';

type Occupation = { code: string; level: string; title: string; anforderungsniveau: number | null; path: { code: string }[] };

describe(`reference data for profiles (${engine})`, () => {
  let t: TestApp;
  let soz: Session;

  const search = async (q: string, limit = 20) => {
    const res = await t.request('GET', `/api/v1/reference/occupations?q=${encodeURIComponent(q)}&limit=${limit}`, {
      session: soz,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Occupation[] }>().items;
  };

  beforeAll(async () => {
    t = await createTestApp();
    soz = await t.login('sozialamt');
  });
  afterAll(async () => t.close());

  it('finds the cook by word, case- and umlaut-insensitive, ranked, with its hierarchy path', async () => {
    const koch = await search('Koch');
    expect(koch[0]!.code).toBe('29302');
    expect(koch[0]!.path.map((p) => p.code)).toEqual(['2', '29', '293']);
    expect((await search('KÖCHIN'))[0]!.code).toBe('29302');
    expect((await search('kochin')).map((o) => o.code)).toContain('29302');
    expect((await search('Altenpfleger')).map((o) => o.code)).toEqual(expect.arrayContaining(['82101', '82102']));
    expect((await search('kfz mechatroniker'))[0]!.code.startsWith('2521')).toBe(true);
    expect(await search('xyzzy')).toEqual([]);
  });

  it('finds by code prefix and honours the limit', async () => {
    const byPrefix = await search('293');
    expect(byPrefix.length).toBeGreaterThan(0);
    expect(byPrefix.every((o) => o.code.startsWith('293'))).toBe(true);
    expect(await search('2', 5)).toHaveLength(5);
  });

  it('shows one entry of any level, 404 for an unknown code', async () => {
    const one = await t.request('GET', '/api/v1/reference/occupations/29302', { session: soz });
    expect(one.json<Occupation>()).toMatchObject({ code: '29302', level: 'berufsgattung', anforderungsniveau: 2 });
    const group = await t.request('GET', '/api/v1/reference/occupations/293', { session: soz });
    expect(group.json<Occupation>()).toMatchObject({ level: 'berufsgruppe', title: 'Speisenzubereitung' });
    expect((await t.request('GET', '/api/v1/reference/occupations/99999', { session: soz })).statusCode).toBe(404);
  });

  it('lists ISCED 0–8 and CEFR A1–C2 with the four German skills', async () => {
    const isced = (await t.request('GET', '/api/v1/reference/isced', { session: soz })).json<{ items: { level: number }[] }>();
    expect(isced.items.map((i) => i.level)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const cefr = (await t.request('GET', '/api/v1/reference/cefr', { session: soz })).json<{
      items: { level: string }[];
      skills: { skill: string }[];
    }>();
    expect(cefr.items.map((i) => i.level)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    expect(cefr.skills.map((s) => s.skill)).toEqual(['reading', 'listening', 'writing', 'speaking']);
  });

  it('is refused without profile.read', async () => {
    const steering = await t.login('steuerung');
    expect((await t.request('GET', '/api/v1/reference/occupations?q=Koch', { session: steering })).statusCode).toBe(403);
  });

  it('ships the KldB upper levels complete and at least 300 Berufsgattungen with valid parents', () => {
    const by = (level: string) => kldbEntries.filter((e) => e.level === level);
    expect(by('berufsbereich')).toHaveLength(10);
    expect(by('berufshauptgruppe')).toHaveLength(37);
    expect(by('berufsgruppe')).toHaveLength(144);
    const gattungen = by('berufsgattung');
    expect(gattungen.length).toBeGreaterThanOrEqual(300);
    const codes = new Set(kldbEntries.map((e) => e.code));
    expect(codes.size).toBe(kldbEntries.length);
    for (const e of kldbEntries) {
      if (e.level === 'berufsbereich') continue;
      expect(codes.has(e.parent!), `${e.code} → ${e.parent}`).toBe(true);
    }
    for (const g of gattungen) {
      expect(g.code).toMatch(/^\d{5}$/);
      expect(g.parent).toBe(g.code.slice(0, 3));
      expect(g.anforderungsniveau).toBe(Number(g.code[4]));
    }
    for (const g of by('berufsgruppe')) expect(g.parent).toBe(g.code.slice(0, 2));
  });
});
