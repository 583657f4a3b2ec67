// node:sqlite implementation of InboxStore: the staff's list and detail of inquiries, and every change
// to one (status, assignment, note) as a row update plus an event, in one transaction.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { openDetail, openInquiry, sealDetail } from '@/server/crypto/inquiry-fields';
import type { Sealer } from '@/server/crypto/seal';
import { queueNotification } from './outbox-sqlite';
import { inquiryStatuses, type InboxFilter, type InquiryStatus } from '@/schemas/staff';
import type { ChangeResult, InboxInquiry, InboxStore, InquiryEvent, RoutingDecision, WindowShare } from './types';
import { writeTransaction } from './transaction';
import { jstDayStart, nextJstDay, windowsFor } from './inbox-filter';
import { toInboxRow } from './rows';


export function createInboxStore(db: DatabaseSync, sealer: Sealer): InboxStore {
  const tx = <T>(fn: () => T): T => writeTransaction(db, fn);
  const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

  /**
   * Conditions on one window's rows of inquiry_windows (alias iw) for the filters. Everything they read
   * is in that table or its indexes, never the large inquiry rows.
   */
  const conditions = (f: InboxFilter) => {
    const parts = ['iw.window_id = ?', 'iw.ended_at IS NULL'];
    const args: SQLInputValue[] = [];
    if (f.status) (parts.push('iw.status = ?'), args.push(f.status));
    if (f.urgent) parts.push('iw.urgent = 1');
    if (f.from) (parts.push('iw.received_at >= ?'), args.push(jstDayStart(f.from)));
    if (f.to) (parts.push('iw.received_at < ?'), args.push(nextJstDay(f.to)));
    if (f.category) (parts.push('iw.inquiry_id IN (SELECT inquiry_id FROM inquiry_categories WHERE category = ?)'), args.push(f.category));
    return { sql: parts.join(' AND '), args };
  };

  /**
   * Counts inquiries (not rows) over several windows without a DISTINCT over all of them: the largest
   * window counts its rows from the index alone; each other window counts only the inquiries that no
   * window before it has (one primary-key probe per row, so the fewest probes go largest-first).
   */
  const countDistinct = (windows: string[], f: InboxFilter, byStatus: boolean): { status: InquiryStatus | null; n: number }[] => {
    // Counts only change when inquiries do: kept until the next change from this process
    // (`changed()`) or a commit by another connection (PRAGMA data_version).
    const dataVersion = (q('PRAGMA data_version').get() as { data_version: number }).data_version;
    if (dataVersion !== countsSeen.dataVersion || countsSeen.writes !== writes) {
      countCache.clear();
      Object.assign(countsSeen, { dataVersion, writes });
    }
    const key = JSON.stringify([windows, { ...f, page: undefined }, byStatus]);
    const cached = countCache.get(key);
    if (cached) return cached;
    if (countCache.size > 1000) countCache.clear();
    const computed = countUncached(windows, f, byStatus);
    countCache.set(key, computed);
    return computed;
  };
  const countUncached = (windows: string[], f: InboxFilter, byStatus: boolean): { status: InquiryStatus | null; n: number }[] => {
    const c = conditions(f);
    const group = byStatus ? 'iw.status' : 'NULL';
    const plain = q(`SELECT ${group} AS status, COUNT(*) AS n FROM inquiry_windows iw WHERE ${c.sql} GROUP BY ${group}`);
    const counts = windows.map((w) => ({ w, rows: plain.all(w, ...c.args) as { status: InquiryStatus | null; n: number }[] }));
    if (counts.length === 1) return counts[0]!.rows;
    const total = (x: (typeof counts)[number]) => x.rows.reduce((sum, r) => sum + r.n, 0);
    counts.sort((x, y) => total(y) - total(x));
    const out = [...counts[0]!.rows];
    counts.slice(1).forEach(({ w }, k) => {
      const earlier = counts.slice(0, k + 1).map((x) => x.w);
      const probe = ` AND NOT EXISTS (SELECT 1 FROM inquiry_windows o WHERE o.window_id IN (${placeholders(earlier.length)}) AND o.inquiry_id = iw.inquiry_id AND o.ended_at IS NULL)`;
      out.push(...(q(`SELECT ${group} AS status, COUNT(*) AS n FROM inquiry_windows iw WHERE ${c.sql}${probe} GROUP BY ${group}`).all(w, ...c.args, ...earlier) as { status: InquiryStatus | null; n: number }[]));
    });
    return out;
  };

  let writes = 0;
  const countsSeen = { dataVersion: -1, writes: -1 };
  const countCache = new Map<string, { status: InquiryStatus | null; n: number }[]>();

  const cache = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const q = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };

  type ListRow = {
    public_id: string; receipt: string; received_at: string; status: InquiryStatus; urgent: number; writer: string; categories: string; windows: string | null; assignee: string | null;
    kind: string | null; agency_kind: string | null; agency_kind_other: string | null; agency_name: string | null;
  };
  type DetailRow = { id: number; public_id: string; receipt: string; received_at: string; body: string; routing: string; status: InquiryStatus; urgent: number; assignee_id: number | null; assignee: string | null; version: number };

  const current = (publicId: string) => q('SELECT id, version FROM inquiries WHERE public_id = ?').get(publicId) as { id: number; version: number } | undefined;
  const addEvent = (inquiryId: number, type: InquiryEvent['type'], detail: Record<string, unknown>, staffId: number, window: string | null = null) =>
    q('INSERT INTO inquiry_events (inquiry_id, type, at, detail, staff_id, window_id) VALUES (?, ?, ?, ?, ?, ?)').run(inquiryId, type, new Date().toISOString(), JSON.stringify(sealDetail(detail, sealer)), staffId, window);
  /**
   * Runs a versioned change: refused when the inquiry changed since the form was shown, or when
   * `refuse` (read inside the same write transaction) gives a reason.
   */
  const versioned = <R extends string = never>(publicId: string, version: number, apply: (id: number) => void, refuse?: (id: number) => R | undefined): ChangeResult | { ok: false; reason: R } =>
    tx(() => {
      const row = current(publicId);
      if (!row) return { ok: false, reason: 'missing' } as const;
      // Checked before the version, so the answer ("already shared") is the same however stale the form.
      const refused = refuse?.(row.id);
      if (refused) return { ok: false, reason: refused } as const;
      if (row.version !== version) return { ok: false, reason: 'stale' } as const;
      apply(row.id);
      writes++;
      q('UPDATE inquiries SET version = version + 1 WHERE id = ?').run(row.id);
      return { ok: true, version: version + 1 } as const;
    });

  /**
   * Inquiries as the detail page shows them, read in three statements however many are asked (ids go
   * in as one JSON array, so there is no limit on their number); in the order asked.
   */
  const details = (publicIds: readonly string[]): InboxInquiry[] => {
    if (publicIds.length === 0) return [];
    const rows = q(
      `SELECT i.id, i.public_id, i.receipt, i.received_at, i.body, i.routing, i.status, i.urgent, i.assignee_id, s.name AS assignee, i.version
         FROM inquiries i LEFT JOIN staff s ON s.id = i.assignee_id WHERE i.public_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(publicIds)) as DetailRow[];
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const sharesOf = Map.groupBy(
      q('SELECT inquiry_id, window_id, kind, basis, ended_at FROM inquiry_windows WHERE inquiry_id IN (SELECT value FROM json_each(?)) ORDER BY window_id').all(ids) as {
        inquiry_id: number; window_id: string; kind: WindowShare['kind']; basis: WindowShare['basis']; ended_at: string | null;
      }[],
      (x) => x.inquiry_id,
    );
    const eventsOf = Map.groupBy(
      q('SELECT e.inquiry_id, e.type, e.at, e.detail, e.window_id, s.name AS staff FROM inquiry_events e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.inquiry_id IN (SELECT value FROM json_each(?)) ORDER BY e.id').all(ids) as {
        inquiry_id: number; type: InquiryEvent['type']; at: string; detail: string; window_id: string | null; staff: string | null;
      }[],
      (e) => e.inquiry_id,
    );
    const byPublicId = new Map(
      rows.map((r): [string, InboxInquiry] => {
        const shares = (sharesOf.get(r.id) ?? []).map((x): WindowShare => ({ window: x.window_id, kind: x.kind, basis: x.basis, ended: x.ended_at !== null }));
        return [
          r.public_id,
          {
            publicId: r.public_id,
            receipt: r.receipt,
            receivedAt: r.received_at,
            inquiry: openInquiry(r.body, sealer),
            routing: JSON.parse(r.routing) as RoutingDecision,
            windows: shares.filter((x) => !x.ended).map((x) => x.window),
            formerWindows: shares.filter((x) => x.ended).map((x) => x.window),
            shares,
            status: r.status,
            urgent: r.urgent === 1,
            assigneeId: r.assignee_id,
            assignee: r.assignee,
            version: r.version,
            events: (eventsOf.get(r.id) ?? []).map((e): InquiryEvent => ({ type: e.type, at: e.at, detail: openDetail(JSON.parse(e.detail), sealer), staff: e.staff, window: e.window_id })),
          },
        ];
      }),
    );
    return publicIds.flatMap((id) => byPublicId.get(id) ?? []);
  };

  return {
    changed: async () => void writes++,
    list: async (windows, filter, limit) => {
      const mine = windowsFor(windows, filter);
      if (mine.length === 0) return { rows: [], total: 0 };
      const offset = ((filter.page ?? 1) - 1) * limit;
      // Newest first per window (an index range read that stops early), merged here.
      const c = conditions(filter);
      const top = q(`SELECT iw.inquiry_id AS id FROM inquiry_windows iw WHERE ${c.sql} ORDER BY iw.inquiry_id DESC LIMIT ?`);
      const ids = [...new Set(mine.flatMap((w) => (top.all(w, ...c.args, offset + limit) as { id: number }[]).map((r) => r.id)))].sort((a, b) => b - a).slice(offset, offset + limit);
      const one = q(
        `SELECT i.public_id, i.receipt, i.received_at, i.status, i.urgent, json_extract(i.body, '$.writer') AS writer, json_extract(i.body, '$.categories') AS categories,
                json_extract(i.body, '$.kind') AS kind, json_extract(i.body, '$.agencyKind') AS agency_kind, json_extract(i.body, '$.agencyKindOther') AS agency_kind_other, json_extract(i.body, '$.agencyName') AS agency_name,
                (SELECT group_concat(window_id, ' ') FROM inquiry_windows iw WHERE iw.inquiry_id = i.id AND iw.ended_at IS NULL) AS windows, s.name AS assignee
           FROM inquiries i LEFT JOIN staff s ON s.id = i.assignee_id WHERE i.id = ?`,
      );
      const rows = ids.map((id) => one.get(id) as ListRow);
      const total = countDistinct(mine, filter, false).reduce((sum, r) => sum + r.n, 0);
      return {
        total,
        rows: rows.map((r) => toInboxRow({ ...r, urgent: r.urgent === 1, categories: JSON.parse(r.categories) as string[], windows: r.windows ? r.windows.split(' ').sort() : [] })),
      };
    },
    statusCounts: async (windows) => {
      const counts = Object.fromEntries(inquiryStatuses.map((s) => [s, 0])) as Record<InquiryStatus, number>;
      if (windows.length === 0) return counts;
      for (const r of countDistinct(windowsFor(windows, {}), {}, true)) counts[r.status!] += r.n;
      return counts;
    },
    get: async (publicId) => details([publicId])[0],
    getMany: async (publicIds) => details(publicIds),
    changeStatus: async (publicId, { status, outcome, version, staffId, window }) =>
      versioned(publicId, version, (id) => {
        const from = (q('SELECT status FROM inquiries WHERE id = ?').get(id) as { status: string }).status;
        // done_at starts the retention period (README, "Retention"); leaving 完了 stops it.
        q("UPDATE inquiries SET status = ?, done_at = CASE WHEN ? = 'done' THEN ? ELSE NULL END WHERE id = ?").run(status, status, new Date().toISOString(), id);
        q('UPDATE inquiry_windows SET status = ? WHERE inquiry_id = ?').run(status, id);
        addEvent(id, 'status', { from, to: status, ...(outcome ? { outcome } : {}) }, staffId, window ?? null);
      }),
    assign: async (publicId, { assigneeId, version, staffId, window }) =>
      versioned(publicId, version, (id) => {
        q('UPDATE inquiries SET assignee_id = ? WHERE id = ?').run(assigneeId, id);
        addEvent(id, 'assigned', { to: assigneeId }, staffId, window ?? null);
      }),
    addNote: async (publicId, { text, staffId, window }) =>
      tx(() => {
        // Notes are append-only events; they do not change the inquiry, so they need no version.
        const row = current(publicId);
        if (!row) return { ok: false, reason: 'missing' } as const;
        addEvent(row.id, 'note', { text }, staffId, window ?? null);
        return { ok: true, version: row.version } as const;
      }),
    share: async (publicId, { mode, from, to, reason, basis, version, staffId }) =>
      // "Already shared" is read inside the change's write transaction: two hand-overs to one window
      // at once cannot both pass it.
      versioned(
        publicId,
        version,
        (id) => {
          const at = new Date().toISOString();
          const st = q('SELECT status, urgent, received_at FROM inquiries WHERE id = ?').get(id) as { status: InquiryStatus; urgent: number; received_at: string };
          // つなぐ: the receiving window sees it as new and unassigned; the sender's row ends, so the
          // permission rule stops giving it the content (only its own events stay visible to it).
          const status = mode === 'handOver' ? 'new' : st.status;
          const kind = mode === 'handOver' ? 'handedTo' : mode === 'join' ? 'joined' : 'escalated';
          q(
            `INSERT INTO inquiry_windows (window_id, inquiry_id, kind, basis, status, urgent, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (window_id, inquiry_id) DO UPDATE SET kind = excluded.kind, basis = excluded.basis, ended_at = NULL`,
          ).run(to, id, kind, basis, status, st.urgent, st.received_at);
          if (mode === 'handOver') {
            q('UPDATE inquiry_windows SET ended_at = ? WHERE inquiry_id = ? AND window_id = ?').run(at, id, from);
            q("UPDATE inquiries SET status = 'new', assignee_id = NULL WHERE id = ?").run(id);
            q("UPDATE inquiry_windows SET status = 'new' WHERE inquiry_id = ?").run(id);
          }
          queueNotification(db, 'handedTo', to, id, at);
          const type = mode === 'handOver' ? 'handedOver' : mode === 'join' ? 'joined' : 'escalated';
          addEvent(id, type, { from, to, basis, ...(mode === 'escalate' ? { summary: reason } : { reason }), ...(mode === 'handOver' && st.status !== 'new' ? { statusBefore: st.status } : {}) }, staffId, from);
        },
        (id) => (q('SELECT 1 FROM inquiry_windows WHERE inquiry_id = ? AND window_id = ? AND ended_at IS NULL').get(id, to) ? ('same' as const) : undefined),
      ),
    handedOver: async (windows, limit) => {
      if (windows.length === 0) return [];
      const rows = q(
        `SELECT i.public_id, i.receipt, iw.ended_at, iw.window_id FROM inquiry_windows iw JOIN inquiries i ON i.id = iw.inquiry_id
          WHERE iw.window_id IN (${placeholders(windows.length)}) AND iw.ended_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM inquiry_windows o WHERE o.inquiry_id = iw.inquiry_id AND o.ended_at IS NULL AND o.window_id IN (${placeholders(windows.length)}))
          ORDER BY iw.ended_at DESC LIMIT ?`,
      ).all(...windows, ...windows, limit) as { public_id: string; receipt: string; ended_at: string; window_id: string }[];
      return rows.map((r) => ({ publicId: r.public_id, receipt: r.receipt, endedAt: r.ended_at, window: r.window_id }));
    },
    recordMeeting: async (publicId, { date, summary, staffId, window }) =>
      tx(() => {
        const row = current(publicId);
        if (!row) return { ok: false, reason: 'missing' } as const;
        addEvent(row.id, 'meeting', { date, summary, basis: 'supportMeeting' }, staffId, window);
        return { ok: true, version: row.version } as const;
      }),
  };
}
