import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

const LOCK_FILE = 'lotse.lock';
/** Only the holder of this file may remove a stale lock; it makes the takeover a critical section. */
const TAKEOVER_FILE = 'lotse.lock.takeover';
const MAX_ATTEMPTS = 200;

/** Directories locked by this process: a second open in the same process must fail as well. */
const heldHere = new Set<string>();

/**
 * Who holds a lock: the PID plus, on Linux, the process start time and the boot id, so that a PID
 * reused after a crash or a container restart is not mistaken for the owner.
 */
type Owner = { pid: number; start: string | null; boot: string | null };

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); the name field may hold spaces. */
function startTimeOf(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const bootId = (): string | null => readProc('/proc/sys/kernel/random/boot_id');

function currentOwner(): Owner {
  return { pid: process.pid, start: startTimeOf(process.pid), boot: bootId() };
}

/** The file's first line is the PID (readable by people and by older versions), then start and boot. */
function formatOwner(owner: Owner): string {
  return `${owner.pid}\n${owner.start ?? ''}\n${owner.boot ?? ''}\n`;
}

function parseOwner(text: string): Owner | null {
  const [pid, start, boot] = text.split('\n');
  const n = Number.parseInt(pid ?? '', 10);
  if (!Number.isInteger(n) || n <= 0) return null;
  return { pid: n, start: start || null, boot: boot || null };
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the recorded owner is still running: same boot, same PID, same start time where known. */
function ownerAlive(owner: Owner): boolean {
  const boot = bootId();
  if (owner.boot && boot && owner.boot !== boot) return false;
  if (!pidExists(owner.pid)) return false;
  if (owner.start) {
    const start = startTimeOf(owner.pid);
    if (start && start !== owner.start) return false;
  }
  return true;
}

/**
 * Creates `file` with `content` only if it does not exist, atomically and already complete: a
 * reader never sees an empty or half-written lock (which it could mistake for a stale one).
 */
function createExclusive(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw err;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function lockedError(dataDir: string, owner: Owner | null): DataDirLockedError {
  const by = owner && owner.pid !== process.pid ? `by process ${owner.pid}` : 'by this process';
  return new DataDirLockedError(
    `The data directory ${dataDir} is already in use ${by}. ` +
      'Only one Lotse process may use a PGlite data directory (a second one would lose data). ' +
      'Stop the other process, or use DATABASE_URL with a PostgreSQL server to run several processes.',
  );
}

/**
 * Throws DataDirLockedError if a live process holds the directory's lock, without taking it. A cheap
 * early check, so a second server refuses within a moment instead of after loading the whole app;
 * the lock itself is still taken (atomically) by acquireDataDirLock when the database opens.
 */
export function assertDataDirFree(dataDir: string): void {
  const dir = path.resolve(dataDir);
  if (heldHere.has(dir)) throw lockedError(dir, null);
  const text = readFile(path.join(dir, LOCK_FILE));
  const owner = text === null ? null : parseOwner(text);
  if (owner && ownerAlive(owner)) throw lockedError(dir, owner);
}

/**
 * Takes an exclusive lock on a PGlite data directory. PGlite has no lock of its own: a second
 * process on the same directory silently loses acknowledged commits, so we refuse to start instead.
 *
 * The lock file records its owner; a lock left by a killed process (kill -9, power loss) is taken
 * over. Taking over is the dangerous moment — two processes starting together must not both remove
 * the stale lock and both win — so only the process that holds the takeover file may remove it, and
 * it re-reads the lock under that file before it does.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_FILE);
  const takeoverPath = path.join(dir, TAKEOVER_FILE);
  if (heldHere.has(dir)) throw lockedError(dir, null);
  const me = formatOwner(currentOwner());

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (createExclusive(lockPath, me)) {
      heldHere.add(dir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(dir);
        try {
          if (readFile(lockPath) === me) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    }

    const seen = readFile(lockPath);
    if (seen === null) continue; // released between our attempt and the read
    const owner = parseOwner(seen);
    if (owner && ownerAlive(owner)) throw lockedError(dir, owner);

    // Stale (or unreadable) lock: remove it, but only inside the takeover critical section.
    if (!createExclusive(takeoverPath, me)) {
      const holderText = readFile(takeoverPath);
      const holder = holderText === null ? null : parseOwner(holderText);
      if (holderText !== null && (!holder || !ownerAlive(holder))) {
        // A process died inside its takeover (a window of microseconds): clear its marker.
        if (readFile(takeoverPath) === holderText) fs.rmSync(takeoverPath, { force: true });
      } else {
        sleepSync(10 + Math.random() * 20);
      }
      continue;
    }
    try {
      // Someone may have finished a takeover between our read and now: remove only what we judged.
      if (readFile(lockPath) === seen) fs.rmSync(lockPath, { force: true });
    } finally {
      fs.rmSync(takeoverPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dir}.`);
}
