// POST /api/referrals against the real built server: the same request handling as /api/inquiries
// (shared in src/server/form-endpoint.ts), its own field table, the same store with kind 'referral'.
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referral, referralRoute } from '../fixtures/referrals';
import { openTestStore, storeEnv } from '../support/store';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ INQUIRY_RATE_LIMIT: 'off' });
});
afterAll(() => server.stop());

const body = (over: Record<string, unknown> = {}) => ({ ...referral, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000, ...over });
const post = (payload: unknown, headers: Record<string, string> = {}, method = 'POST') =>
  fetch(`${server.origin}/api/referrals`, {
    method,
    headers: { 'content-type': 'application/json', origin: server.origin, 'sec-fetch-site': 'same-origin', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
/** How many records the server's database holds, read through the store (either engine). */
const count = async () => {
  const store = openTestStore(server.dbPath);
  try {
    return await store.count();
  } finally {
    await store.close();
  }
};

describe('POST /api/referrals', () => {
  it('201 with a receipt, routed to 多機関協働 and the field windows the profile expects; the CLI shows it as a referral', async () => {
    const res = await post(body());
    expect(res.status).toBe(201);
    const data = (await res.json()) as { receipt: string; windows: { id: string }[]; coordinator: boolean };
    expect(data.receipt).toMatch(/^\d{8}-\d{5}$/);
    // Where the profile's sample must go: its expectations/inquiry.yaml (always with the coordinator).
    expect(data.coordinator).toBe(true);
    expect(data.windows.map((w) => w.id)).toEqual(referralRoute.windows);
    // The CLI runs without blocking this process: a blocked event loop would miss the server closing an
    // idle keep-alive connection (5 s), and the next test's fetch would reuse the closed socket.
    const cli = async (...args: string[]) => (await promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/inquiries.ts', ...args], { env: { ...process.env, ...storeEnv(server.dbPath) }, encoding: 'utf8' })).stdout;
    const shown = JSON.parse(await cli('show', data.receipt));
    expect(shown.kind).toBe('referral');
    expect(shown.inquiry).toMatchObject({ kind: 'referral', agencyName: referral.agencyName, workerPhone: '09000001234', shareConsent: 'notConfirmed' });
    // The CSV: 連絡票s with their own columns, and not among the residents' inquiries.
    const referrals = (await cli('export', '--csv', 'referral')).split('\r\n');
    expect(referrals[0]).toContain('agencyName,agencyKind');
    expect(referrals.find((l) => l.startsWith(`"${data.receipt}"`))).toContain(`"${referral.agencyName}"`);
    expect(await cli('export', '--csv')).not.toContain(data.receipt);
  });

  it('the same idempotency key returns the same receipt and stores nothing new', async () => {
    const b = body();
    const first = (await (await post(b)).json()) as { receipt: string };
    const before = await count();
    const again = await post(b);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { receipt: string }).receipt).toBe(first.receipt);
    expect(await count()).toBe(before);
  });

  it('400 naming each missing field with its own message; nothing stored', async () => {
    const before = await count();
    const res = await post({ locale: 'ja', idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000, agencyKind: 'other' });
    expect(res.status).toBe(400);
    const data = (await res.json()) as { fields: { field: string; key: string; message: string }[] };
    const named = Object.fromEntries(data.fields.map((f) => [f.field, f.message]));
    expect(named.agencyName).toBe('機関名を入力してください');
    expect(named.agencyKindOther).toBe('その他の機関の種別を入力してください');
    expect(named.workerPhone).toBe('担当者の電話番号を入力してください');
    expect(named.shareConsent).toBe('情報共有についてのご本人の同意を選んでください');
    expect(Object.keys(named)).not.toContain('workerEmail');
    expect(await count()).toBe(before);
  });

  it('strict JSON: an unknown field, or a lone string where a list belongs, is a 400 naming it', async () => {
    const res = await post(body({ agencyNmae: 'x', categories: 'care' }));
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { fields: { field: string; key: string }[] }).fields;
    expect(fields).toContainEqual(expect.objectContaining({ field: 'agencyNmae', key: 'api.error.unknownField' }));
    expect(fields.map((f) => f.field)).toContain('categories');
    expect((await post('{"agencyName":')).status).toBe(400);
  });

  it('405 with Allow: POST for other methods', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(`${server.origin}/api/referrals`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow'), method).toBe('POST');
    }
  });

  it('the trap field and a too-fast send are answered 202 and not stored', async () => {
    const before = await count();
    expect((await post(body({ website: 'http://spam' }))).status).toBe(202);
    expect((await post(body({ startedAt: Date.now() }))).status).toBe(202);
    expect(await count()).toBe(before);
  });

  it('403 cross-site, 415 other content types', async () => {
    expect((await post(body(), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('a=b', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('is described in the OpenAPI document, with the always-asked fields required', async () => {
    const doc = (await (await fetch(`${server.origin}/api/openapi.json`)).json()) as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { required: string[]; additionalProperties?: boolean } }> } } }> };
    const schema = doc.paths['/api/referrals']!.post.requestBody.content['application/json']!.schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['agencyName', 'agencyKind', 'workerName', 'workerPhone', 'shareConsent', 'idempotencyKey', 'startedAt', 'locale']));
    expect(schema.required).not.toContain('agencyKindOther');
    expect(schema.required).not.toContain('workerEmail');
  });
});

describe('the page without JavaScript', () => {
  const page = (fields: Record<string, unknown>) => {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, String(x));
    return fetch(`${server.origin}/shienkikan/renraku/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin }, body: form.toString() });
  };

  it('check step: a complete 連絡票 shows the answers and stores nothing; a missing answer is a 400 naming it', async () => {
    const before = await count();
    const ok = await page({ ...body(), step: 'check' });
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html).toContain('連絡票の内容の確認');
    expect(html).toContain(referral.agencyName);
    const bad = await page({ ...body({ workerName: '' }), step: 'check' });
    expect(bad.status).toBe(400);
    const errorHtml = await bad.text();
    expect(errorHtml).toContain('href="#f-workerName"');
    expect(errorHtml).toContain('担当者名を入力してください');
    // What was typed is kept.
    expect(errorHtml).toContain(referral.situation);
    expect(await count()).toBe(before);
  });

  it('the trap field filled: the form again with everything typed and a plain "not sent", nothing stored', async () => {
    const before = await count();
    const res = await page({ ...body({ website: 'x' }), step: 'send' });
    const html = await res.text();
    expect(html).toContain('まだ送られていません');
    expect(html).toContain(referral.situation);
    expect(html).not.toContain('data-receipt');
    expect(await count()).toBe(before);
  });

  it('send step stores it and shows the receipt', async () => {
    const before = await count();
    const html = await (await page({ ...body(), step: 'send' })).text();
    expect(html).toMatch(/data-receipt[^>]*>\d{8}-\d{5}</);
    expect(await count()).toBe(before + 1);
  });

  it('rate limit: the page and the API share one per-client limit for 連絡票s', async () => {
    const limited = await startServer({ INQUIRY_RATE_LIMIT: '2' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${limited.origin}/api/referrals`, { method: 'POST', headers: { 'content-type': 'application/json', origin: limited.origin }, body: JSON.stringify(body()) });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 429]);
      const form = new URLSearchParams({ ...Object.fromEntries(Object.entries(body()).map(([k, v]) => [k, String(v)])), step: 'send' });
      const page = await fetch(`${limited.origin}/shienkikan/renraku/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: limited.origin }, body: form.toString() });
      expect(page.status).toBe(429);
    } finally {
      await limited.stop();
    }
  });
});
