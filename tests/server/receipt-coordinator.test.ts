// The receipt's sentence about the 多機関協働 team (defect: it said 「困りごとが重なっているため」 whenever the
// team joined, also for one trouble whose window is the team itself, such as 孤立・ひきこもり). Checked on
// the no-JS receipt page in every locale and in the API's reply the island renders from (the island's
// own path is tests/e2e/inquiry-receipt.spec.ts), and in the staff detail page's routing reasons.
// Profile-generic: the categories are found in the selected profile's routing, the district in its areas.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales, localizePath } from '@/i18n/locales';
import { stripRuby } from '@/i18n/ruby';
import { contentPath } from '@/lib/profile';
import { routingSchema } from '@/schemas/routing';
import { openTestStore } from '../support/store';
import { messages } from '../support/ui-messages';
import { startServer, type TestServer } from '../support/server';
import { Client, seedDatabase } from '../staff/support';

const routing = routingSchema.parse(parse(readFileSync(contentPath('triage/routing.yaml'), 'utf8')));
const district = (parse(readFileSync(contentPath('areas.yaml'), 'utf8')) as { id: string }[])[0]!.id;
/** A trouble whose only field is the coordination itself (孤立・ひきこもり and the like): one trouble, no overlap. */
const teamOnly = routing.categories.find((c) => c.fields.length === 1 && c.fields[0] === 'coordination')!;
/** Two troubles of two different specialist fields: they really overlap. */
const specialist = routing.categories.filter((c) => c.fields.length === 1 && c.fields[0] !== 'coordination');
const overlapping = [specialist[0]!, specialist.find((c) => c.fields[0] !== specialist[0]!.fields[0])!];

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ INQUIRY_RATE_LIMIT: 'off' });
});
afterAll(() => server.stop());

/** A complete inquiry from the person themself, as the no-JS form posts it after 「この内容で送る」. */
function form(locale: string, categories: string[]): URLSearchParams {
  const f = new URLSearchParams({ writer: 'self', area: district, details: '相談の内容', window: 'any', name: '試験 太郎', language: 'ja', locale, consent: 'on', phone: '090-0000-0000', idempotencyKey: randomUUID(), startedAt: String(Date.now() - 60_000), confirmed: '1' });
  for (const c of categories) f.append('categories', c);
  f.append('contactMethods', 'phone');
  return f;
}

/** The receipt's text as a reader gets it: tags and ruby readings removed, entities decoded. */
async function receiptText(locale: (typeof locales)[number], categories: string[]): Promise<string> {
  const res = await fetch(`${server.origin}${localizePath(locale, '/soudan/okuru/')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, 'sec-fetch-site': 'same-origin' },
    body: form(locale, categories).toString(),
  });
  expect(res.status).toBe(200);
  const html = await res.text();
  const section = /<section class="confirmation"[\s\S]*?<\/section>/.exec(html)?.[0];
  expect(section, 'the page shows a receipt').toBeDefined();
  return section!
    .replace(/<rp>[^<]*<\/rp>|<rt>[^<]*<\/rt>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('the no-JS receipt says why the 多機関協働 team joins only when troubles overlap', () => {
  it('finds, in this profile, a trouble handled by the team itself and two troubles of different fields', () => {
    expect(teamOnly).toBeDefined();
    expect(overlapping[1]).toBeDefined();
  });

  for (const locale of locales) {
    const m = messages[locale];
    it(`${locale}: one trouble whose window is the team → a plain sentence that it goes to the team, no overlap reason`, async () => {
      const text = await receiptText(locale, [teamOnly.id]);
      expect(text).toContain(stripRuby(m['confirm.coordinatorTeam']));
      expect(text).not.toContain(stripRuby(m['confirm.coordinator']));
    });
    it(`${locale}: two troubles of different fields → the overlap reason`, async () => {
      const text = await receiptText(locale, overlapping.map((c) => c.id));
      expect(text).toContain(stripRuby(m['confirm.coordinator']));
      expect(text).not.toContain(stripRuby(m['confirm.coordinatorTeam']));
    });
  }
});

describe('POST /api/inquiries tells the island whether the troubles overlap', () => {
  const post = (categories: string[]) =>
    fetch(`${server.origin}/api/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ writer: 'self', area: district, details: '相談の内容', window: 'any', name: '試験 太郎', language: 'ja', locale: 'ja', consent: true, phone: '090-0000-0000', categories, contactMethods: ['phone'], idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { coordinator: boolean; overlap: boolean } }));

  it('the team joins without an overlap for one trouble it handles itself', async () => {
    const { status, body } = await post([teamOnly.id]);
    expect(status).toBe(201);
    expect(body).toMatchObject({ coordinator: true, overlap: false });
  });
  it('the team joins because of the overlap for two troubles of different fields', async () => {
    const { status, body } = await post(overlapping.map((c) => c.id));
    expect(status).toBe(201);
    expect(body).toMatchObject({ coordinator: true, overlap: true });
  });
});

describe('the staff detail page words the 多機関協働 team’s reason the same way', () => {
  let staffServer: TestServer;
  let c: Client;
  let dbPath: string;
  beforeAll(async () => {
    // A member of every window of the profile, so the inquiry is theirs wherever the team's window is.
    const windowIds = readdirSync(contentPath('windows')).map((f) => f.replace(/\.yaml$/, ''));
    const seeded = await seedDatabase([{ login: 'reason-reader', name: '理由 職員', role: 'staff', windows: windowIds }], []);
    dbPath = seeded.dbPath;
    staffServer = await startServer({ INQUIRY_RATE_LIMIT: 'off' }, dbPath);
    c = new Client(staffServer.origin);
    expect((await c.signIn(seeded.accounts[0]!)).status).toBe(303);
  }, 60_000);
  afterAll(() => staffServer?.stop());

  /** Sends an inquiry through the API and returns its detail page as text. */
  const detailFor = async (categories: string[]) => {
    const res = await fetch(`${staffServer.origin}/api/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: staffServer.origin, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ writer: 'self', area: district, details: '相談の内容', window: 'any', name: '試験 太郎', language: 'ja', locale: 'ja', consent: true, phone: '090-0000-0000', categories, contactMethods: ['phone'], idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 }),
    });
    const { receipt } = (await res.json()) as { receipt: string };
    const store = openTestStore(dbPath);
    const windows = (await store.get(receipt))!.routing.windows;
    const publicId = (await store.inbox.list(windows, {}, 100)).rows.find((r) => r.receipt === receipt)!.publicId;
    await store.close();
    return (await (await c.request(`/staff/i/${publicId}/`)).text()).replace(/<[^>]+>/g, ' ');
  };

  it('one trouble the team takes on itself: not 「複数の分野にかかわるため」', async () => {
    const page = await detailFor([teamOnly.id]);
    expect(page).toContain(messages.ja['staff.detail.reason.coordinatorTeam']);
    expect(page).not.toContain(messages.ja['staff.detail.reason.coordinator']);
  });
  it('two troubles of different fields: the overlap', async () => {
    const page = await detailFor(overlapping.map((c) => c.id));
    expect(page).toContain(messages.ja['staff.detail.reason.coordinator']);
    expect(page).not.toContain(messages.ja['staff.detail.reason.coordinatorTeam']);
  });
});
