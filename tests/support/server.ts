import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A running copy of the real built server (npm start's entry) on loopback with its own database. */
export interface TestServer {
  origin: string;
  dbPath: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

let nextPort = 4700 + Math.floor(Math.random() * 200);

/** Starts `node src/server/main.ts` (needs `npm run build` first) and waits until it answers. */
export async function startServer(env: Record<string, string> = {}, dbPath?: string): Promise<TestServer> {
  const port = nextPort++;
  const db = dbPath ?? join(mkdtempSync(join(tmpdir(), 'inquiry-test-')), 'inquiries.sqlite');
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), INQUIRY_DB_PATH: db, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const up = await fetch(`${origin}/`).then((r) => r.ok, () => false);
    if (up) break;
    await delay(100);
  }
  return {
    origin,
    dbPath: db,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
