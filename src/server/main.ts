import { ConfigError, loadConfig } from './config';
import { assertDataDirFree, DataDirLockedError } from './db/data-dir-lock';

/** How long running requests may finish after SIGTERM; below Docker's default stop timeout of 10 s. */
const SHUTDOWN_GRACE_MS = 8000;

/** Composition root: config → database → app → listen; closes the database cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  // A second server on the same PGlite directory must refuse at once, not after loading the
  // database engine and the whole application (seconds on a busy machine): check the lock first,
  // and load the heavy modules only then. openDatabase still takes the lock itself.
  if (!config.databaseUrl) assertDataDirFree(config.dataDir);
  const { prepareDatabase } = await import('./db/setup');
  const { buildApp } = await import('./app');
  const database = await prepareDatabase(config);
  const app = await buildApp({ config, database });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // app.close() stops accepting, answers new requests 503 and closes the connections idle at that
    // moment. A keep-alive connection whose request was still running stays open after its answer
    // until the client lets go (Fastify's keep-alive timeout is 72 s), so shutdown would hang:
    // close connections as soon as they fall idle, and cut whatever still runs after the grace time,
    // so the database is closed cleanly before a supervisor's SIGKILL.
    const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      app.log.warn(
        { graceMs: SHUTDOWN_GRACE_MS },
        'requests still running after the grace time: closing their connections',
      );
      app.server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    let exitCode = 0;
    try {
      await app.close();
    } catch (err) {
      app.log.error({ err }, 'error while closing the HTTP server');
      exitCode = 1;
    } finally {
      clearInterval(reaper);
      clearTimeout(deadline);
    }
    try {
      await database.close();
    } catch (err) {
      app.log.error({ err }, 'error while closing the database');
      exitCode = 1;
    }
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // The address the server really bound: with PORT=0 the system picks the port.
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
    `Lotse läuft auf ${address}`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(`Lotse kann nicht starten: ${err.message}`);
  } else {
    console.error('Lotse kann nicht starten:', err);
  }
  process.exit(1);
});
