// A 連絡票 in the staff inbox. Defects: nothing set the inbox's urgent mark, although the 連絡票 asks how
// urgent the case is; and the list showed no sender for a 連絡票 where an inquiry shows its writer.
// Profile-generic: windows, districts and categories come from the selected profile's content; the
// agency and worker are made-up test names.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPath } from '@/lib/profile';
import type { Referral } from '@/schemas/referral';
import { routingSchema } from '@/schemas/routing';
import { openTestStore } from '../support/store';
import type { StoredBody } from '@/server/store/types';
import { referral as fixture } from '../fixtures/referrals';
import { startServer, type TestServer } from '../support/server';
import { messages } from '../support/ui-messages';
import { Client, seedDatabase } from '../staff/support';

const ja = messages.ja;
const routing = routingSchema.parse(parse(readFileSync(contentPath('triage/routing.yaml'), 'utf8')));
const district = (parse(readFileSync(contentPath('areas.yaml'), 'utf8')) as { id: string }[])[0]!.id;
const windowIds = readdirSync(contentPath('windows')).map((f) => f.replace(/\.yaml$/, ''));

/** A complete 連絡票 for this profile, from a made-up agency. */
const referral = (over: Partial<Record<keyof Referral, unknown>> = {}) => ({
  ...fixture,
  agencyName: '試験の森 地域包括支援センター',
  workerName: '試験 花子',
  district,
  categories: [routing.categories[0]!.id],
  ...over,
});

describe('store: the 連絡票’s urgency sets the inbox’s urgent mark when it is stored', () => {
  const store = openTestStore(join(mkdtempSync(join(tmpdir(), 'referral-inbox-')), 'db.sqlite'));
  afterAll(() => store.close());
  const windows = ['coordinator-window', 'field-window'];
  const stored = async (body: StoredBody) => {
    const { receipt } = await store.create(body, { windows, coordinator: true }, randomUUID());
    const row = (await store.inbox.list(windows, {}, 100)).rows.find((r) => r.receipt === receipt)!;
    return { row, detail: (await store.inbox.get(row.publicId))! };
  };

  it('緊急 (the most urgent answer): marked urgent in the list, the detail and for every window it went to', async () => {
    const { row, detail } = await stored({ kind: 'referral', ...referral({ urgency: 'urgent' }) } as StoredBody);
    expect(row.urgent).toBe(true);
    expect(detail.urgent).toBe(true);
    for (const w of windows) expect((await store.inbox.list([w], { urgent: '1' }, 100)).rows.map((r) => r.receipt)).toContain(row.receipt);
  });

  it('the urgent mark reaches the arrival e-mail of each window (the outbox reads the same mark)', async () => {
    const { row } = await stored({ kind: 'referral', ...referral({ urgency: 'urgent' }) } as StoredBody);
    const arrivals = (await store.outbox.due(new Date(Date.now() + 1000), 1000)).filter((i) => i.receipt === row.receipt);
    expect(arrivals.map((i) => [i.window, i.urgent]).sort()).toEqual(windows.map((w) => [w, true]));
  });

  it('the less urgent answers, and a resident’s inquiry, arrive unmarked', async () => {
    for (const urgency of ['soon', 'notUrgent']) {
      const { row } = await stored({ kind: 'referral', ...referral({ urgency }) } as StoredBody);
      expect(row.urgent, urgency).toBe(false);
      expect((await store.inbox.list(windows, { urgent: '1' }, 100)).rows.map((r) => r.receipt)).not.toContain(row.receipt);
    }
    const { familyInquiry } = await import('../fixtures/inquiries');
    const { row } = await stored({ ...familyInquiry, area: district } as unknown as StoredBody);
    expect(row.urgent).toBe(false);
  });
});

describe('the inbox list, for a 連絡票 sent through POST /api/referrals', () => {
  let server: TestServer;
  let c: Client;
  const receipts: Record<string, string> = {};
  let inquiryReceipt: string;

  const send = async (over: Parameters<typeof referral>[0]) => {
    const res = await fetch(`${server.origin}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ ...referral(over), idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { receipt: string }).receipt;
  };
  /** The list row of a receipt, as text (tags removed), and its raw HTML. */
  const row = (html: string, receipt: string) => {
    const tr = html.split('<tr').find((r) => r.includes(`>${receipt}</a>`));
    expect(tr, `a row for ${receipt}`).toBeDefined();
    return { html: tr!, text: tr!.replace(/<[^>]+>/g, ' ') };
  };

  beforeAll(async () => {
    // One member of every window of the profile, so every 連絡票 is in their inbox wherever it was routed.
    const seeded = await seedDatabase([{ login: 'inbox-reader', name: '受付 職員', role: 'staff', windows: windowIds }], [windowIds[0]!]);
    const store = openTestStore(seeded.dbPath);
    inquiryReceipt = (await store.list(1))[0]!.receipt;
    await store.close();
    server = await startServer({ INQUIRY_RATE_LIMIT: 'off' }, seeded.dbPath);
    receipts.urgent = await send({ urgency: 'urgent' });
    receipts.soon = await send({ urgency: 'soon', agencyName: '試験の川 相談支援事業所', agencyKind: 'other', agencyKindOther: 'NPO法人の相談室' });
    c = new Client(server.origin);
    expect((await c.signIn(seeded.accounts[0]!)).status).toBe(303);
  }, 60_000);
  afterAll(() => server?.stop());

  it('shows the urgent mark for a 連絡票 marked 緊急, and not for a less urgent one', async () => {
    const html = await (await c.request('/staff/')).text();
    const mark = `<span class="staff-urgent">${ja['staff.urgentMark']}</span>`;
    expect(row(html, receipts.urgent!).html).toContain(mark);
    expect(row(html, receipts.soon!).html).not.toContain(mark);
    // The 緊急のみ filter lists it.
    const urgentOnly = await (await c.request('/staff/?urgent=1')).text();
    expect(urgentOnly).toContain(`>${receipts.urgent}</a>`);
    expect(urgentOnly).not.toContain(`>${receipts.soon}</a>`);
  });

  it('shows the referring agency (its name and kind; その他 as the agency wrote it) where an inquiry shows its writer', async () => {
    const html = await (await c.request('/staff/')).text();
    const urgent = row(html, receipts.urgent!).text;
    expect(urgent).toContain('試験の森 地域包括支援センター');
    expect(urgent).toContain(ja[`referral.agencyKind.${fixture.agencyKind}`]);
    const other = row(html, receipts.soon!).text;
    expect(other).toContain('試験の川 相談支援事業所');
    expect(other).toContain('NPO法人の相談室');
    // An inquiry still shows who wrote it (the seeded one is from a family member).
    expect(row(html, inquiryReceipt).text).toContain(ja['form.writer.family']);
  });
  it('says on the detail page why the 連絡票 reached each of its windows (it was read as a resident’s inquiry, so reasons were missing)', async () => {
    const list = await (await c.request('/staff/')).text();
    const href = /href="(\/staff\/i\/[^"]+\/)"/.exec(row(list, receipts.urgent!).html)?.[1];
    expect(href, 'a link to the detail page').toBeDefined();
    const html = await (await c.request(href!)).text();
    const section = html.split('id="routing-heading"')[1]!.split('</section>')[0]!;
    const lines = [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
    expect(lines.length, 'the windows it went to').toBeGreaterThan(0);
    const reasons = Object.entries(ja).filter(([k]) => k.startsWith('staff.detail.reason.')).map(([, v]) => v.split('{{')[0]!);
    // Each line is 「window: reason」, with one of the reason sentences.
    for (const line of lines) expect(reasons.some((r) => line.includes(`: ${r}`)), line).toBe(true);
  });
});
