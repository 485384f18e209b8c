import type { Config } from '../../config';
import type { Database, Db } from '../../db/client';

/** What route modules receive from the composition root. `now` is injectable so tests control time. */
export type AppDeps = {
  config: Config;
  database: Database;
  db: Db;
  now: () => Date;
};
