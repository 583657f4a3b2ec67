// PostgreSQL implementation of InboxStore: the staff's list and detail of inquiries, and every change
// to one (status, assignment, note, つなぎ) as a row update plus an event, in one transaction. A change
// locks the inquiry's row (FOR UPDATE) and checks its version there, so of two servers changing one
// inquiry, the second is told it is stale.
import { openDetail, openInquiry, sealDetail } from '@/server/crypto/inquiry-fields';
import type { Sealer } from '@/server/crypto/seal';
import { inquiryStatuses, type InboxFilter, type InquiryStatus } from '@/schemas/staff';
import { jstDayStart, nextJstDay, windowsFor } from '../inbox-filter';
import { toInboxRow } from '../rows';
import type { ChangeResult, InboxInquiry, InboxStore, InquiryEvent, RoutingDecision, ShareResult, WindowShare } from '../types';
import type { Db, Query } from './db';
import { queueNotification } from './outbox';

type ListRow = {
  id: number; public_id: string; receipt: string; received_at: string; status: InquiryStatus; urgent: boolean; writer: string; categories: string[]; windows: string[] | null; assignee: string | null;
  kind: string | null; agency_kind: string | null; agency_kind_other: string | null; agency_name: string | null;
};
type DetailRow = { id: number; public_id: string; receipt: string; received_at: string; body: string; routing: RoutingDecision; status: InquiryStatus; urgent: boolean; assignee_id: number | null; assignee: string | null; version: number };

export function createPostgresInboxStore(db: Db, sealer: Sealer): InboxStore {
  /** Conditions on one window's open rows of inquiry_windows (alias iw); `$1` is the window. */
  const conditions = (f: InboxFilter, first = 2) => {
    const parts = ['iw.window_id = $1', 'iw.ended_at IS NULL'];
    const args: unknown[] = [];
    const arg = (v: unknown) => (args.push(v), `$${first + args.length - 1}`);
    if (f.status) parts.push(`iw.status = ${arg(f.status)}`);
    if (f.urgent) parts.push('iw.urgent');
    if (f.from) parts.push(`iw.received_at >= ${arg(jstDayStart(f.from))}`);
    if (f.to) parts.push(`iw.received_at < ${arg(nextJstDay(f.to))}`);
    if (f.category) parts.push(`EXISTS (SELECT 1 FROM inquiry_categories c WHERE c.category = ${arg(f.category)} AND c.inquiry_id = iw.inquiry_id)`);
    return { sql: parts.join(' AND '), args };
  };

  // Counts change only when who-sees-what does; the 'inbox' counter moves with every such change on
  // any server (a trigger), so a cached count is used only while the counter stands still.
  const countCache = new Map<string, { status: InquiryStatus | null; n: number }[]>();
  let countsAt = -1;
  const countDistinct = async (windows: string[], f: InboxFilter, byStatus: boolean) => {
    const [{ value }] = (await db.query<{ value: number }>("SELECT value FROM counters WHERE name = 'inbox'")) as [{ value: number }];
    if (value !== countsAt) (countCache.clear(), (countsAt = value));
    const key = JSON.stringify([windows, { ...f, page: undefined }, byStatus]);
    const cached = countCache.get(key);
    if (cached) return cached;
    if (countCache.size > 1000) countCache.clear();
    const c = conditions(f, 2);
    const group = byStatus ? 'iw.status' : 'NULL::text';
    // An inquiry seen by several of my windows is counted once: by the first of them (in the order given).
    const rows = await db.query<{ status: InquiryStatus | null; n: number }>(
      `SELECT ${group} AS status, count(*) AS n FROM unnest($1::text[]) WITH ORDINALITY AS w(id, k)
         CROSS JOIN LATERAL (SELECT iw.inquiry_id, iw.status FROM inquiry_windows iw WHERE ${c.sql.replace('iw.window_id = $1', 'iw.window_id = w.id')}
           AND NOT EXISTS (SELECT 1 FROM inquiry_windows o WHERE o.inquiry_id = iw.inquiry_id AND o.ended_at IS NULL AND o.window_id = ANY(($1::text[])[1:w.k - 1]))) iw
        GROUP BY ${group}`,
      [windows, ...c.args],
    );
    countCache.set(key, rows);
    return rows;
  };

  const addEvent = (q: Query, inquiryId: number, type: InquiryEvent['type'], detail: Record<string, unknown>, staffId: number, window: string | null = null) =>
    q('INSERT INTO inquiry_events (inquiry_id, type, at, detail, staff_id, window_id) VALUES ($1, $2, $3, $4, $5, $6)', [inquiryId, type, new Date().toISOString(), JSON.stringify(sealDetail(detail, sealer)), staffId, window]);
  const current = async (q: Query, publicId: string) => (await q<{ id: number; version: number; status: InquiryStatus; urgent: boolean; received_at: string }>('SELECT id, version, status, urgent, received_at FROM inquiries WHERE public_id = $1 FOR UPDATE', [publicId]))[0];
  /** Runs a versioned change: refused when the inquiry changed since the form was shown. */
  type Current = NonNullable<Awaited<ReturnType<typeof current>>>;
  const versioned = (publicId: string, version: number, apply: (q: Query, row: Current) => Promise<void>, refuse?: (q: Query, row: Current) => Promise<ShareResult | undefined>): Promise<ShareResult> =>
    db.tx(async (q) => {
      const row = await current(q, publicId);
      if (!row) return { ok: false, reason: 'missing' } as const;
      const refused = await refuse?.(q, row);
      if (refused) return refused;
      if (row.version !== version) return { ok: false, reason: 'stale' } as const;
      await apply(q, row);
      await q('UPDATE inquiries SET version = version + 1 WHERE id = $1', [row.id]);
      return { ok: true, version: version + 1 } as const;
    });
  const unversioned = (publicId: string, apply: (q: Query, id: number) => Promise<unknown>): Promise<ChangeResult> =>
    db.tx(async (q) => {
      const row = await current(q, publicId);
      if (!row) return { ok: false, reason: 'missing' } as const;
      await apply(q, row.id);
      return { ok: true, version: row.version } as const;
    });

  const detail = async (rows: DetailRow[]): Promise<InboxInquiry[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const shareRows = await db.query<{ inquiry_id: number; window_id: string; kind: WindowShare['kind']; basis: WindowShare['basis']; ended_at: string | null }>(
      'SELECT inquiry_id, window_id, kind, basis, ended_at FROM inquiry_windows WHERE inquiry_id = ANY($1) ORDER BY window_id',
      [ids],
    );
    const eventRows = await db.query<{ inquiry_id: number; type: InquiryEvent['type']; at: string; detail: Record<string, unknown>; window_id: string | null; staff: string | null }>(
      'SELECT e.inquiry_id, e.type, e.at, e.detail, e.window_id, s.name AS staff FROM inquiry_events e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.inquiry_id = ANY($1) ORDER BY e.id',
      [ids],
    );
    return rows.map((r) => {
      const shares = shareRows.filter((x) => x.inquiry_id === r.id).map((x): WindowShare => ({ window: x.window_id, kind: x.kind, basis: x.basis, ended: x.ended_at !== null }));
      return {
        publicId: r.public_id,
        receipt: r.receipt,
        receivedAt: r.received_at,
        inquiry: openInquiry(r.body, sealer),
        routing: r.routing,
        windows: shares.filter((x) => !x.ended).map((x) => x.window),
        formerWindows: shares.filter((x) => x.ended).map((x) => x.window),
        shares,
        status: r.status,
        urgent: r.urgent,
        assigneeId: r.assignee_id,
        assignee: r.assignee,
        version: r.version,
        events: eventRows
          .filter((e) => e.inquiry_id === r.id)
          .map((e): InquiryEvent => ({ type: e.type, at: e.at, detail: openDetail(e.detail, sealer), staff: e.staff, window: e.window_id })),
      } satisfies InboxInquiry;
    });
  };
  const selectDetail = `SELECT i.id, i.public_id, i.receipt, i.received_at, i.body::text AS body, i.routing, i.status, i.urgent, i.assignee_id, s.name AS assignee, i.version
                          FROM inquiries i LEFT JOIN staff s ON s.id = i.assignee_id`;

  return {
    changed: async () => {
      await db.run("UPDATE counters SET value = value + 1 WHERE name = 'inbox'");
    },
    list: async (windows, filter, limit) => {
      const mine = windowsFor(windows, filter);
      if (mine.length === 0) return { rows: [], total: 0 };
      const offset = ((filter.page ?? 1) - 1) * limit;
      const c = conditions(filter, 3);
      // Newest first per window (an index range read that stops early), merged, then the page's rows.
      const rows = await db.query<ListRow>(
        `WITH page AS (
           SELECT DISTINCT t.id FROM unnest($1::text[]) AS w(id)
             CROSS JOIN LATERAL (SELECT iw.inquiry_id AS id FROM inquiry_windows iw WHERE ${c.sql.replace('iw.window_id = $1', 'iw.window_id = w.id')} ORDER BY iw.inquiry_id DESC LIMIT $2) t
            ORDER BY t.id DESC LIMIT ${Number(limit)} OFFSET ${Number(offset)})
         SELECT i.id, i.public_id, i.receipt, i.received_at, i.status, i.urgent, i.body->>'writer' AS writer, i.body->'categories' AS categories,
                i.body->>'kind' AS kind, i.body->>'agencyKind' AS agency_kind, i.body->>'agencyKindOther' AS agency_kind_other, i.body->>'agencyName' AS agency_name,
                ARRAY(SELECT o.window_id FROM inquiry_windows o WHERE o.inquiry_id = i.id AND o.ended_at IS NULL ORDER BY o.window_id) AS windows, s.name AS assignee
           FROM page JOIN inquiries i ON i.id = page.id LEFT JOIN staff s ON s.id = i.assignee_id ORDER BY i.id DESC`,
        [mine, offset + limit, ...c.args],
      );
      const total = (await countDistinct(mine, filter, false)).reduce((sum, r) => sum + r.n, 0);
      return {
        total,
        rows: rows.map((r) => toInboxRow({ ...r, windows: r.windows ?? [] })),
      };
    },
    statusCounts: async (windows) => {
      const counts = Object.fromEntries(inquiryStatuses.map((s) => [s, 0])) as Record<InquiryStatus, number>;
      if (windows.length === 0) return counts;
      for (const r of await countDistinct(windowsFor(windows, {}), {}, true)) counts[r.status!] += r.n;
      return counts;
    },
    get: async (publicId) => (await detail(await db.query<DetailRow>(`${selectDetail} WHERE i.public_id = $1`, [publicId])))[0],
    getMany: async (publicIds) => {
      const found = await detail(await db.query<DetailRow>(`${selectDetail} WHERE i.public_id = ANY($1)`, [[...publicIds]]));
      const byId = new Map(found.map((x) => [x.publicId, x]));
      return publicIds.flatMap((id) => byId.get(id) ?? []);
    },
    changeStatus: (publicId, { status, outcome, version, staffId, window }) =>
      versioned(publicId, version, async (q, row) => {
        // done_at starts the retention period (README, "Retention"); leaving 完了 stops it.
        await q("UPDATE inquiries SET status = $1, done_at = CASE WHEN $1 = 'done' THEN $2 ELSE NULL END WHERE id = $3", [status, new Date().toISOString(), row.id]);
        await q('UPDATE inquiry_windows SET status = $1 WHERE inquiry_id = $2', [status, row.id]);
        await addEvent(q, row.id, 'status', { from: row.status, to: status, ...(outcome ? { outcome } : {}) }, staffId, window ?? null);
      }) as Promise<ChangeResult>,
    assign: (publicId, { assigneeId, version, staffId, window }) =>
      versioned(publicId, version, async (q, row) => {
        await q('UPDATE inquiries SET assignee_id = $1 WHERE id = $2', [assigneeId, row.id]);
        await addEvent(q, row.id, 'assigned', { to: assigneeId }, staffId, window ?? null);
      }) as Promise<ChangeResult>,
    // Notes are append-only events; they do not change the inquiry, so they need no version.
    addNote: (publicId, { text, staffId, window }) => unversioned(publicId, (q, id) => addEvent(q, id, 'note', { text }, staffId, window ?? null)),
    share: (publicId, { mode, from, to, reason, basis, version, staffId }) =>
      versioned(
        publicId,
        version,
        async (q, st) => {
          const at = new Date().toISOString();
          // つなぐ: the receiving window sees it as new and unassigned; the sender's row ends, so the
          // permission rule stops giving it the content (only its own events stay visible to it).
          const status = mode === 'handOver' ? 'new' : st.status;
          const kind = mode === 'handOver' ? 'handedTo' : mode === 'join' ? 'joined' : 'escalated';
          await q(
            `INSERT INTO inquiry_windows (window_id, inquiry_id, kind, basis, status, urgent, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (window_id, inquiry_id) DO UPDATE SET kind = excluded.kind, basis = excluded.basis, ended_at = NULL`,
            [to, st.id, kind, basis, status, st.urgent, st.received_at],
          );
          if (mode === 'handOver') {
            await q('UPDATE inquiry_windows SET ended_at = $1 WHERE inquiry_id = $2 AND window_id = $3', [at, st.id, from]);
            await q("UPDATE inquiries SET status = 'new', assignee_id = NULL WHERE id = $1", [st.id]);
            await q("UPDATE inquiry_windows SET status = 'new' WHERE inquiry_id = $1", [st.id]);
          }
          await queueNotification(q, 'handedTo', to, st.id, at);
          const type = mode === 'handOver' ? 'handedOver' : mode === 'join' ? 'joined' : 'escalated';
          await addEvent(q, st.id, type, { from, to, basis, ...(mode === 'escalate' ? { summary: reason } : { reason }), ...(mode === 'handOver' && st.status !== 'new' ? { statusBefore: st.status } : {}) }, staffId, from);
        },
        // Checked under the inquiry's row lock: two hand-overs to one window, on any servers, cannot both pass.
        async (q, st) => ((await q('SELECT 1 FROM inquiry_windows WHERE inquiry_id = $1 AND window_id = $2 AND ended_at IS NULL', [st.id, to])).length > 0 ? { ok: false, reason: 'same' } : undefined),
      ),
    handedOver: async (windows, limit) => {
      if (windows.length === 0) return [];
      const rows = await db.query<{ public_id: string; receipt: string; ended_at: string; window_id: string }>(
        `SELECT i.public_id, i.receipt, iw.ended_at, iw.window_id FROM inquiry_windows iw JOIN inquiries i ON i.id = iw.inquiry_id
          WHERE iw.window_id = ANY($1) AND iw.ended_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM inquiry_windows o WHERE o.inquiry_id = iw.inquiry_id AND o.ended_at IS NULL AND o.window_id = ANY($1))
          ORDER BY iw.ended_at DESC LIMIT $2`,
        [[...windows], limit],
      );
      return rows.map((r) => ({ publicId: r.public_id, receipt: r.receipt, endedAt: r.ended_at, window: r.window_id }));
    },
    recordMeeting: (publicId, { date, summary, staffId, window }) => unversioned(publicId, (q, id) => addEvent(q, id, 'meeting', { date, summary, basis: 'supportMeeting' }, staffId, window)),
  };
}
