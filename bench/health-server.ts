/**
 * Server host for bench/health.bench.ts, run in its own process. Serves, on 127.0.0.1:
 *  - the real application (buildApp over a PGlite directory in a temporary folder), and
 *  - a bare node:http server answering GET /api/v1/health with the byte-identical JSON body and
 *    content-type the application sends — the reference for "what the framework and hooks cost".
 * Prints one JSON line with both URLs on stderr when ready (stdout carries the request log, if any); stops and removes its data on SIGTERM.
 *
 * Usage: node --import tsx bench/health-server.ts [logLevel]   (default silent)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { READY_MARKER } from './lib';

async function main(): Promise<void> {
  const logLevel = process.argv[2] ?? 'silent';
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-'));
  const dataDir = path.join(workDir, 'data');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOTSE_SEED: 'none',
    LOG_LEVEL: logLevel,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await migrateDatabase(database);
  // A logger at the configured level; with "info" every request writes two lines (to /dev/null here).
  const app = await buildApp({ config, database, logger: logLevel !== 'silent' });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  const probe = await fetch(`${appUrl}/api/v1/health`);
  const body = Buffer.from(await probe.arrayBuffer());
  const contentType = probe.headers.get('content-type') ?? 'application/json';
  if (probe.status !== 200) throw new Error(`health answered ${probe.status}: ${body.toString()}`);

  const bare = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/api/v1/health') {
      res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
      res.end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const barePort = (bare.address() as AddressInfo).port;

  const appHeaders = [...probe.headers.keys()];
  const bareProbe = await fetch(`http://127.0.0.1:${barePort}/api/v1/health`);
  await bareProbe.arrayBuffer();
  const bareHeaders = [...bareProbe.headers.keys()];
  process.stderr.write(
    `${READY_MARKER}${JSON.stringify({
      app: `${appUrl}/api/v1/health`,
      bare: `http://127.0.0.1:${barePort}/api/v1/health`,
      contentType,
      bodyBytes: body.length,
      appHeaders,
      bareHeaders,
    })}\n`,
  );

  const stop = async () => {
    await app.close();
    bare.close();
    await database.close();
    fs.rmSync(workDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error('bench health server failed:', err);
  process.exit(1);
});
