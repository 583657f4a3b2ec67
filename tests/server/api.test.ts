import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInquirySchema } from '@/schemas/inquiry';
import { familyInquiry } from '../fixtures/inquiries';
import { startServer, type TestServer } from '../support/server';

// Against the real built server (npm test builds before vitest), on throw-away databases.
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ INQUIRY_RATE_LIMIT: 'off' });
});
afterAll(() => server.stop());

const body = (over: Record<string, unknown> = {}) => ({ ...familyInquiry, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000, ...over });
const post = (payload: unknown, headers: Record<string, string> = {}, origin = server.origin) =>
  fetch(`${origin}/api/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
const count = (dbPath = server.dbPath) => {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM inquiries').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('POST /api/inquiries', () => {
  it('201 with a receipt, routed to the 地域包括 of 山田 and the coordinator', async () => {
    const res = await post(body());
    expect(res.status).toBe(201);
    const data = (await res.json()) as { receipt: string; windows: { id: string }[]; coordinator: boolean };
    expect(data.receipt).toMatch(/^\d{8}-\d{5}$/);
    expect(data.windows.map((w) => w.id)).toEqual(['omigawa-houkatsu', 'takikan-kyodo']);
    expect(data.coordinator).toBe(true);
  });

  it('accepts a form-encoded body', async () => {
    const form = new URLSearchParams({ writer: 'self', area: 'sawara', details: '介護のこと', window: 'any', name: '香取', language: 'ja', locale: 'ja', consent: 'on', phone: '０４７８５０１２３１', idempotencyKey: randomUUID(), startedAt: String(Date.now() - 10_000) });
    form.append('categories', 'care');
    form.append('contactMethods', 'phone');
    const res = await post(form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(201);
  });

  it('an idempotent retry returns the same receipt and stores nothing new', async () => {
    const b = body();
    const first = (await (await post(b)).json()) as { receipt: string };
    const before = count();
    const again = await post(b);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { receipt: string }).receipt).toBe(first.receipt);
    expect(count()).toBe(before);
  });

  it('400 with a message for each invalid field, using the form message keys', async () => {
    const res = await post(body({ phone: '12', consent: false, details: 'x'.repeat(2001) }));
    expect(res.status).toBe(400);
    const data = (await res.json()) as { fields: { field: string; key: string; message: string }[] };
    expect(Object.fromEntries(data.fields.map((f) => [f.field, f.key]))).toEqual({ phone: 'form.error.phoneInvalid', consent: 'form.error.consentRequired', details: 'form.error.tooLong' });
    for (const f of data.fields) expect(f.message).not.toMatch(/^form\.error/);
  });

  it('400 for malformed JSON, without internals', async () => {
    const res = await post('{"writer": ');
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at |stack|Error:/);
  });

  it('413 for a body over 32 KB', async () => {
    expect((await post(body({ details: 'あ'.repeat(12_000) }))).status).toBe(413);
  });

  it('415 for another content type', async () => {
    expect((await post('writer=self', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('403 for a foreign Origin or a cross-site fetch', async () => {
    expect((await post(body(), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(body(), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('405 for other methods', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(`${server.origin}/api/inquiries`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it('a filled honeypot or a form sent too fast is quietly not stored', async () => {
    const before = count();
    expect((await post(body({ website: 'http://spam.example' }))).status).toBe(202);
    expect((await post(body({ startedAt: Date.now() }))).status).toBe(202);
    expect(count()).toBe(before);
  });

  it('bad input never causes a 500 and the server keeps working', async () => {
    const junk = ['null', '[]', '"x"', '{"categories":"care"}', JSON.stringify(body({ writer: { $gt: '' } })), JSON.stringify(body({ details: '\u0000\uffff' })), JSON.stringify(body({ idempotencyKey: 'short' }))];
    for (const j of junk) expect((await post(j)).status, j).toBeLessThan(500);
    expect((await post(body())).status).toBe(201);
  });

  it('every response carries the security headers', async () => {
    for (const path of ['/', '/madoguchi/', '/soudan/', '/api/openapi.json', '/_astro/nonexistent.js']) {
      const res = await fetch(`${server.origin}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(res.headers.get('permissions-policy'), path).toContain('camera=()');
    }
  });

  it('200 concurrent submissions are each stored exactly once', async () => {
    const before = count();
    const results = await Promise.all(Array.from({ length: 200 }, () => post(body()).then(async (r) => ({ status: r.status, receipt: ((await r.json()) as { receipt: string }).receipt }))));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.receipt)).size).toBe(200);
    expect(count()).toBe(before + 200);
  });
});

describe('rate limit', () => {
  it('429 with Retry-After once a client sends too many', async () => {
    const limited = await startServer({ INQUIRY_RATE_LIMIT: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(body(), {}, limited.origin)).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const res = await post(body(), {}, limited.origin);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.stop();
    }
  });
});

describe('durability', () => {
  it('kill -9 while submissions run: every inquiry that got a 201 is there after restart', async () => {
    const first = await startServer({ INQUIRY_RATE_LIMIT: 'off' });
    const acknowledged: string[] = [];
    let killed = false;
    // Ten senders keep submitting until the server dies under them.
    const sender = async () => {
      while (!killed) {
        const res = await post(body(), {}, first.origin).catch(() => undefined);
        if (res?.status === 201) acknowledged.push(((await res.json()) as { receipt: string }).receipt);
      }
    };
    const senders = Array.from({ length: 10 }, sender);
    // Kill only once submissions are clearly under way, however slow the machine.
    for (let i = 0; i < 200 && acknowledged.length < 50; i++) await new Promise((r) => setTimeout(r, 50));
    await first.stop('SIGKILL');
    killed = true;
    await Promise.all(senders);
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    const second = await startServer({ INQUIRY_RATE_LIMIT: 'off' }, first.dbPath);
    try {
      const db = new DatabaseSync(first.dbPath, { readOnly: true });
      const stored = new Set((db.prepare('SELECT receipt FROM inquiries').all() as { receipt: string }[]).map((r) => r.receipt));
      db.close();
      for (const receipt of acknowledged) expect(stored.has(receipt), receipt).toBe(true);
      expect((await post(body(), {}, second.origin)).status).toBe(201);
    } finally {
      await second.stop();
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 whose example body is a valid inquiry', async () => {
    const doc = (await (await fetch(`${server.origin}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> } } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const example = doc.paths['/api/inquiries']!.post.requestBody.content['application/json']!.examples.familyMember!.value;
    const schema = createInquirySchema({ categories: ['care', 'isolation'], windows: [], districts: ['yamada'] });
    expect(z.safeParse(schema, example).success).toBe(true);
    expect(example.writer).toBe('family');
    // And the server takes it (with a fresh key and start time).
    expect((await post({ ...example, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 })).status).toBe(201);
  });
});
