// Restoring a backup (`npm run inquiries -- backup <file>`) onto a fresh data folder: the file is copied
// next to the database's place, opened with the key in use (migrations run, the key canary is checked,
// every record is opened), and only then moved into place. Nothing is overwritten: a folder that
// already holds a database is refused, and without the backup's key nothing is restored.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { keyPath } from '@/server/crypto/key';
import { KeyMismatchError, openSqliteStore } from './sqlite';

export type RestoreResult =
  | { ok: true; path: string; inquiries: number; staff: number; unreadable: number }
  | { ok: false; message: string };

export async function restoreBackup(backupFile: string, target: string): Promise<RestoreResult> {
  const path = resolve(target);
  if (existsSync(path)) return { ok: false, message: `INQUIRY_DB_PATH: ${path} already holds a database. Restore onto a fresh folder, or move that file away first (nothing was changed).` };
  // Never a new key here: a key made now could not open what the backup holds.
  if (!process.env.INQUIRY_KEY && !existsSync(keyPath())) {
    return { ok: false, message: `No key: the inquiries in this backup are sealed, and cannot be read without the key they were sealed with. Put that key in ${keyPath()} (mode 0600) or set INQUIRY_KEY / INQUIRY_KEY_FILE, then run restore again (nothing was changed).` };
  }
  mkdirSync(dirname(path), { recursive: true });
  const staging = `${path}.restoring`;
  rmSync(staging, { force: true });
  copyFileSync(backupFile, staging);
  let store;
  try {
    store = openSqliteStore(staging);
  } catch (e) {
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) rmSync(f, { force: true });
    if (e instanceof KeyMismatchError) return { ok: false, message: `The data in this backup cannot be read with this key: ${e.message.replace(/^[^:]*: /, '')} Use the key that was in use when the backup was made (nothing was changed).` };
    return { ok: false, message: `The backup could not be opened: ${(e as Error).message} (nothing was changed).` };
  }
  try {
    const { items, unreadable } = await store.readAll();
    const inquiries = items.length;
    const staff = (await store.staff.list()).length;
    await store.close();
    store = undefined;
    // The WAL was checkpointed on close; the file moves into place whole.
    for (const f of [`${staging}-wal`, `${staging}-shm`]) rmSync(f, { force: true });
    renameSync(staging, path);
    return { ok: true, path, inquiries, staff, unreadable };
  } catch (e) {
    await store?.close();
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) rmSync(f, { force: true });
    return { ok: false, message: `The backup's records could not all be opened with this key: ${(e as Error).message} (nothing was changed).` };
  }
}
