import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

const LOCK_FILE = 'lotse.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory. PGlite has no lock of its own: a second
 * process on the same directory silently loses acknowledged commits, so we refuse to start instead.
 * The lock file holds the owner's PID; a lock left by a killed process (kill -9) is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      } catch {
        // vanished between open and read: retry
        continue;
      }
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `The data directory ${path.resolve(dataDir)} is already in use by process ${owner}. ` +
            'Only one Lotse process may use a PGlite data directory (a second one would lose data). ' +
            'Stop the other process, or use DATABASE_URL with a PostgreSQL server to run several processes.',
        );
      }
      // Stale lock from a crashed process (or our own PID reused after a crash): remove and retry.
      try {
        fs.unlinkSync(lockPath);
      } catch {
        // someone else removed it first
      }
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${path.resolve(dataDir)}.`);
}
