import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { buildCounts } from '@/server/staff/counts';
import { revealingLines, suppress } from '@/server/staff/suppress';
import { openTestStore } from '../support/store';
import { familyInquiry, profileDistricts } from '../fixtures/inquiries';
import { startServer, type TestServer } from '../support/server';
import { Client, seedDatabase, staffWindows } from '../staff/support';

// Planners' counts (issue 16): a district with 3 cases must not be worked out from any view or file.
describe('small-cell suppression', () => {
  it('hides cells under the threshold and a second cell wherever a total would give one away', () => {
    const t = suppress([[3, 20, 15], [12, 11, 30], [0, 25, 14]], 10);
    expect(t.cells[0]![0]).toBe('small');
    expect(revealingLines(t)).toBe(0);
    expect([...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total]).toContain('hidden');
    // Every shown count is 0 or at least the threshold.
    for (const v of [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total]) if (typeof v === 'number') expect(v === 0 || v >= 10).toBe(true);
  });

  it('takes the threshold as a setting', () => {
    expect(suppress([[15, 30]], 20).cells[0]![0]).toBe('small');
    expect(suppress([[15, 30]], 10).cells[0]![0]).toBe(15);
  });

  it('never shows a share or time computed from a small group', () => {
    const area = profileDistricts[0]!.id;
    const recs = Array.from({ length: 12 }, (_, i) => ({ month: '2026-11', area, writer: 'self', categories: ['care'], windowCount: i < 3 ? 2 : 1, firstResponseMinutes: 60 }));
    const v = buildCounts(recs, 'area', [area], 10);
    expect(v.multiWindowShare).toEqual([null]);
    expect(v.medianFirstResponse).toEqual([60]);
  });
});

describe('the planner’s view and file, with one district of 3 cases', () => {
  // Three districts of the profile: 3 cases in the first, 24 and 13 in the next two, all this month.
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
    server = await startServer({}, seeded.dbPath);
    planner = new Client(server.origin);
    expect((await planner.signIn(seeded.accounts[0]!)).status).toBe(303);
    staffClient = new Client(server.origin);
    expect((await staffClient.signIn(seeded.accounts[1]!)).status).toBe(303);
  }, 90_000);
  afterAll(() => server?.stop());

  const numbersIn = (text: string) => (text.match(/(?<![\d-])\d+(?![\d-]|未満|%| 時間)/g) ?? []).map(Number);

  it('shows 「10未満」 for the district of 3, hides enough that no total gives it away, in the page and the CSV', async () => {
    for (const by of ['area', 'category', 'writer']) {
      const html = await (await planner.request(`/staff/counts/?by=${by}`)).text();
      const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
      const csvRes = await planner.request(`/staff/counts/?by=${by}&format=csv`);
      expect(csvRes.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await csvRes.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      // Rows of cells: the CSV's body, numbers or null for 「10未満」.
      const rows = csv.trim().split('\r\n').slice(1).map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
      const months = rows[0]!.length - 4;
      const grid = rows.map((r) => r.slice(1, months + 2).map((c) => (c === '10未満' ? 'small' : c === '秘匿' ? 'hidden' : Number(c)) as number | 'small' | 'hidden'));
      const body = grid.slice(0, -1);
      const t = { cells: body.map((r) => r.slice(0, -1)), rowTotals: body.map((r) => r.at(-1)!), colTotals: grid.at(-1)!.slice(0, -1), total: grid.at(-1)!.at(-1)! };
      expect(revealingLines(t)).toBe(0);
      for (const v of grid.flat()) if (typeof v === 'number') expect(v === 0 || v >= 10).toBe(true);
      // The page shows the same: no count from 1 to 9 anywhere in its table.
      expect(numbersIn(table.replace(/<[^>]+>/g, ' ')).filter((n) => n > 0 && n < 10 && !/^20\d\d/.test(String(n)))).toEqual([]);
      if (by === 'area') {
        // The district of 3, by the name the page and file show.
        const three = rows.find((r) => r[0] === small!.name)!;
        expect(three.slice(1, months + 2)).toEqual(Array(months + 1).fill('10未満'));
        expect(html).toContain('10未満');
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
