import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWalSync } from '@/server/store/wal-sync';

const tempFile = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'wal-sync-')), 'db.sqlite-wal');
  writeFileSync(path, 'frames');
  return path;
};

describe('WAL sync', () => {
  it('resolves once the file is synced, and a call made during a sync waits for the next one', async () => {
    const sync = createWalSync(tempFile());
    const first = sync();
    const second = sync();
    const third = sync();
    // Both later calls share one sync that starts after the first: they are not answered by a sync
    // that may have begun before their commit.
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    await expect(Promise.all([first, second, third])).resolves.toEqual([undefined, undefined, undefined]);
    await expect(sync()).resolves.toBeUndefined();
  });

  it('rejects when the file cannot be synced, so no receipt is given, and recovers afterwards', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wal-sync-')), 'missing-wal');
    const sync = createWalSync(path);
    await expect(sync()).rejects.toThrow(/ENOENT/);
    writeFileSync(path, 'frames');
    await expect(sync()).resolves.toBeUndefined();
  });
});
