// The API benchmark's baseline: a bare node:http server that parses a JSON body and does one
// node:sqlite insert with the same durability as the inquiry store (WAL, each answered insert fsynced),
// done the plain way: synchronous=FULL, one fsync per insert on the event loop.
// Started as its own process by api.ts: tsx tests/bench/baseline-server.ts <port> <db file>
import { createServer } from 'node:http';
import { DatabaseSync } from 'node:sqlite';

const [port, file] = process.argv.slice(2);
const db = new DatabaseSync(file!);
db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
db.exec('CREATE TABLE IF NOT EXISTS inquiries (id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO inquiries (received_at, body) VALUES (?, ?)');

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const { lastInsertRowid } = insert.run(new Date().toISOString(), JSON.stringify(body));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: Number(lastInsertRowid) }));
    } catch {
      res.writeHead(400).end();
    }
  });
}).listen(Number(port), '127.0.0.1');
