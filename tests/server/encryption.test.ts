import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { createSealer } from '@/server/crypto/seal';
import { openSqliteStore, resealDatabase } from '@/server/store/sqlite';
import { familyInquiry } from '../fixtures/inquiries';
import { staffWindows } from '../staff/support';

// Personal data at rest (issue 16): sealed with AES-256-GCM, so neither the database file nor its WAL
// holds what the resident wrote.
const inquiry = familyInquiry as unknown as Inquiry;
/** A window of the selected profile (any will do: the store treats them alike). */
const MINE = staffWindows.mine;
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'sealed-')), 'store.sqlite');
const newSealer = () => createSealer(randomBytes(32));
const onDisk = (path: string) => Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]);

describe('personal fields at rest', () => {
  it('keeps a marker written in every personal field out of the database file and its WAL, and gives it back to staff', async () => {
    const path = freshPath();
    const store = openSqliteStore(path, { sealer: newSealer() });
    const marker = `MARKER${randomBytes(6).toString('hex')}`;
    const written = { ...inquiry, name: `${marker}名`, nameKana: `${marker}かな`, details: `${marker} 困りごと`, relationship: `${marker}続柄`, address: `${marker}住所`, safeTimes: `${marker}時間`, email: `${marker.toLowerCase()}@example.jp` };
    await store.create(written, { windows: [MINE], coordinator: false }, 'marker-1');
    const publicId = (await store.inbox.list([MINE], {}, 1)).rows[0]!.publicId;
    const staff = await store.staff.create({ login: 'mark1', name: '職員', memberships: [{ role: 'staff', window: MINE }] });
    await store.inbox.addNote(publicId, { text: `${marker} メモ`, staffId: staff.id, window: MINE });

    expect(existsSync(`${path}-wal`)).toBe(true);
    const bytes = onDisk(path);
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    expect(bytes.includes(Buffer.from(marker.toLowerCase()))).toBe(false);
    // The writer and categories stay readable: the inbox lists and counts without the key.
    expect(bytes.includes(Buffer.from('"writer":"family"'))).toBe(true);

    const item = (await store.inbox.get(publicId))!;
    expect(item.inquiry.name).toBe(`${marker}名`);
    expect(item.inquiry.details).toBe(`${marker} 困りごと`);
    expect(item.events.at(-1)!.detail.text).toBe(`${marker} メモ`);
    await store.close();
    expect(onDisk(path).includes(Buffer.from(marker))).toBe(false);
  });

  it('seals the rows of a database made before encryption, and none of their text is left in the file', async () => {
    const path = freshPath();
    copyFileSync(new URL('../staff/fixtures/db-v1.sqlite', import.meta.url), path);
    const raw = new DatabaseSync(path, { readOnly: true });
    const plain = (raw.prepare('SELECT receipt, body FROM inquiries ORDER BY id').all() as { receipt: string; body: string }[]).map((r) => ({ receipt: r.receipt, inquiry: JSON.parse(r.body) as Inquiry }));
    raw.close();
    const detail = plain[0]!.inquiry.details;
    expect(readFileSync(path).includes(Buffer.from(detail!))).toBe(true);

    const store = openSqliteStore(path, { sealer: newSealer() });
    for (const p of plain) expect((await store.get(p.receipt))!.inquiry).toEqual(p.inquiry);
    await store.close();
    for (const p of plain) {
      expect(onDisk(path).includes(Buffer.from(p.inquiry.details!))).toBe(false);
      expect(onDisk(path).includes(Buffer.from(p.inquiry.name!))).toBe(false);
    }
  });

  it('rotates the key: everything opens with the new key and nothing with the old one', async () => {
    const path = freshPath();
    const [oldS, newS] = [newSealer(), newSealer()];
    const store = openSqliteStore(path, { sealer: oldS });
    await store.create({ ...inquiry, details: '回転前の相談' }, { windows: [MINE], coordinator: false }, 'rot-1');
    const receipt = (await store.list(1))[0]!.receipt;
    await store.close();
    expect(resealDatabase(path, oldS, newS)).toEqual({ inquiries: 1, events: 0 });
    const after = openSqliteStore(path, { sealer: newS });
    expect((await after.get(receipt))!.inquiry.details).toBe('回転前の相談');
    await after.close();
    const stale = openSqliteStore(path, { sealer: oldS });
    await expect(stale.get(receipt)).rejects.toThrow(/key/);
    await stale.close();
  });
});

describe('the key', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', "import('./src/server/crypto/key.ts').then((m) => { m.loadKey(); console.log('loaded'); }, (e) => { console.error(e.message); process.exit(1); })"], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });

  it('stops a production start that has no key, saying what to set', () => {
    const r = run({ NODE_ENV: 'production', INQUIRY_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'nokey-')), 'inquiry.key') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('INQUIRY_KEY');
  });

  it('makes a local key file in development, says so, and reuses it after', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'devkey-')), 'inquiry.key');
    const first = run({ INQUIRY_KEY_FILE: file });
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(file);
    const key = readFileSync(file, 'utf8');
    expect(Buffer.from(key.trim(), 'base64')).toHaveLength(32);
    const second = run({ INQUIRY_KEY_FILE: file });
    expect(second.stderr).not.toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(key);
  });
});

describe('npm run keys -- rotate', () => {
  it('re-seals the database with a new key file and keeps the old key beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotate-cli-'));
    const keyFile = join(dir, 'inquiry.key');
    const dbPath = join(dir, 'db.sqlite');
    const oldKey = randomBytes(32);
    writeFileSync(keyFile, `${oldKey.toString('base64')}\n`);
    const store = openSqliteStore(dbPath, { sealer: createSealer(oldKey) });
    await store.create({ ...inquiry, details: 'CLI回転の相談' }, { windows: [MINE], coordinator: false }, 'cli-rot');
    const receipt = (await store.list(1))[0]!.receipt;
    await store.close();
    const out = execFileSync('node_modules/.bin/tsx', ['src/cli/keys.ts', 'rotate'], { env: { ...process.env, INQUIRY_KEY_FILE: keyFile, INQUIRY_DB_PATH: dbPath, INQUIRY_KEY: '' }, encoding: 'utf8' });
    expect(out).toContain('Re-sealed 1 inquiries');
    expect(readFileSync(`${keyFile}.previous`, 'utf8').trim()).toBe(oldKey.toString('base64'));
    const newKey = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    expect(newKey.equals(oldKey)).toBe(false);
    const after = openSqliteStore(dbPath, { sealer: createSealer(newKey) });
    expect((await after.get(receipt))!.inquiry.details).toBe('CLI回転の相談');
    await after.close();
  });
});
