import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { DatabaseSync } from 'node:sqlite';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCounts, countDimensions } from '@/server/staff/counts';
import { feasibleIntervals, HIDDEN, intervalSize } from '@/server/staff/suppress';
import { AGENCY_WRITER } from '@/schemas/inquiry-fields';
import type { StoredBody } from '@/server/store/types';
import { referral } from '../fixtures/referrals';
import { asApplicationRole } from '../support/postgres';
import { openTestStore, schemaFor, testsPostgres } from '../support/store';
import { familyInquiry, profileDistricts } from '../fixtures/inquiries';
import { startServer, type TestServer } from '../support/server';
import { Client, seedDatabase, staffWindows } from '../staff/support';

/** The first day of last month (JST), as an ISO time: counts show months that are over. */
const lastMonth = () => {
  const d = new Date(Date.now() + 9 * 3_600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 2)).toISOString();
};
/** Moves every stored record to last month (the store stamps them now), on the engine the run tests. */
async function backdate(dbPath: string) {
  const at = lastMonth();
  if (testsPostgres()) {
    await asApplicationRole(schemaFor(dbPath), async (c) => {
      await c.query('UPDATE inquiries SET received_at = $1', [at]);
      await c.query('UPDATE inquiry_windows SET received_at = $1', [at]);
    });
    return;
  }
  const db = new DatabaseSync(dbPath);
  db.prepare('UPDATE inquiries SET received_at = ?').run(at);
  db.prepare('UPDATE inquiry_windows SET received_at = ?').run(at);
  db.close();
}

// Planners' counts (issue 16, 25): a district with 3 cases must not be worked out from any view or file.
describe('small-cell suppression', () => {
  it('never shows a share or time computed from a small group', () => {
    const area = profileDistricts[0]!.id;
    const recs = Array.from({ length: 12 }, (_, i) => ({ month: '2026-11', area, writer: 'self', categories: ['care'], windowCount: i < 3 ? 2 : 1, firstResponseMinutes: 60 }));
    const v = buildCounts(recs, 'area', [area], 10, new Date('2026-12-07T00:00:00Z'));
    expect(v.multiWindowShare).toEqual([null]);
    expect(v.medianFirstResponse).toEqual([60]);
  });

  it('shows a month only once it is over (JST)', () => {
    const area = profileDistricts[0]!.id;
    const recs = Array.from({ length: 12 }, () => ({ month: '2026-12', area, writer: 'self', categories: ['care'], windowCount: 1, firstResponseMinutes: null }));
    expect(buildCounts(recs, 'area', [area], 10, new Date('2026-12-31T14:59:00Z')).months).toEqual([]);
    expect(buildCounts(recs, 'area', [area], 10, new Date('2026-12-31T15:00:00Z')).months).toEqual(['2026-12']);
  });
});

describe('連絡票s and purges in the counts', () => {
  it('counts a 連絡票 under the person’s district, the writer type 支援機関 and its categories, and a purge changes nothing', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'counts-')), 'db.sqlite');
    const store = openTestStore(dbPath);
    const route = { windows: [staffWindows.mine], coordinator: false };
    for (let i = 0; i < 12; i++) await store.create({ ...(familyInquiry as unknown as Inquiry), details: `相談 ${i}` }, route, randomUUID());
    for (let i = 0; i < 11; i++) await store.create({ kind: 'referral', ...referral } as unknown as StoredBody, route, randomUUID());
    await store.close();
    await backdate(dbPath);
    const again = openTestStore(dbPath);
    const records = await again.stats.records();
    const agency = records.filter((r) => r.writer === AGENCY_WRITER);
    expect(agency).toHaveLength(11);
    for (const r of agency) expect(r).toMatchObject({ area: referral.district, categories: [...referral.categories] });
    expect(records.every((r) => r.area && r.writer && !/null/.test(r.writer))).toBe(true);
    const before = countDimensions.map((by) => buildCounts(records, by, [], 10));
    expect(before[0]!.rows).toContain(referral.district);
    expect(before[2]!.rows).toContain(AGENCY_WRITER);
    // Purge half of them, 連絡票s included: the anonymous rows keep every count where it was.
    const { rows } = await again.inbox.list([staffWindows.mine], {}, 100);
    for (const row of rows.slice(0, 12)) expect(await again.retention.deleteOne(row.publicId)).toBe(true);
    const purged = await again.stats.records();
    const after = countDimensions.map((by) => buildCounts(purged, by, [], 10));
    expect(after).toEqual(before);
    await again.close();
  });
});

describe('the planner’s view and file, with one district of 3 cases', () => {
  // Three districts of the profile: 3 cases in the first, 24 and 13 in the next two, all last month.
  if (profileDistricts.length < 3) throw new Error('the counts test needs three districts');
  const [small, big, middle] = profileDistricts;
  let server: TestServer;
  let planner: Client;
  let staffClient: Client;
  beforeAll(async () => {
    const seeded = await seedDatabase(
      [
        { login: 'planner9', name: '企画', role: 'planner', windows: [] },
        { login: 'staff9', name: '職員', role: 'staff', windows: [staffWindows.mine] },
      ],
      [],
    );
    const store = openTestStore(seeded.dbPath);
    const areas: [string, number][] = [[small!.id, 3], [big!.id, 24], [middle!.id, 13]];
    for (const [area, n] of areas)
      for (let i = 0; i < n; i++) await store.create({ ...(familyInquiry as unknown as Inquiry), area, details: `${area} の相談 ${i}` }, { windows: [staffWindows.mine], coordinator: false }, randomUUID());
    await store.close();
    await backdate(seeded.dbPath);
    server = await startServer({}, seeded.dbPath);
    planner = new Client(server.origin);
    expect((await planner.signIn(seeded.accounts[0]!)).status).toBe(303);
    staffClient = new Client(server.origin);
    expect((await staffClient.signIn(seeded.accounts[1]!)).status).toBe(303);
  }, 90_000);
  afterAll(() => server?.stop());

  const numbersIn = (text: string) => (text.match(/(?<![\d-])\d+(?![\d-]|未満|%| 時間)/g) ?? []).map(Number);

  it('hides the district of 3 under the one mark, and no published figure narrows it, in the page and the CSV', async () => {
    for (const by of ['area', 'category', 'writer']) {
      const html = await (await planner.request(`/staff/counts/?by=${by}`)).text();
      const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
      const csvRes = await planner.request(`/staff/counts/?by=${by}&format=csv`);
      expect(csvRes.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await csvRes.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      const lines = csv.trim().split('\r\n').map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
      const months = lines[0]!.length - 3;
      expect(months).toBe(1);
      const grid = lines.slice(1).map((r) => r.slice(1, months + 1).map((c) => (c === '非表示' ? HIDDEN : Number(c))));
      for (const v of grid.flat()) if (typeof v === 'number') expect(v === 0 || v >= 10).toBe(true);
      // Each month: the body and its total, audited as a reader would (the total is all a table adds).
      for (let m = 0; m < months; m++) {
        const column = { cells: grid.slice(0, -1).map((r) => r[m]!), total: grid.at(-1)![m]! };
        for (const iv of feasibleIntervals(column)) if (iv) expect(intervalSize(iv)).toBeGreaterThanOrEqual(10);
      }
      // The page shows the same: no count from 1 to 9 anywhere in its table, and one mark only.
      expect(numbersIn(table.replace(/<[^>]+>/g, ' ')).filter((n) => n > 0 && n < 10 && !/^20\d\d/.test(String(n)))).toEqual([]);
      expect(html).not.toMatch(/10未満|秘匿/);
      if (by === 'area') {
        const three = lines.find((r) => r[0] === small!.name)!;
        expect(three.slice(1, months + 1)).toEqual(Array(months).fill('非表示'));
        expect(html).toContain('非表示');
        expect(html).toContain('フーリエ・モツキン');
      }
      expect(html).not.toContain(' の相談 ');
      expect(csv).not.toContain(' の相談 ');
    }
  });

  it('is for planners only; window staff get 404', async () => {
    expect((await staffClient.request('/staff/counts/')).status).toBe(404);
    expect((await staffClient.request('/staff/counts/?format=csv')).status).toBe(404);
  });
});
