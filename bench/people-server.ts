/**
 * Server host for bench/people.bench.ts, run in its own process so that the load generator does
 * not share its event loop: the real application (buildApp, all hooks, sessions, access checks,
 * audit) over the benchmark's database – PGlite in a data directory or a PostgreSQL database –
 * listening on 127.0.0.1 on a free port. Prints one JSON line with the URL on stderr when ready;
 * closes the database on SIGTERM (the data itself is the benchmark's to remove).
 *
 * Usage: node --import tsx bench/people-server.ts pglite <data dir> | postgres <url>
 */
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { READY_MARKER } from './lib';

async function main(): Promise<void> {
  const [engine, location] = process.argv.slice(2);
  if ((engine !== 'pglite' && engine !== 'postgres') || !location) {
    throw new Error('usage: people-server.ts pglite <data dir> | postgres <url>');
  }
  const url = engine === 'postgres' ? location : undefined;
  const dataDir = engine === 'pglite' ? location : './data';
  const config = loadConfig({
    NODE_ENV: 'production',
    LOTSE_SEED: 'none',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    ...(url ? { DATABASE_URL: url } : {}),
  });
  // As main.ts opens it (default pool size); the migrations ran when the benchmark loaded the data.
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir });
  const app = await buildApp({ config, database, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stderr.write(`${READY_MARKER}${JSON.stringify({ url: address, engine: database.kind })}\n`);

  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error('bench people server failed:', err);
  process.exit(1);
});
