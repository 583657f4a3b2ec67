import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import autocannon from 'autocannon';
import { startBuiltServer } from './server';
import { inquiryBody } from './api-body';

export interface ApiFigures {
  target: string;
  requests: number;
  non2xx: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Seconds each target is driven, unmeasured, before its measured run: both are warm when measured. */
export const WARM_UP_SECONDS = 3;
/** Seconds each target is measured for. */
export const API_SECONDS = 10;

/**
 * Drives one POST endpoint with distinct bodies for `seconds`; bounded in time and connections.
 * A warm-up run comes first and is not counted: the JIT and the database's first pages were
 * halving the first measured second (726/s against 1,400-1,700/s afterwards).
 */
async function drive(target: string, url: string, headers: Record<string, string>, seconds: number): Promise<ApiFigures> {
  let n = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: 10,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: JSON.stringify(inquiryBody(n++)) }) }],
    });
  await run(WARM_UP_SECONDS);
  const result = await run(seconds);
  return {
    target,
    requests: result.requests.total,
    non2xx: result.non2xx,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Measures POST /api/inquiries and the bare node:http + node:sqlite baseline in the same run. */
export async function measureApi(seconds = API_SECONDS): Promise<{ api: ApiFigures; baseline: ApiFigures; ratio: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const port = 4471;
  const server = await startBuiltServer(port, { INQUIRY_DB_PATH: join(dir, 'api.sqlite'), INQUIRY_RATE_LIMIT: 'off' });
  let api: ApiFigures;
  try {
    api = await drive('POST /api/inquiries', `${server.origin}/api/inquiries`, { origin: server.origin, 'sec-fetch-site': 'same-origin' }, seconds);
  } finally {
    await server.stop();
  }

  const basePort = 4472;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/baseline-server.ts', String(basePort), join(dir, 'baseline.sqlite')], { stdio: 'inherit' });
  try {
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`http://127.0.0.1:${basePort}/`, { method: 'POST', body: '{}' }).then(() => true, () => false);
      if (ok) break;
      await delay(100);
    }
    const baseline = await drive('baseline node:http + node:sqlite', `http://127.0.0.1:${basePort}/`, {}, seconds);
    return { api, baseline, ratio: Math.round((api.perSecond / baseline.perSecond) * 100) / 100 };
  } finally {
    child.kill();
  }
}
