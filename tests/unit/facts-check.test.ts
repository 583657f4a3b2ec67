import { describe, expect, it } from 'vitest';
import { factsDueDay, factsStale, japanDay } from '@/lib/facts-check';
import { revealDueNotices } from '@/server/facts-notice';

describe('when facts fall due for a check', () => {
  it('is the verified day plus factsCheckDays, across month ends and leap days', () => {
    expect(factsDueDay('2026-11-22', 180)).toBe('2027-05-21');
    expect(factsDueDay(new Date('2024-01-31T00:00:00Z'), 30)).toBe('2024-03-01');
    expect(factsDueDay('2027-12-31', 1)).toBe('2028-01-01');
  });
  it('counts days as Japan does: 00:00 in Tokyo is already the next day', () => {
    expect(japanDay(new Date('2027-05-20T14:59:59Z'))).toBe('2027-05-20');
    expect(japanDay(new Date('2027-05-20T15:00:00Z'))).toBe('2027-05-21');
    expect(factsStale('2027-05-21', new Date('2027-05-20T14:59:59Z'))).toBe(false);
    expect(factsStale('2027-05-21', new Date('2027-05-20T15:00:00Z'))).toBe(true);
    expect(factsStale('2027-05-21', new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('revealing a notice whose day has come', () => {
  const page = '<p>a</p><template data-facts-due="2027-05-21"><p class="notice">old</p></template><template data-facts-due="2027-06-01" data-x><p>later</p></template>';
  it('shows only the notices due on or before today, and leaves the others inert', () => {
    expect(revealDueNotices(page, '2027-05-20')).toBe(page);
    expect(revealDueNotices(page, '2027-05-21')).toBe('<p>a</p><p class="notice">old</p><template data-facts-due="2027-06-01" data-x><p>later</p></template>');
    expect(revealDueNotices(page, '2027-06-01')).toBe('<p>a</p><p class="notice">old</p><p>later</p>');
  });
});
