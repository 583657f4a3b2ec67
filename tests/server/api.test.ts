import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInquirySchema } from '@/schemas/inquiry';
import { apiProblemSchema, envelopeFields, inquiryNotStoredSchema, inquiryReceiptSchema } from '@/schemas/inquiry-api';
import { familyInquiry, familyInquiryRoute, profileVocabulary } from '../fixtures/inquiries';
import { openTestStore } from '../support/store';
import { issueFormStart } from '@/server/form-start';
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
/** Sends raw HTTP (for what fetch refuses: a GET body, TRACE) and returns the status line and headers. */
const rawRequest = (text: string) =>
  new Promise<string>((resolve, reject) => {
    const url = new URL(server.origin);
    // Written, not ended: the server answers and then closes (Connection: close).
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let reply = '';
    socket.on('data', (d) => (reply += d.toString('utf8')));
    socket.on('end', () => resolve(reply.split('\r\n\r\n')[0]! + '\r\n'));
    socket.on('error', reject);
  });
/** How many inquiries the server's database holds, read through the store (either engine). */
const count = async (dbPath = server.dbPath) => {
  const store = openTestStore(dbPath);
  try {
    return await store.count();
  } finally {
    await store.close();
  }
};

describe('POST /api/inquiries', () => {
  // Where the profile's sample must go is written by hand in its expectations/inquiry.yaml (the
  // 地域包括 serving the district, or the town's own 相談所, and the coordinator).
  it('201 with a receipt, routed to the windows the profile expects for its sample', async () => {
    const res = await post(body());
    expect(res.status).toBe(201);
    const data = (await res.json()) as { receipt: string; windows: { id: string }[]; coordinator: boolean };
    expect(data.receipt).toMatch(/^\d{8}-\d{5}$/);
    expect(data.windows.map((w) => w.id)).toEqual(familyInquiryRoute.windows);
    expect(data.coordinator).toBe(familyInquiryRoute.coordinator);
  });

  it('accepts a form-encoded body carrying the start time the site signed (as its form pages do)', async () => {
    // The first district of the profile: any of its districts is a valid answer. The test shares the
    // server's key (data/inquiry.key), so it can sign a start time as the form page would have.
    const form = new URLSearchParams({ writer: 'self', area: profileVocabulary.districts[0]!, details: '介護のこと', window: 'any', name: '佐藤', language: 'ja', locale: 'ja', consent: 'on', phone: '０９０００００１２３１', idempotencyKey: randomUUID(), startedAt: issueFormStart(Date.now() - 10_000) });
    form.append('categories', 'care');
    form.append('contactMethods', 'phone');
    const res = await post(form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(201);
    // A form's start time it made up itself (a plain number, or a token with a wrong signature) is the
    // bot check's "not stored", whatever it claims.
    for (const forged of [String(Date.now() - 10_000), '1', `${Date.now() - 10_000}.AAAAAAAAAAAAAAAAAAAAAA`]) {
      form.set('startedAt', forged);
      form.set('idempotencyKey', randomUUID());
      expect((await post(form.toString(), { 'content-type': 'application/x-www-form-urlencoded' })).status, forged).toBe(202);
    }
  });

  it('a list that names one choice more than once is a 400 naming the field, nothing stored', async () => {
    const before = await count();
    const category = (familyInquiry as { categories: string[] }).categories[0]!;
    const res = await post(body({ categories: Array.from({ length: 300 }, () => category) }));
    expect(res.status).toBe(400);
    expect(apiProblemSchema.parse(await res.json()).fields).toEqual([{ field: 'categories', key: 'form.error.repeated', message: expect.any(String) }]);
    expect(await count()).toBe(before);
  });

  it('an idempotent retry returns the same receipt and stores nothing new', async () => {
    const b = body();
    const first = (await (await post(b)).json()) as { receipt: string };
    const before = await count();
    const again = await post(b);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { receipt: string }).receipt).toBe(first.receipt);
    expect(await count()).toBe(before);
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

  it('405 with Allow: POST for every other method, whatever the body', async () => {
    const bodies: [string, Record<string, string>, string | undefined][] = [
      ['no body', {}, undefined],
      ['a valid JSON inquiry', { 'content-type': 'application/json' }, JSON.stringify(body())],
      ['malformed JSON', { 'content-type': 'application/json' }, '{"writer": '],
      ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'writer=self'],
      ['plain text', { 'content-type': 'text/plain' }, 'hello'],
      ['a body over the limit', { 'content-type': 'application/json' }, JSON.stringify(body({ details: 'あ'.repeat(12_000) }))],
    ];
    for (const method of ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      for (const [what, headers, payload] of bodies) {
        if ((method === 'GET' || method === 'HEAD') && payload) continue; // fetch cannot send these; raw HTTP below does
        const res = await fetch(`${server.origin}/api/inquiries`, { method, headers: { origin: server.origin, ...headers }, body: payload });
        expect(res.status, `${method} with ${what}`).toBe(405);
        expect(res.headers.get('allow'), `${method} with ${what}`).toBe('POST');
      }
    }
    // Methods and bodies fetch refuses to send, written as raw HTTP.
    for (const [method, payload] of [['GET', '{"a":1}'], ['DELETE', '{"writer":"self"}'], ['TRACE', ''], ['TRACE', '{"a":1}']] as const) {
      const head = await rawRequest(`${method} /api/inquiries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
      expect(head, `${method} ${payload}`).toMatch(/^HTTP\/1\.1 405 /);
      expect(head.toLowerCase(), `${method} ${payload}`).toContain('\r\nallow: post\r\n');
    }
    expect((await post(body())).status).toBe(201);
  });

  it('{} as JSON: 400 naming each missing field, startedAt and idempotencyKey included, nothing stored', async () => {
    const before = await count();
    const res = await post({});
    expect(res.status).toBe(400);
    const data = apiProblemSchema.parse(await res.json());
    const named = data.fields!.map((f) => f.field);
    for (const field of ['writer', 'area', 'categories', 'details', 'contactMethods', 'name', 'language', 'consent', 'locale', 'idempotencyKey', 'startedAt']) expect(named, field).toContain(field);
    // 相談したい窓口 may be left out: the field table makes it optional (「わからない・おまかせ」).
    expect(named).not.toContain('window');
    for (const f of data.fields!) expect(f.message, f.field).not.toMatch(/^(form|api)\./);
    expect(await count()).toBe(before);
  });

  it('a JSON inquiry without startedAt is 400 naming startedAt, not a quiet 202', async () => {
    const { startedAt: _left, ...rest } = body();
    const res = await post(rest);
    expect(res.status).toBe(400);
    expect(apiProblemSchema.parse(await res.json()).fields).toEqual([{ field: 'startedAt', key: 'api.error.startedAt', message: expect.stringContaining('startedAt') }]);
  });

  it('JSON bodies are strict: __proto__, constructor or a misspelled field is 400 naming it, nothing stored', async () => {
    const before = await count();
    const valid = JSON.stringify(body()).slice(1, -1);
    for (const [field, extra] of [['__proto__', '"__proto__": {"admin": true}'], ['constructor', '"constructor": {"prototype": {}}'], ['detials', '"detials": "typo"'], ['receipt', '"receipt": "20260101-00001"']]) {
      const res = await post(`{${valid}, ${extra}}`);
      expect(res.status, field).toBe(400);
      const data = apiProblemSchema.parse(await res.json());
      expect(data.fields, field).toEqual([{ field, key: 'api.error.unknownField', message: expect.any(String) }]);
    }
    expect(await count()).toBe(before);
  });
  it('202 only for the bot heuristics (trap field, too fast), and the body says nothing was stored', async () => {
    const before = await count();
    for (const over of [{ website: 'http://spam.example' }, { startedAt: Date.now() }]) {
      const res = await post(body(over));
      expect(res.status, JSON.stringify(over)).toBe(202);
      const data = inquiryNotStoredSchema.parse(await res.json());
      expect(data).toMatchObject({ status: 'not-stored', stored: false });
      expect(data.message).toContain('保存していません');
    }
    expect(await count()).toBe(before);
  });

  it('replies match their schemas: 201 a receipt, 400 a problem naming fields', async () => {
    const stored = inquiryReceiptSchema.parse(await (await post(body())).json());
    expect(stored.windows.length).toBeGreaterThan(0);
    expect(apiProblemSchema.safeParse(await (await post(body({ phone: '12' }))).json()).success).toBe(true);
  });

  it('a generated set of bad inputs: every one a 4xx naming the field at fault, nothing stored, the server keeps working', async () => {
    expect((await post(body())).status).toBe(201); // the database exists even when this test runs alone
    const before = await count();
    const valid: Record<string, unknown> = body();
    const wrongValues: unknown[] = [null, 0, -1, 1.5, true, false, '', ' ', [], {}, ['x'], { $gt: '' }, 'x'.repeat(300)];
    const cases: { what: string; payload: Record<string, unknown>; field: string }[] = [];
    for (const key of [...Object.keys(valid)]) {
      const { [key]: _dropped, ...without } = valid;
      if (!['relationship', 'personAge', 'personConsent', 'phone', 'safeTimes', 'discretion', 'nameKana', 'accommodations', 'email', 'fax', 'address', 'window'].includes(key)) cases.push({ what: `without ${key}`, payload: without, field: key });
      for (const v of wrongValues) {
        const same = JSON.stringify(v) === JSON.stringify(valid[key]);
        // Values that are valid for this field are not bad input: [] for an optional list, any non-empty text for free
        // text, and blank optional text (not answered).
        const fine = (typeof v === 'string' && v.trim() === '' && ['safeTimes', 'nameKana', 'address'].includes(key)) || (Array.isArray(v) && v.length === 0 && ['discretion', 'accommodations'].includes(key)) || (typeof v === 'string' && v.trim() !== '' && v.length <= 50 && ['relationship', 'safeTimes', 'nameKana', 'name', 'details', 'idempotencyKey'].includes(key)) || (key === 'idempotencyKey' && typeof v === 'string' && /^[A-Za-z0-9-]{8,100}$/.test(v)) || (typeof v === 'string' && v.length === 300 && ['details', 'safeTimes'].includes(key));
        if (!same && !fine) cases.push({ what: `${key} = ${JSON.stringify(v).slice(0, 20)}`, payload: { ...valid, [key]: v }, field: key });
      }
    }
    for (const name of ['__proto__', 'constructor', 'toString', 'Writer', 'detail', 'id', 'createdAt', 'status']) cases.push({ what: `unknown ${name}`, payload: { ...valid, [name]: 'x' }, field: name });
    expect(cases.length).toBeGreaterThan(150);
    const failures: string[] = [];
    for (const c of cases) {
      const res = await post({ ...c.payload, idempotencyKey: c.field === 'idempotencyKey' ? c.payload.idempotencyKey : randomUUID() });
      const data = (await res.json()) as { fields?: { field: string }[] };
      if (res.status !== 400 || !data.fields?.some((f) => f.field === c.field)) failures.push(`${c.what}: ${res.status} ${JSON.stringify(data.fields?.map((f) => f.field))}`);
    }
    expect(failures).toEqual([]);
    expect(await count()).toBe(before);
    expect((await post(body())).status).toBe(201);
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
    const before = await count();
    const results = await Promise.all(Array.from({ length: 200 }, () => post(body()).then(async (r) => ({ status: r.status, receipt: ((await r.json()) as { receipt: string }).receipt }))));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.receipt)).size).toBe(200);
    expect(await count()).toBe(before + 200);
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
      const store = openTestStore(first.dbPath);
      const stored = new Set((await store.list(Number.MAX_SAFE_INTEGER)).map((r) => r.receipt));
      await store.close();
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
    const schema = createInquirySchema(profileVocabulary);
    expect(z.safeParse(schema, example).success).toBe(true);
    expect(example.writer).toBe('family');
    const json = doc.paths['/api/inquiries']!.post.requestBody.content['application/json']! as unknown as { schema: { additionalProperties: boolean; properties: Record<string, { pattern?: string }>; required: string[] } };
    expect(json.schema.additionalProperties).toBe(false);
    for (const f of envelopeFields) expect(Object.keys(json.schema.properties)).toContain(f);
    expect(json.schema.required).toEqual(expect.arrayContaining(['idempotencyKey', 'startedAt', 'writer', 'details']));
    // And the server takes it (with a fresh key and start time).
    expect((await post({ ...example, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 })).status).toBe(201);
  });
});
