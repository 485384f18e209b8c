import os from 'node:os';
import { DUPLICATE_CANDIDATE_THRESHOLD } from '../src/shared/domain/people-matching/duplicate-scoring';
import { processCpuUs, startHost, type BenchOptions, type BenchTable, type Benchmark } from './lib';
import {
  baselineConnections,
  baselineDuplicateCheck,
  baselineSearch,
  calibrateThreshold,
  scoreAnswer,
  SEARCH_THRESHOLD,
  setSimilarityThreshold,
} from './people-baseline';
import {
  buildPopulation,
  duplicateQueries,
  indexOfUuid,
  POPULATION_SEED,
  searchQueries,
  VARIANT_SHARE,
  type DuplicateQuery,
  type SearchQuery,
} from './people-data';
import { BenchHttpClient, latencyOf, timedPool, type Latency, type Session } from './people-http';
import { BENCH_USER, loadPopulation, pgliteTarget, postgresTarget, type BenchTarget } from './people-load';

/** Targets of issue 3. */
const TARGETS = {
  duplicateRecall: 0.95,
  duplicatePrecision: 0.95,
  searchRecallAt10: 0.9,
  duplicateP95Ms: { postgres: 50, pglite: 150 },
} as const;

const SEEDS = { duplicates: 31, searches: 32, calibration: 33, warmUp: 34 } as const;
const CALIBRATION_SIZE = 400;
const WARM_UP = 40;
/** Duplicate checks repeated with one request in flight. */
const SEQUENTIAL = 200;

/** Duplicate-check quality, counted over (registration, candidate) pairs. */
type DuplicateQuality = {
  recall: number;
  precision: number;
  tp: number;
  fp: number;
  fn: number;
  /** Registrations of people not in the population that got at least one candidate. */
  newWithCandidates: number;
  newQueries: number;
};

function duplicateQuality(answers: { truth: number; found: readonly number[] }[]): DuplicateQuality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let newWithCandidates = 0;
  for (const a of answers) {
    const r = scoreAnswer(a.truth, a.found);
    tp += r.tp;
    fp += r.fp;
    fn += r.fn;
    if (a.truth < 0 && a.found.length > 0) newWithCandidates++;
  }
  return {
    recall: tp / Math.max(1, tp + fn),
    precision: tp / Math.max(1, tp + fp),
    tp,
    fp,
    fn,
    newWithCandidates,
    newQueries: answers.filter((a) => a.truth < 0).length,
  };
}

type SearchQuality = { all: number; withDate: number; namesOnly: number; nWithDate: number; nNamesOnly: number };

function searchQuality(queries: readonly SearchQuery[], hits: readonly (readonly number[])[]): SearchQuality {
  const found = queries.map((q, i) => hits[i]!.slice(0, 10).includes(q.truth));
  const share = (pick: (q: SearchQuery) => boolean) => {
    const idx = queries.map((q, i) => (pick(q) ? i : -1)).filter((i) => i >= 0);
    return { rate: idx.filter((i) => found[i]).length / Math.max(1, idx.length), n: idx.length };
  };
  const withDate = share((q) => q.dateOfBirth !== null);
  const namesOnly = share((q) => q.dateOfBirth === null);
  return {
    all: share(() => true).rate,
    withDate: withDate.rate,
    namesOnly: namesOnly.rate,
    nWithDate: withDate.n,
    nNamesOnly: namesOnly.n,
  };
}

type MethodResult = {
  duplicates: DuplicateQuality;
  /** The same answers restricted to the "likely duplicate" band (score ≥ 0.9); engine only. */
  likely: DuplicateQuality | null;
  search: SearchQuality;
  duplicateLatency: Latency;
  searchLatency: Latency;
  /** Engine only: the first checks again with one request in flight (service time without queueing). */
  sequentialLatency: Latency | null;
  /** Engine only: CPU time of the server process per request, ms (PGlite runs inside it; PostgreSQL does not). */
  serverCpuMs: { duplicate: number; search: number } | null;
  errors: number;
};

type EngineResult = {
  engine: 'pglite' | 'postgres';
  loadSeconds: number;
  lotse: MethodResult;
  baseline: MethodResult;
  threshold: { threshold: number; f1: number; recall: number; precision: number };
  loadAverage: { start: number; end: number };
};

type Candidate = { personId: string; band: string };

function searchPath(q: SearchQuery): string {
  const params = new URLSearchParams({ q: q.q, limit: '10' });
  if (q.dateOfBirth !== null) params.set('dateOfBirth', q.dateOfBirth);
  return `/api/v1/people?${params.toString()}`;
}

const checkBody = (q: DuplicateQuery) => ({
  givenNames: q.givenNames,
  familyName: q.familyName,
  dateOfBirth: q.dateOfBirth,
});

const progress = (log: (line: string) => void, what: string, total: number) => (done: number) => {
  if (done % 250 === 0 || done === total) log(`    ${what}: ${done}/${total}`);
};

/** The application over HTTP: sign in as the demo caseworker, then duplicate checks and searches. */
async function measureLotse(
  target: BenchTarget,
  queries: { duplicates: DuplicateQuery[]; searches: SearchQuery[]; warmUp: DuplicateQuery[] },
  options: BenchOptions,
  log: (line: string) => void,
): Promise<MethodResult> {
  const host = await startHost<{ url: string }>('people-server.ts', target.hostArgs);
  const client = new BenchHttpClient(host.info.url, options.concurrency);
  try {
    const session: Session = await client.login(BENCH_USER);
    let errors = 0;
    const check = async (q: DuplicateQuery): Promise<Candidate[]> => {
      const res = await client.request('POST', '/api/v1/people/duplicate-check', { session, body: checkBody(q) });
      if (res.status !== 200) {
        errors++;
        return [];
      }
      return (JSON.parse(res.body) as { candidates: Candidate[] }).candidates;
    };
    const search = async (q: SearchQuery): Promise<number[]> => {
      const res = await client.request('GET', searchPath(q), { session });
      if (res.status !== 200) {
        errors++;
        return [];
      }
      return (JSON.parse(res.body) as { items: { person: { id: string } }[] }).items.map((i) =>
        indexOfUuid(i.person.id),
      );
    };
    // Warm-up (not counted): JIT, caches, the first queries' plans.
    await timedPool(queries.warmUp, options.concurrency, check);
    await timedPool(
      queries.warmUp.map((q) => ({ q: `${q.givenNames} ${q.familyName}`, dateOfBirth: null, truth: -1 })),
      options.concurrency,
      search,
    );
    errors = 0;
    const cpu = () => processCpuUs(host.pid);
    log(`    HTTP: ${queries.duplicates.length} duplicate checks, ${options.concurrency} in flight`);
    const cpu0 = cpu();
    const checks = await timedPool(
      queries.duplicates,
      options.concurrency,
      check,
      progress(log, 'duplicate checks', queries.duplicates.length),
    );
    const cpu1 = cpu();
    log(`    HTTP: ${queries.searches.length} searches, ${options.concurrency} in flight`);
    const searches = await timedPool(
      queries.searches,
      options.concurrency,
      search,
      progress(log, 'searches', queries.searches.length),
    );
    const cpu2 = cpu();
    const sequential = queries.duplicates.slice(0, SEQUENTIAL);
    log(`    HTTP: ${sequential.length} duplicate checks again, one at a time`);
    const single = await timedPool(sequential, 1, check);
    const perRequest = (from: number | null, to: number | null, n: number) =>
      from === null || to === null ? null : (to - from) / 1000 / Math.max(1, n);
    const cpuDuplicate = perRequest(cpu0, cpu1, checks.length);
    const cpuSearch = perRequest(cpu1, cpu2, searches.length);
    return {
      duplicates: duplicateQuality(
        queries.duplicates.map((q, i) => ({
          truth: q.truth,
          found: checks[i]!.result.map((c) => indexOfUuid(c.personId)),
        })),
      ),
      likely: duplicateQuality(
        queries.duplicates.map((q, i) => ({
          truth: q.truth,
          found: checks[i]!.result.filter((c) => c.band === 'likely_duplicate').map((c) => indexOfUuid(c.personId)),
        })),
      ),
      search: searchQuality(
        queries.searches,
        searches.map((s) => s.result),
      ),
      duplicateLatency: latencyOf(checks.map((c) => c.ms)),
      searchLatency: latencyOf(searches.map((s) => s.ms)),
      sequentialLatency: latencyOf(single.map((c) => c.ms)),
      serverCpuMs: cpuDuplicate === null || cpuSearch === null ? null : { duplicate: cpuDuplicate, search: cpuSearch },
      errors,
    };
  } finally {
    client.close();
    await host.stop();
  }
}

/** The pg_trgm baseline as SQL from this process, on the same database. */
async function measureBaseline(
  target: BenchTarget,
  queries: { duplicates: DuplicateQuery[]; searches: SearchQuery[]; calibration: DuplicateQuery[] },
  options: BenchOptions,
  log: (line: string) => void,
): Promise<{ result: MethodResult; threshold: EngineResult['threshold'] }> {
  const database = await target.open();
  const postgresUrl = target.engine === 'postgres' ? target.hostArgs[1] : undefined;
  const connections = await baselineConnections(database, postgresUrl, options.concurrency);
  try {
    const calibrationStarted = performance.now();
    const threshold = await calibrateThreshold(database.db, queries.calibration);
    log(
      `    baseline calibration on ${queries.calibration.length} other registrations: similarity ≥ ${threshold.threshold} ` +
        `(F1 ${threshold.f1.toFixed(3)}) in ${((performance.now() - calibrationStarted) / 1000).toFixed(1)} s`,
    );
    await setSimilarityThreshold(connections, threshold.threshold);
    const checks = await timedPool(
      queries.duplicates,
      options.concurrency,
      (q, w) => baselineDuplicateCheck(connections.workers[w]!, q, threshold.threshold),
      progress(log, 'baseline duplicate checks', queries.duplicates.length),
    );
    await setSimilarityThreshold(connections, SEARCH_THRESHOLD);
    const searches = await timedPool(
      queries.searches,
      options.concurrency,
      (q, w) => baselineSearch(connections.workers[w]!, q),
      progress(log, 'baseline searches', queries.searches.length),
    );
    return {
      threshold,
      result: {
        duplicates: duplicateQuality(queries.duplicates.map((q, i) => ({ truth: q.truth, found: checks[i]!.result }))),
        likely: null,
        search: searchQuality(
          queries.searches,
          searches.map((s) => s.result),
        ),
        duplicateLatency: latencyOf(checks.map((c) => c.ms)),
        searchLatency: latencyOf(searches.map((s) => s.ms)),
        sequentialLatency: null,
        serverCpuMs: null,
        errors: 0,
      },
    };
  } finally {
    await connections.close();
    await database.close();
  }
}

async function measureEngine(
  target: BenchTarget,
  population: ReturnType<typeof buildPopulation>,
  queries: {
    duplicates: DuplicateQuery[];
    searches: SearchQuery[];
    calibration: DuplicateQuery[];
    warmUp: DuplicateQuery[];
  },
  options: BenchOptions,
  log: (line: string) => void,
): Promise<EngineResult> {
  const loadStart = os.loadavg()[0]!;
  try {
    log(`  ${target.engine}: loading ${population.length.toLocaleString('en-US')} people`);
    const database = await target.open();
    let loadSeconds: number;
    try {
      loadSeconds = (await loadPopulation(database, population, log)).seconds;
    } finally {
      // PGlite allows one process per data directory: the server host opens it next.
      await database.close();
    }
    const lotse = await measureLotse(target, queries, options, log);
    const { result: baseline, threshold } = await measureBaseline(target, queries, options, log);
    return {
      engine: target.engine,
      loadSeconds,
      lotse,
      baseline,
      threshold,
      loadAverage: { start: loadStart, end: os.loadavg()[0]! },
    };
  } finally {
    await target.dispose();
  }
}

const f3 = (x: number) => x.toFixed(3);
const ms = (l: Latency) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.p99.toFixed(1)}`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'BELOW TARGET');
const atLeast = (x: number, target: number) => `${f3(x)} ${verdict(x >= target)}`;

function engineTable(r: EngineResult): BenchTable {
  const { lotse: l, baseline: b } = r;
  const p95Target = TARGETS.duplicateP95Ms[r.engine];
  return {
    title: `${r.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}: Lotse over HTTP vs plain pg_trgm (SQL)`,
    columns: ['figure', 'Lotse (HTTP, signed in)', 'pg_trgm baseline (SQL, no HTTP)', 'target'],
    rows: [
      [
        'duplicate check recall, full date of birth',
        atLeast(l.duplicates.recall, TARGETS.duplicateRecall),
        atLeast(b.duplicates.recall, TARGETS.duplicateRecall),
        `≥ ${TARGETS.duplicateRecall}`,
      ],
      [
        'duplicate check precision, full date of birth',
        atLeast(l.duplicates.precision, TARGETS.duplicatePrecision),
        atLeast(b.duplicates.precision, TARGETS.duplicatePrecision),
        `≥ ${TARGETS.duplicatePrecision}`,
      ],
      [
        'duplicate check TP / FP / FN (new people with a candidate)',
        `${l.duplicates.tp} / ${l.duplicates.fp} / ${l.duplicates.fn} (${l.duplicates.newWithCandidates} of ${l.duplicates.newQueries})`,
        `${b.duplicates.tp} / ${b.duplicates.fp} / ${b.duplicates.fn} (${b.duplicates.newWithCandidates} of ${b.duplicates.newQueries})`,
        '',
      ],
      [
        'likely-duplicate band (score ≥ 0.9) recall / precision',
        l.likely ? `${f3(l.likely.recall)} / ${f3(l.likely.precision)}` : 'n/a',
        'n/a',
        '',
      ],
      [
        'search recall@10, all searches',
        atLeast(l.search.all, TARGETS.searchRecallAt10),
        atLeast(b.search.all, TARGETS.searchRecallAt10),
        `≥ ${TARGETS.searchRecallAt10}`,
      ],
      [
        `… with dateOfBirth (${l.search.nWithDate})`,
        atLeast(l.search.withDate, TARGETS.searchRecallAt10),
        atLeast(b.search.withDate, TARGETS.searchRecallAt10),
        `≥ ${TARGETS.searchRecallAt10}`,
      ],
      [
        `… names only (${l.search.nNamesOnly})`,
        atLeast(l.search.namesOnly, TARGETS.searchRecallAt10),
        atLeast(b.search.namesOnly, TARGETS.searchRecallAt10),
        `≥ ${TARGETS.searchRecallAt10}`,
      ],
      [
        'duplicate check latency p50 / p95 / p99 ms',
        `${ms(l.duplicateLatency)} ${verdict(l.duplicateLatency.p95 <= p95Target)}`,
        `${ms(b.duplicateLatency)} ${verdict(b.duplicateLatency.p95 <= p95Target)}`,
        `p95 ≤ ${p95Target} ms`,
      ],
      ['search latency p50 / p95 / p99 ms', ms(l.searchLatency), ms(b.searchLatency), ''],
      [
        `duplicate check latency, one in flight (${l.sequentialLatency?.count ?? 0} checks)`,
        l.sequentialLatency ? ms(l.sequentialLatency) : 'n/a',
        '–',
        '',
      ],
      [
        `server process CPU per duplicate check / search, ms${r.engine === 'postgres' ? ' (without PostgreSQL)' : ''}`,
        l.serverCpuMs ? `${l.serverCpuMs.duplicate.toFixed(1)} / ${l.serverCpuMs.search.toFixed(1)}` : 'n/a',
        '–',
        '',
      ],
      ['failed requests (not 200)', String(l.errors), '–', '0'],
    ],
  };
}

function passes(r: EngineResult): boolean {
  const l = r.lotse;
  return (
    l.duplicates.recall >= TARGETS.duplicateRecall &&
    l.duplicates.precision >= TARGETS.duplicatePrecision &&
    l.search.all >= TARGETS.searchRecallAt10 &&
    l.duplicateLatency.p95 <= TARGETS.duplicateP95Ms[r.engine] &&
    l.errors === 0
  );
}

/**
 * Issue 3's quality and speed benchmark: a synthetic population (default 100,000 people from the
 * matching engine's generator), loaded into a fresh database per engine, queried over HTTP as the
 * demo caseworker, and the same queries as plain pg_trgm SQL for reference.
 */
export const peopleBenchmark: Benchmark = {
  name: 'people',
  description:
    'People duplicate check and search: Lotse over HTTP vs a plain pg_trgm similarity baseline, synthetic population, PGlite and PostgreSQL',
  run: async (options, log) => {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const started = performance.now();
    log(`  generating ${options.people.toLocaleString('en-US')} synthetic people (seed ${POPULATION_SEED})`);
    const population = buildPopulation(options.people);
    const queries = {
      duplicates: duplicateQueries(population, options.queries, SEEDS.duplicates),
      searches: searchQueries(population, options.queries, SEEDS.searches),
      calibration: duplicateQueries(population, Math.min(CALIBRATION_SIZE, options.queries), SEEDS.calibration),
      warmUp: duplicateQueries(population, WARM_UP, SEEDS.warmUp),
    };
    const results: EngineResult[] = [];
    results.push(await measureEngine(pgliteTarget(), population, queries, options, log));
    const notes: string[] = [];
    if (adminUrl) {
      try {
        results.push(await measureEngine(await postgresTarget(adminUrl), population, queries, options, log));
      } catch (err) {
        // PGlite's figures stand on their own; a PostgreSQL server that is down is reported, not fatal.
        log(`  PostgreSQL could not be measured: ${err instanceof Error ? err.message : String(err)}`);
        notes.push(`PostgreSQL could not be measured: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else {
      log('  PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure it too');
      notes.push('PostgreSQL not measured: neither BENCH_DATABASE_URL nor TEST_DATABASE_URL was set.');
    }
    const dupNew = queries.duplicates.filter((q) => q.truth < 0).length;
    notes.unshift(
      `Population: ${population.length.toLocaleString('en-US')} synthetic people (generatePopulation, seed ${POPULATION_SEED}; ` +
        `${Math.round(VARIANT_SHARE * 100)} % with one stored transliteration variant), all registered by the agency of the demo user ` +
        `"${BENCH_USER}", who signs in over HTTP.`,
      `Duplicate checks: ${queries.duplicates.length} POST /api/v1/people/duplicate-check with givenNames, familyName and a full ` +
        `date of birth – ${queries.duplicates.length - dupNew} re-spellings of stored people as another office would write them ` +
        `(respellAsOtherOffice: other transliteration, swapped names, dropped particle or middle name, typo, the date re-entered ` +
        `as the same day, day/month swapped, one day off or year ±1) and ${dupNew} people who are not in the population.`,
      'Precision and recall count (registration, candidate) pairs: a returned candidate that is the re-spelled person is a true ' +
        'positive; every other returned candidate – for a re-spelling or for a person not in the population – is a false ' +
        'positive; a re-spelling whose person is not returned is a false negative. Lotse returns candidates from score ' +
        `${DUPLICATE_CANDIDATE_THRESHOLD} (full date of birth); the baseline returns people with the same date of birth and name similarity ≥ its threshold.`,
      `Searches: ${queries.searches.length} GET /api/v1/people?q=…&limit=10 with the re-spelled names in either order ` +
        '(family name first in 30 %), with the re-entered date of birth as dateOfBirth in 70 % (any precision), names only ' +
        'otherwise; recall@10 = share of searches whose person is among the first 10 results.',
      `Latency from the client side, ${options.concurrency} requests in flight (after ${WARM_UP} + ${WARM_UP} warm-up requests), ` +
        'the server in its own process (bench/people-server.ts, logging off). The baseline runs the same queries as SQL from ' +
        'the benchmark process with the same number in flight (PostgreSQL: one connection each; PGlite: its one session) – ' +
        'without HTTP, session, access check, audit or ranking, so its latency is a lower bound for that method. ' +
        `The first ${SEQUENTIAL} duplicate checks are sent once more one at a time (latency without queueing), and the ` +
        "server process's CPU time per request is read from /proc (on PostgreSQL the database's own CPU is not in it).",
      ...results.map(
        (r) =>
          `${r.engine}: load ${r.loadSeconds.toFixed(1)} s; baseline duplicate threshold similarity ≥ ${r.threshold.threshold} ` +
          `(best F1 ${f3(r.threshold.f1)}, R ${f3(r.threshold.recall)} / P ${f3(r.threshold.precision)} on ${queries.calibration.length} ` +
          `separate calibration registrations); search baseline uses pg_trgm's default threshold ${SEARCH_THRESHOLD}; ` +
          `load average ${r.loadAverage.start.toFixed(2)} → ${r.loadAverage.end.toFixed(2)}.`,
      ),
      `Total time ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    );
    return {
      name: peopleBenchmark.name,
      description: peopleBenchmark.description,
      subject: 'lotse',
      reference: 'pg_trgm',
      ratio: null,
      cpuRatio: null,
      target: null,
      verdict: results.every(passes) ? 'PASS' : 'BELOW TARGET',
      measurements: [],
      tables: results.map(engineTable),
      notes,
    };
  },
};
