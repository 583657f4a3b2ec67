import { describe, expect, it } from 'vitest';
import { hotlineSchema } from '@/schemas/hotline';
import { windowSchema } from '@/schemas/window';
import { readYaml, windowFiles } from '../support/content';
import { contentPath as cp } from '@/lib/profile';

/** The dotted paths and messages of a failed parse, as the build prints them. */
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

// Any of the profile's windows: the first that has a phone number, so each rejection below is the one change made.
const valid = windowFiles().find((w) => (w.raw.channels as { type: string }[]).some((c) => c.type === 'phone'))!.raw;
const phone = (valid.channels as { type: string; number?: string }[]).find((c) => c.type === 'phone')!.number!;

describe('window schema rejects bad content and names the field', () => {
  it('accepts the real content', () => {
    for (const { id, raw } of windowFiles()) expect(issues(windowSchema.safeParse(raw)), id).toEqual([]);
  });
  it('a phone number without hyphens', () => {
    const bad = { ...valid, channels: [{ type: 'phone', number: phone.replaceAll('-', '') }] };
    expect(issues(windowSchema.safeParse(bad))).toEqual([expect.stringMatching(/^channels\.0\.number: must be a Japanese phone number/)]);
  });
  it('an unknown field', () => {
    expect(issues(windowSchema.safeParse({ ...valid, fields: ['housing'] }))).toEqual([expect.stringMatching(/^fields\.0: /)]);
  });
  it('a reading written in kanji', () => {
    expect(issues(windowSchema.safeParse({ ...valid, nameKana: '相談窓口' }))).toEqual([expect.stringMatching(/^nameKana: must be written in hiragana/)]);
  });
  it('a missing source', () => {
    const { source: _dropped, ...noSource } = valid;
    expect(issues(windowSchema.safeParse(noSource))).toEqual([expect.stringMatching(/^source: /)]);
  });
  it('a source without documents', () => {
    const bad = { ...valid, source: { documents: [], verified: '2026-11-22' } };
    expect(issues(windowSchema.safeParse(bad))).toEqual(['source.documents: every entry needs at least one source document (an id in content/sources/)']);
  });
  it('no contact channel at all', () => {
    expect(issues(windowSchema.safeParse({ ...valid, channels: [] }))).toEqual(['channels: a window needs at least one contact channel']);
  });
  it('an hour that is not HH:MM', () => {
    const bad = { ...valid, hours: { weekly: [{ days: ['mon'], opens: '8:30', closes: '17:15' }] } };
    expect(issues(windowSchema.safeParse(bad))).toEqual(['hours.weekly.0.opens: must be HH:MM']);
  });
});

describe('hotline schema', () => {
  it('rejects a number that is not a dialable form', () => {
    const [first] = readYaml(cp('hotlines.yaml')) as Record<string, unknown>[];
    expect(issues(hotlineSchema.safeParse({ ...first, number: 'one-one-zero' }))).toEqual([expect.stringMatching(/^number: /)]);
  });
});
