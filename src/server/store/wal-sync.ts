import { close, fsync, open } from 'node:fs';

/** fsync of one file through libuv's thread pool: the event loop keeps serving while the disk works. */
function syncFile(path: string): Promise<void> {
  return new Promise((resolve, reject) =>
    // Opened by path each time: if SQLite has deleted and recreated the WAL since, the current file is
    // the one that holds the commit (a WAL is only deleted after a checkpoint has synced the database).
    open(path, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      fsync(fd, (syncError) => close(fd, () => (syncError ? reject(syncError) : resolve())));
    }),
  );
}

/**
 * Makes commits durable off the event loop. The database runs WAL with synchronous=NORMAL, where a
 * commit is written to the WAL file but not synced; the returned function syncs that file and
 * resolves once every commit made before the call is on disk, which is what synchronous=FULL
 * guarantees, without blocking the event loop for the fsync (it was a fifth of the API's CPU time).
 * Calls made while a sync is running share the next one.
 */
export function createWalSync(walPath: string): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => (running = syncFile(walPath).finally(() => (running = undefined)));
  return () => {
    if (!running) return start();
    // The running sync may have started before this commit was written: wait for the one after it.
    const after = () => {
      next = undefined;
      return start();
    };
    return (next ??= running.then(after, after));
  };
}
