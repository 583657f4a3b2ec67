// npm run bench -- staff: the staff inbox on 100,000 synthetic inquiries over 7 windows. Times are
// taken at the client on loopback, one request at a time (so they are server time plus a loopback
// round trip), for the list (with and without filters), the detail page and a status change.
import { DatabaseSync } from 'node:sqlite';
import type { Inquiry } from '../../src/schemas/inquiry';
import { familyInquiryExample } from '../../src/schemas/inquiry-example';
import { openSqliteStore } from '../../src/server/store/sqlite';
import { Client, seedDatabase } from '../staff/support';
import { startBuiltServer } from './server';

export const STAFF_INQUIRIES = 100_000;
export const STAFF_SAMPLES = 200;
export const staffTargets = { listP95Ms: 50, detailP95Ms: 20 };

const windows = ['sawara-houkatsu', 'omigawa-houkatsu', 'katori-ccc', 'kodomo-katei-center', 'shakai-fukushi-ka', 'shogaisha-shien', 'takikan-kyodo'];
const categories = ['care', 'disabilityMind', 'childSchool', 'moneyWorkHome', 'isolation', 'household', 'unknown'];
const writers = ['self', 'family', 'neighbour', 'supporter'] as const;

export interface StaffFigure {
  name: string;
  p50: number;
  p95: number;
  target?: number;
}

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

async function seed(): Promise<{ dbPath: string; member: { login: string; secret: string } }> {
  const { dbPath, accounts } = await seedDatabase([{ login: 'bench', name: 'ベンチ 職員', role: 'staff', windows: ['sawara-houkatsu', 'takikan-kyodo'] }], []);
  const store = openSqliteStore(dbPath);
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  for (let done = 0; done < STAFF_INQUIRIES; done += 2000) {
    await Promise.all(
      Array.from({ length: Math.min(2000, STAFF_INQUIRIES - done) }, (_, i) => {
        const first = pick(windows);
        const routed = r() < 0.3 && first !== 'takikan-kyodo' ? [first, 'takikan-kyodo'] : [first];
        const inquiry = { ...familyInquiryExample, writer: pick(writers), categories: [...new Set([pick(categories), pick(categories)])] } as unknown as Inquiry;
        return store.create(inquiry, { windows: routed, coordinator: routed.length > 1 }, `bench-${done + i}`);
      }),
    );
  }
  await store.close();
  // Spread over a year and over the statuses, as a city's inbox would be after a while (bench data only).
  const db = new DatabaseSync(dbPath);
  db.exec(`UPDATE inquiries SET received_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ((${STAFF_INQUIRIES} - id) * 315) || ' seconds'),
                               status = CASE WHEN id > ${STAFF_INQUIRIES - 3000} THEN (CASE id % 3 WHEN 0 THEN 'new' ELSE 'inProgress' END) ELSE (CASE id % 10 WHEN 0 THEN 'unreachable' WHEN 1 THEN 'notNeeded' ELSE 'done' END) END`);
  db.exec('UPDATE inquiry_windows SET status = (SELECT status FROM inquiries WHERE id = inquiry_id), received_at = (SELECT received_at FROM inquiries WHERE id = inquiry_id)');
  db.exec('ANALYZE');
  db.close();
  return { dbPath, member: accounts[0]! };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

async function time(n: number, run: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 10; i++) await run(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    ms.push(performance.now() - t0);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export async function measureStaff(): Promise<{ inquiries: number; visible: number; figures: StaffFigure[] }> {
  console.error(`… seeding ${STAFF_INQUIRIES.toLocaleString()} inquiries`);
  const { dbPath, member } = await seed();
  const server = await startBuiltServer(4456, { INQUIRY_DB_PATH: dbPath });
  try {
    const c = new Client(server.origin);
    const signed = await c.signIn(member);
    if (signed.status !== 303) throw new Error(`bench sign-in failed: ${signed.status}`);
    const ok = async (path: string) => {
      const res = await c.request(path);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return body;
    };
    const first = await ok('/staff/');
    const visible = Number(/<h2 id="list-heading">([\d,]+) 件/.exec(first)?.[1]?.replace(/,/g, ''));
    const ids = [...new Set([...(await ok('/staff/?status=done&page=20')).matchAll(/\/staff\/i\/([0-9a-f]{32})\//g)].map((m) => m[1]!))];
    const filters = ['?status=new', '?category=care&status=done', '?window=sawara-houkatsu&page=5', '?from=2026-06-01&to=2026-06-30', '?urgent=1', '?category=household&page=40'];
    const figures: StaffFigure[] = [];
    const add = (name: string, t: { p50: number; p95: number }, target?: number) => figures.push({ name, ...t, target });
    add('list, no filter (page 1)', await time(STAFF_SAMPLES, () => ok('/staff/')), staffTargets.listP95Ms);
    add('list, filters (status, category, window, dates, urgent, deep pages)', await time(STAFF_SAMPLES, (i) => ok(`/staff/${filters[i % filters.length]}`)), staffTargets.listP95Ms);
    add('detail', await time(STAFF_SAMPLES, (i) => ok(`/staff/i/${ids[i % ids.length]}/`)), staffTargets.detailP95Ms);
    // A status change: the POST and its event, without the page load that gives the form's version.
    const changeMs: number[] = [];
    for (let i = 0; i < Math.min(STAFF_SAMPLES, ids.length * 4); i++) {
      const path = `/staff/i/${ids[i % ids.length]}/`;
      const html = await ok(path);
      const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
      const version = /name="version" value="(\d+)"/.exec(html)![1]!;
      const t0 = performance.now();
      const res = await c.request(path, { form: { csrf, action: 'status', version, status: i % 2 ? 'inProgress' : 'unreachable' } });
      await res.arrayBuffer();
      if (i >= 10) changeMs.push(performance.now() - t0);
      if (res.status !== 303) throw new Error(`status change: ${res.status}`);
    }
    add('status change (POST, event, redirect)', { p50: percentile(changeMs, 50), p95: percentile(changeMs, 95) });
    // Counts are cached until the next change: this row measures the list when they must be recomputed.
    const afterChange: number[] = [];
    for (let i = 0; i < 60; i++) {
      const path = `/staff/i/${ids[i % ids.length]}/`;
      const html = await ok(path);
      const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
      const version = /name="version" value="(\d+)"/.exec(html)![1]!;
      await (await c.request(path, { form: { csrf, action: 'status', version, status: i % 2 ? 'inProgress' : 'done', outcome: 'ベンチ' } })).arrayBuffer();
      const t0 = performance.now();
      await ok(`/staff/${filters[i % filters.length]}`);
      if (i >= 10) afterChange.push(performance.now() - t0);
    }
    add('list right after a change (counts recomputed, uncached)', { p50: percentile(afterChange, 50), p95: percentile(afterChange, 95) }, staffTargets.listP95Ms);
    return { inquiries: STAFF_INQUIRIES, visible, figures };
  } finally {
    await server.stop();
  }
}
