// The SQLite engine's side of `npm run store -- copy`: every table as rows, in batches, as stored
// (sealed values stay sealed), and the counter that numbers receipts.
import { DatabaseSync } from 'node:sqlite';

export interface TableRows {
  table: string;
  /** Column names; every row has them in this order. */
  columns: string[];
  rows: AsyncIterable<unknown[][]> | Iterable<unknown[][]>;
  count: number;
}

export interface SqliteSnapshot {
  tables(): string[];
  read(table: string, batch: number): TableRows;
  /** The last receipt sequence given (never reused, even after a deletion). */
  lastInquiryId(): number;
  close(): void;
}

/** Opens the file read-only, inside one read transaction, so every table is read as of one moment. */
export function openSqliteSnapshot(path: string): SqliteSnapshot {
  const db = new DatabaseSync(path, { readOnly: true });
  db.exec('BEGIN');
  return {
    tables: () =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name),
    read: (table, batch) => {
      const columns = (db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string }[]).map((c) => c.name);
      const count = (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
      const statement = db.prepare(`SELECT * FROM "${table}"`);
      function* rows() {
        let chunk: unknown[][] = [];
        for (const r of statement.iterate() as Iterable<Record<string, unknown>>) {
          chunk.push(columns.map((c) => r[c]));
          if (chunk.length === batch) (yield chunk, (chunk = []));
        }
        if (chunk.length) yield chunk;
      }
      return { table, columns, rows: rows(), count };
    },
    lastInquiryId: () => {
      const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'inquiries'").get() as { seq: number } | undefined;
      const max = db.prepare('SELECT max(id) AS id FROM inquiries').get() as { id: number | null };
      return Math.max(Number(seq?.seq ?? 0), Number(max.id ?? 0));
    },
    close: () => {
      db.exec('COMMIT');
      db.close();
    },
  };
}
