import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

/** A running copy of the built site (npm start's server) on a loopback port with its own database. */
export interface RunningServer {
  origin: string;
  stop(): Promise<void>;
}

/**
 * Starts the built server with the current Node (Node 24 from node_modules/.bin when run by npm)
 * and waits until it answers. Only 127.0.0.1 is ever used.
 */
export async function startBuiltServer(port: number, env: Record<string, string> = {}, script = 'src/server/main.ts'): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${origin}/`);
      if (res.status < 500) break;
    } catch {
      /* not up yet */
    }
    await delay(100);
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
