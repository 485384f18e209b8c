/**
 * `npm run bench`: runs the benchmarks, prints a table with each subject's ratio against a reference
 * measured in the same run, and writes bench/results/<timestamp>.json and bench/results/latest.md.
 * Benchmarks report; they never fail the build (architecture convention 10). Exit 1 only if a
 * benchmark could not run.
 *
 *   npm run bench                       all benchmarks
 *   npm run bench -- health             only the named ones
 *   npm run bench -- --duration 8 --warmup 3 --connections 10
 *   npm run bench -- people --people 20000 --queries 300 --concurrency 4
 *
 * Add a benchmark: write bench/<name>.bench.ts exporting a `Benchmark`, and add it to `benchmarks`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { healthBenchmark } from './health.bench';
import { benchDir, type BenchOptions, type BenchResult, type BenchTable, type Benchmark } from './lib';
import { peopleBenchmark } from './people.bench';

const benchmarks: Benchmark[] = [healthBenchmark, peopleBenchmark];

function parseArgs(argv: string[]): { options: BenchOptions; only: string[] } {
  const options: BenchOptions = {
    connections: 10,
    warmupSeconds: 3,
    durationSeconds: 8,
    people: 100_000,
    queries: 1_000,
    concurrency: 4,
  };
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${arg} needs a positive number`);
      return v;
    };
    if (arg === '--connections') options.connections = Math.round(num());
    else if (arg === '--duration') options.durationSeconds = num();
    else if (arg === '--warmup') options.warmupSeconds = num();
    else if (arg === '--people') options.people = Math.round(num());
    else if (arg === '--queries') options.queries = Math.round(num());
    else if (arg === '--concurrency') options.concurrency = Math.round(num());
    else if (arg === '--') continue;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else only.push(arg);
  }
  const unknown = only.filter((n) => !benchmarks.some((b) => b.name === n));
  if (unknown.length)
    throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`);
  return { options, only };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function environment() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** Cells padded to their column's width, for the console. */
function textTable(t: BenchTable): string[] {
  const widths = t.columns.map((c, i) => Math.max(c.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => ` ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')}`;
  return [` ${t.title}`, line(t.columns), ` ${widths.map((w) => '-'.repeat(w)).join('-+-')}`, ...t.rows.map(line)];
}

function markdownTable(t: BenchTable): string[] {
  return [
    `### ${t.title}`,
    '',
    `| ${t.columns.join(' | ')} |`,
    `|${t.columns.map(() => '---').join('|')}|`,
    ...t.rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

function markdown(
  results: BenchResult[],
  env: ReturnType<typeof environment>,
  endLoad: number[],
  options: BenchOptions,
): string {
  const lines = [
    `# Benchmark results (${new Date().toISOString()})`,
    '',
    `Node ${env.node}, ${env.platform}, ${env.cpu}; load average at start ${env.loadAverage.join(' / ')}, at end ${endLoad.map((l) => l.toFixed(2)).join(' / ')}.`,
    ...(results.some((r) => r.measurements.length > 0)
      ? [
          `autocannon on 127.0.0.1, ${options.connections} connections, ${options.warmupSeconds} s warm-up per target, ${options.durationSeconds} s per measured run.`,
        ]
      : []),
    '',
    '| benchmark | subject ÷ reference (throughput) | target | verdict | reference ÷ subject (server CPU/request) |',
    '|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.ratio?.toFixed(3) ?? 'n/a'} | ${r.target === null ? 'see below' : `≥ ${r.target}`} | ${r.verdict} | ${r.cpuRatio?.toFixed(3) ?? 'n/a'} |`,
    ),
    '',
  ];
  for (const r of results) {
    lines.push(`## ${r.name}`, '', r.description, '');
    if (r.measurements.length > 0) {
      lines.push(
        '| target | run | req/s | p50 ms | p97.5 ms | p99 ms | requests | errors | non-2xx | server CPU µs/req |',
      );
      lines.push('|---|---|---|---|---|---|---|---|---|---|');
      for (const m of r.measurements) {
        lines.push(
          `| ${m.target} | ${m.run} | ${fmt(m.requestsPerSec)} | ${m.latencyP50Ms} | ${m.latencyP975Ms} | ${m.latencyP99Ms} | ${m.requests} | ${m.errors} | ${m.non2xx} | ${m.serverCpuUsPerRequest?.toFixed(1) ?? 'n/a'} |`,
        );
      }
      lines.push('');
    }
    for (const t of r.tables ?? []) lines.push(...markdownTable(t));
    lines.push(...r.notes.map((n) => `- ${n}`), '');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { options, only } = parseArgs(process.argv.slice(2));
  const selected = benchmarks.filter((b) => only.length === 0 || only.includes(b.name));
  const env = environment();
  console.log(`Lotse benchmarks — node ${env.node}, ${env.cpu}, load average ${env.loadAverage.join(' / ')}`);
  if (env.loadAverage[0]! > os.cpus().length * 0.5) {
    console.log('  note: the machine is busy; numbers are noisier than usual (the ratio is measured in the same run).');
  }
  const results: BenchResult[] = [];
  let broken = 0;
  for (const b of selected) {
    console.log(`\n▶ ${b.name}: ${b.description}`);
    try {
      results.push(await b.run(options, (line) => console.log(line)));
    } catch (err) {
      broken += 1;
      console.error(`  ${b.name} could not run:`, err);
    }
  }
  const endLoad = os.loadavg();

  if (results.some((r) => r.measurements.length > 0)) {
    console.log(
      '\n benchmark  | subject | reference | subject req/s | reference req/s | ratio | target | verdict      | CPU ratio',
    );
    console.log(
      '------------+---------+-----------+---------------+-----------------+-------+--------+--------------+----------',
    );
  }
  for (const r of results.filter((x) => x.measurements.length > 0)) {
    const rate = (t: string) => {
      const ms = r.measurements.filter((m) => m.target === t);
      return ms.reduce((a, m) => a + m.requestsPerSec, 0) / Math.max(1, ms.length);
    };
    console.log(
      ` ${r.name.padEnd(10)} | ${r.subject.padEnd(7)} | ${r.reference.padEnd(9)} | ${fmt(rate(r.subject)).padStart(13)} | ${fmt(rate(r.reference)).padStart(15)} | ${r.ratio?.toFixed(3) ?? 'n/a'} | ${r.target === null ? '  n/a ' : `≥ ${r.target.toFixed(2)}`} | ${r.verdict.padEnd(12)} | ${r.cpuRatio?.toFixed(3) ?? 'n/a'}`,
    );
    for (const n of r.notes) console.log(`   ${n}`);
  }
  for (const r of results.filter((x) => (x.tables ?? []).length > 0)) {
    console.log(`\n ${r.name}: ${r.verdict}`);
    for (const t of r.tables ?? []) console.log(['', ...textTable(t)].join('\n'));
    for (const n of r.notes) console.log(`   ${n}`);
  }

  const resultsDir = path.join(benchDir, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const jsonFile = path.join(resultsDir, `${stamp}.json`);
  fs.writeFileSync(
    jsonFile,
    `${JSON.stringify({ date: new Date().toISOString(), environment: env, endLoadAverage: endLoad, options, results }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(resultsDir, 'latest.md'), markdown(results, env, endLoad, options));
  console.log(`\nwritten: ${path.relative(process.cwd(), jsonFile)} and bench/results/latest.md`);
  process.exitCode = broken > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
