import type { Db } from '../db/database.ts';
import { type DataVersionName, readDataVersions } from './data-versions.repository.ts';

/**
 * Reads that many callers share. A read already running may have started before a caller's
 * request arrived, and so miss a change committed just before it: such a caller waits for the
 * next read instead, which starts when the running one ends and serves everyone who waited. So
 * under load one read serves many requests, and none gets a version older than its arrival.
 */
export function sharedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const readFresh = (): Promise<T> => {
    if (!running) {
      running = read().finally(() => {
        running = undefined;
      });
      return running;
    }
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return readFresh();
      });
    return next;
  };
  return readFresh;
}

/** The current data versions, for the caches that keep answers under them (versioned-cache.ts). */
export function createDataVersionReader(db: Db) {
  const readAll = sharedReads(() => readDataVersions(db));
  return {
    async current(name: DataVersionName): Promise<number> {
      return (await readAll()).get(name) ?? 0;
    },
  };
}

export type DataVersionReader = ReturnType<typeof createDataVersionReader>;
