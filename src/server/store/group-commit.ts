/**
 * Group commit. Writes asked for in the same turn of the event loop go into one transaction, so
 * one commit (and one fsync, wal-sync.ts) covers them all instead of one each. Every caller's
 * promise settles only after that transaction has committed. If a batch fails, its items are
 * written one by one, so one bad item cannot take the others down with it.
 */
export function createGroupCommit<T, R>(write: (items: T[]) => R[] | Promise<R[]>): (item: T) => Promise<R> {
  let queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];

  // `write` may be synchronous (node:sqlite) or return a promise (a network database); a batch is
  // flushed while the next one gathers.
  const flush = async () => {
    const batch = queue;
    queue = [];
    try {
      const results = await write(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const p of batch) {
        try {
          p.resolve((await write([p.item]))[0]!);
        } catch (itemError) {
          p.reject(itemError);
        }
      }
    }
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      // The first write of a turn schedules the flush; the rest of the turn joins it.
      if (queue.push({ item, resolve, reject }) === 1) setImmediate(() => void flush());
    });
}
