import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { MeasureKind } from '../../../shared/contracts/measures';
import type { Db } from '../../db/client';
import { agencies, districts, measures } from '../../db/schema';

export type MeasureRow = typeof measures.$inferSelect;
export type MeasureValues = Omit<typeof measures.$inferInsert, 'id' | 'version'>;

/** A measure with the names and the place count its presentation needs. */
export type MeasureRecord = {
  measure: MeasureRow;
  agencyName: string;
  districtName: string | null;
  occupiedPlaces: number;
};

/** Referrals to the measure that hold a place: accepted or started. */
const occupiedSql = sql<number>`(select count(*) from referrals r where r.measure_id = ${measures.id} and r.status in ('accepted', 'started'))`;

const recordColumns = {
  measure: measures,
  agencyName: agencies.name,
  districtName: districts.name,
  occupiedPlaces: occupiedSql.mapWith(Number),
};

function baseQuery(db: Db) {
  return db
    .select(recordColumns)
    .from(measures)
    .innerJoin(agencies, eq(agencies.id, measures.agencyId))
    .leftJoin(districts, eq(districts.id, measures.districtId));
}

/** `%` and `_` in a search term are searched literally. */
const likeTerm = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type MeasureFilters = {
  q?: string;
  kind?: MeasureKind;
  agencyId?: string;
  active: 'true' | 'false' | 'all';
  hasPlaces?: boolean;
};

function filterSql(f: MeasureFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.q) {
    const term = likeTerm(f.q);
    parts.push(
      or(
        ilike(measures.title, term),
        ilike(measures.provider, term),
        ilike(measures.location, term),
        ilike(measures.description, term),
      ),
    );
  }
  if (f.kind) parts.push(eq(measures.kind, f.kind));
  if (f.agencyId) parts.push(eq(measures.agencyId, f.agencyId));
  if (f.active !== 'all') parts.push(eq(measures.active, f.active === 'true'));
  if (f.hasPlaces === true) parts.push(sql`(${measures.places} is null or ${measures.places} > ${occupiedSql})`);
  if (f.hasPlaces === false) parts.push(sql`(${measures.places} is not null and ${measures.places} <= ${occupiedSql})`);
  return and(...parts);
}

const sortColumns = {
  title: measures.title,
  startsOn: measures.startsOn,
  kind: measures.kind,
  provider: measures.provider,
  updatedAt: measures.updatedAt,
} as const;

export async function listMeasureRecords(
  db: Db,
  filters: MeasureFilters,
  sort: keyof typeof sortColumns,
  dir: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: MeasureRecord[]; total: number }> {
  const where = filterSql(filters);
  const order = dir === 'asc' ? asc : desc;
  const primary =
    sort === 'startsOn'
      ? sql`${measures.startsOn} ${sql.raw(dir)} nulls last`
      : order(sortColumns[sort]);
  const [rows, totals] = await Promise.all([
    baseQuery(db).where(where).orderBy(primary, asc(measures.title), asc(measures.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(measures).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export async function findMeasureRecord(db: Db, id: string): Promise<MeasureRecord | undefined> {
  const [row] = await baseQuery(db).where(eq(measures.id, id)).limit(1);
  return row;
}

/** Every active measure (the catalogue is small: tens, not thousands), by title. */
export async function activeMeasureRecords(db: Db): Promise<MeasureRecord[]> {
  return baseQuery(db).where(eq(measures.active, true)).orderBy(asc(measures.title), asc(measures.id));
}

export async function lockMeasure(tx: Db, id: string): Promise<MeasureRow | undefined> {
  const [row] = await tx.select().from(measures).where(eq(measures.id, id)).limit(1).for('update');
  return row;
}

export async function insertMeasure(tx: Db, values: MeasureValues): Promise<MeasureRow> {
  const [row] = await tx.insert(measures).values(values).returning();
  return row!;
}

export async function updateMeasureIfVersion(
  tx: Db,
  id: string,
  version: number,
  values: Partial<MeasureValues>,
): Promise<MeasureRow | undefined> {
  const [row] = await tx
    .update(measures)
    .set({ ...values, version: sql`${measures.version} + 1` })
    .where(and(eq(measures.id, id), eq(measures.version, version)))
    .returning();
  return row;
}

export async function districtExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, id)).limit(1);
  return row !== undefined;
}
