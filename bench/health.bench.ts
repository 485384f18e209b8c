import { mean, measure, startHost, type Benchmark, type Measurement } from './lib';

type HostInfo = {
  app: string;
  bare: string;
  contentType: string;
  bodyBytes: number;
  appHeaders: string[];
  bareHeaders: string[];
};

/** Target from the goal: the app's health endpoint keeps at least 80 % of a bare node:http server's throughput. */
const TARGET_RATIO = 0.8;

/**
 * GET /api/v1/health of the real application (all hooks: security headers, cookies, route guard, rate-limit
 * plugin, zod serializer, cache-control) against a bare node:http server sending the same body and
 * content-type. Both live in one host process; the load generator is this process. Order app, bare,
 * bare, app, so a drift of the machine's speed during the run hits both sides alike.
 */
export const healthBenchmark: Benchmark = {
  name: 'health',
  description: 'GET /api/v1/health: Lotse app vs bare node:http (same body and content-type), PGlite, logging off',
  run: async (options, log) => {
    const host = await startHost<HostInfo>('health-server.ts', ['silent']);
    try {
      const { app, bare } = host.info;
      const targets = { app, bare } as const;
      for (const name of ['app', 'bare'] as const) {
        log(`  warm-up ${name} (${options.warmupSeconds} s)`);
        await measure(name, 0, targets[name], options.connections, options.warmupSeconds);
      }
      const measurements: Measurement[] = [];
      const order = ['app', 'bare', 'bare', 'app'] as const;
      for (const [i, name] of order.entries()) {
        const run = order.slice(0, i + 1).filter((n) => n === name).length;
        const m = await measure(name, run, targets[name], options.connections, options.durationSeconds, host.pid);
        log(
          `  ${name} run ${run}: ${Math.round(m.requestsPerSec)} req/s, p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms, ` +
            `server CPU ${m.serverCpuUsPerRequest?.toFixed(1) ?? '?'} µs/request`,
        );
        measurements.push(m);
      }
      const rate = (name: string) => mean(measurements.filter((m) => m.target === name).map((m) => m.requestsPerSec));
      const ratio = rate('app') / rate('bare');
      const cpu = (name: string) => {
        const values = measurements.filter((m) => m.target === name).map((m) => m.serverCpuUsPerRequest);
        return values.every((v) => v !== null) ? mean(values) : null;
      };
      const appCpu = cpu('app');
      const bareCpu = cpu('bare');
      const cpuRatio = appCpu && bareCpu ? bareCpu / appCpu : null;
      const notes = [
        `same body (${host.info.bodyBytes} bytes) and content-type (${host.info.contentType}); ` +
          `headers: app ${host.info.appHeaders.length} (${host.info.appHeaders.join(', ')}), bare ${host.info.bareHeaders.length}`,
      ];
      if (appCpu && bareCpu) {
        notes.push(
          `server CPU per request: app ${appCpu.toFixed(1)} µs, bare ${bareCpu.toFixed(1)} µs (ratio bare/app ${cpuRatio!.toFixed(3)})`,
        );
      }
      const failures = measurements.filter((m) => m.errors > 0 || m.non2xx > 0);
      if (failures.length > 0) {
        notes.push(`errors or non-2xx answers in ${failures.map((m) => `${m.target} run ${m.run}`).join(', ')}`);
      }
      return {
        name: healthBenchmark.name,
        description: healthBenchmark.description,
        subject: 'app',
        reference: 'bare',
        ratio,
        cpuRatio,
        target: TARGET_RATIO,
        verdict: ratio >= TARGET_RATIO ? 'PASS' : 'BELOW TARGET',
        measurements,
        notes,
      };
    } finally {
      await host.stop();
    }
  },
};
