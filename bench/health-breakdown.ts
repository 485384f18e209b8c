/**
 * Diagnostic, not part of `npm run bench`: what each piece in front of GET /api/v1/health costs.
 * Loads a ladder of servers (bench/health-breakdown-server.ts), each adding one piece of app.ts,
 * twice (forward and backward, to cancel drift of a shared machine), and prints the server time per
 * request of each rung and its difference to the previous one. With the server saturated by the
 * connections, throughput follows CPU time per request, which is measured directly as well.
 *
 *   npx tsx bench/health-breakdown.ts [--duration 4] [--connections 10]
 * Writes bench/results/health-breakdown.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchDir, mean, measure, startHost } from './lib';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const duration = opt('--duration', 4);
  const connections = opt('--connections', 10);
  const host = await startHost<Record<string, string>>('health-breakdown-server.ts');
  try {
    const names = Object.keys(host.info);
    const rates = new Map<string, number[]>(names.map((n) => [n, []]));
    const cpu = new Map<string, number[]>(names.map((n) => [n, []]));
    for (const [pass, order] of [names, [...names].reverse()].entries()) {
      for (const name of order) {
        await measure(name, 0, host.info[name]!, connections, 1);
        const m = await measure(name, pass + 1, host.info[name]!, connections, duration, host.pid);
        if (m.errors > 0 || m.non2xx > 0) console.log(`  ${name}: ${m.errors} errors, ${m.non2xx} non-2xx`);
        rates.get(name)!.push(m.requestsPerSec);
        cpu.get(name)!.push(m.serverCpuUsPerRequest ?? NaN);
        console.log(
          `  pass ${pass + 1} ${name.padEnd(30)} ${Math.round(m.requestsPerSec)} req/s, ${m.serverCpuUsPerRequest?.toFixed(1)} µs CPU/request`,
        );
      }
    }
    const bare = mean(rates.get('bare node:http')!);
    const lines = [
      `# GET /api/v1/health: cost of each piece (${new Date().toISOString()})`,
      '',
      `autocannon, ${connections} connections, ${duration} s per rung and pass, two passes (forward, backward).`,
      '',
      "Server CPU µs/request is the host process's user+system time divided by the requests answered; it is",
      'the steadier number on a busy machine. Throughput ratios move with whatever else runs.',
      '',
      '| rung | req/s | throughput ratio to bare | server CPU µs/request | Δ CPU µs vs previous rung | CPU ratio bare/rung |',
      '|---|---|---|---|---|---|',
    ];
    const bareCpu = mean(cpu.get('bare node:http')!);
    let previous: number | null = null;
    for (const name of names) {
      const rate = mean(rates.get(name)!);
      const us = mean(cpu.get(name)!);
      const delta = previous === null || name.startsWith('buildApp') ? '' : (us - previous).toFixed(1);
      lines.push(
        `| ${name} | ${Math.round(rate)} | ${(rate / bare).toFixed(2)} | ${us.toFixed(1)} | ${delta} | ${(bareCpu / us).toFixed(2)} |`,
      );
      if (!name.startsWith('buildApp')) previous = us;
    }
    const table = lines.join('\n');
    console.log(`\n${table}`);
    fs.mkdirSync(path.join(benchDir, 'results'), { recursive: true });
    fs.writeFileSync(path.join(benchDir, 'results', 'health-breakdown.md'), `${table}\n`);
  } finally {
    await host.stop();
  }
}

main().catch((err: unknown) => {
  console.error('breakdown failed:', err);
  process.exit(1);
});
