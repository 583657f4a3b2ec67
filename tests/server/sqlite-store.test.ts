import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { openTestStore } from '../support/store';
import { familyInquiry, familyInquiryRoute } from '../fixtures/inquiries';

// The store on its own, on a throw-away file: what staff find and what a resident's receipt means.
const inquiry = familyInquiry as unknown as Inquiry;
// Where the profile's sample goes (expectations/inquiry.yaml); the store keeps whatever it is given.
const routing = { windows: [...familyInquiryRoute.windows], coordinator: familyInquiryRoute.coordinator };
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'inquiry-store-')), 'store.sqlite');

describe('sqlite inquiry store', () => {
  it('gives each new inquiry its own receipt, in order, and records it as received and routed', async () => {
    const store = openTestStore(freshPath());
    const [a, b, c] = await Promise.all(['k-000001', 'k-000002', 'k-000003'].map((key) => store.create(inquiry, routing, key)));
    expect([a, b, c].map((r) => r!.created)).toEqual([true, true, true]);
    expect([a, b, c].map((r) => Number(r!.receipt.slice(-5)))).toEqual([1, 2, 3]);
    const stored = (await store.get(b!.receipt))!;
    expect(stored.routing).toEqual(routing);
    expect(stored.events.map((e) => e.type)).toEqual(['received', 'routed']);
    expect(JSON.parse(stored.events[1]!.detail)).toEqual(routing);
    await store.close();
  });

  it('answers a repeated key with the first receipt and stores nothing new, in the same batch or later', async () => {
    const store = openTestStore(freshPath());
    const [first, sameBatch] = await Promise.all([store.create(inquiry, routing, 'key-once'), store.create(inquiry, routing, 'key-once')]);
    const later = await store.create(inquiry, routing, 'key-once');
    const next = await store.create(inquiry, routing, 'key-other');
    expect(first).toEqual({ receipt: first!.receipt, created: true });
    expect(sameBatch).toEqual({ receipt: first!.receipt, created: false });
    expect(later).toEqual({ receipt: first!.receipt, created: false });
    expect(next.created).toBe(true);
    expect(next.receipt).not.toBe(first!.receipt);
    expect(await store.count()).toBe(2);
    expect((await store.get(first!.receipt))!.events).toHaveLength(2);
    await store.close();
  });

  it('keeps numbering after a restart: no receipt number is given twice', async () => {
    const path = freshPath();
    const before = openTestStore(path);
    const one = await before.create(inquiry, routing, 'restart-1');
    await before.close();
    const after = openTestStore(path);
    const two = await after.create(inquiry, routing, 'restart-2');
    expect(Number(two.receipt.slice(-5))).toBe(Number(one.receipt.slice(-5)) + 1);
    expect((await after.list()).map((s) => s.receipt)).toEqual([two.receipt, one.receipt]);
    await after.close();
  });
});
