import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { storeEnv } from './store';

/** A running copy of the real built server (npm start's entry) on loopback with its own database. */
export interface TestServer {
  origin: string;
  dbPath: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A port no one is listening on: the system picks it. Test files run in parallel, and other runs may
 * share the machine, so a port from a fixed range could already be taken.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node src/server/main.ts` (needs the selected profile's build first) and waits until it answers. */
export async function startServer(env: Record<string, string> = {}, dbPath?: string): Promise<TestServer> {
  const port = await freePort();
  const db = dbPath ?? join(mkdtempSync(join(tmpdir(), 'inquiry-test-')), 'inquiries.sqlite');
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...storeEnv(db), ...env },
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
