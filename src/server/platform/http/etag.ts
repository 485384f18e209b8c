import { AppError } from '../errors/app-error';

/**
 * Optimistic concurrency over HTTP: a record's version is its strong ETag (`"3"`), and a write
 * names the version it was based on in If-Match.
 */

/** A record and the version the client must send back in If-Match. */
export type Versioned<T> = { value: T; etag: string };

export const etagOf = (version: number) => `"${version}"`;

/**
 * The version named by an If-Match header ("3"). Missing: 428 when the write requires it, null
 * otherwise. A list, a weak tag or `*` does not name one version: 412.
 */
export function ifMatchVersion(ifMatch: string | undefined, required: true): number;
export function ifMatchVersion(ifMatch: string | undefined, required: boolean): number | null;
export function ifMatchVersion(ifMatch: string | undefined, required: boolean): number | null {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    if (required) throw new AppError('PRECONDITION_REQUIRED');
    return null;
  }
  const m = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!m) throw new AppError('PRECONDITION_FAILED');
  return Number(m[1]);
}
