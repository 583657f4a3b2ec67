import { describe, expect, it } from 'vitest';
import { inquiryFields } from '@/schemas/inquiry-fields';
import { referralFields } from '@/schemas/referral-fields';
import { openInquiry, personalFields, sealInquiry } from '@/server/crypto/inquiry-fields';
import { createSealer } from '@/server/crypto/seal';
import type { Inquiry } from '@/schemas/inquiry';

// One field model for sealing (issue 27): the field tables' `sensitivity` decides what is sealed at rest.
const sealer = createSealer(Buffer.alloc(32, 7));
const written = new Set(['text', 'textarea', 'tel', 'email']);

describe('what is sealed', () => {
  it('every written field marked contact or special, in both field tables, and nothing else', () => {
    for (const f of [...inquiryFields, ...referralFields]) {
      const expected = f.sensitivity !== 'none' && written.has(f.control);
      expect(personalFields.includes(f.name), `${f.name} (${f.control}, ${f.sensitivity})`).toBe(expected);
    }
  });

  it('still seals every field the earlier list sealed (safeTimes, now marked contact, among them)', () => {
    const earlier = ['name', 'nameKana', 'phone', 'email', 'fax', 'address', 'safeTimes', 'details', 'relationship', 'workerName', 'workerPhone', 'workerEmail', 'personName', 'situation', 'involved'];
    expect(earlier.filter((f) => !personalFields.includes(f))).toEqual([]);
    expect(inquiryFields.find((f) => f.name === 'safeTimes')!.sensitivity).not.toBe('none');
  });

  it('keeps a value of every sealed field out of the stored JSON, and gives it back', () => {
    const body = Object.fromEntries([...personalFields].map((f) => [f, `秘密-${f}`]));
    const stored = sealInquiry({ writer: 'self', area: 'x', categories: ['c'], ...body } as unknown as Inquiry, sealer);
    for (const f of personalFields) expect(stored).not.toContain(`秘密-${f}`);
    expect(stored).toContain('"area":"x"');
    expect(openInquiry(stored, sealer)).toMatchObject(body);
  });

  it('reads a body stored when fewer fields were sealed (a plain household beside the sealed part)', () => {
    const older = JSON.stringify({ kind: 'referral', household: '母と二人', sealed: sealer.seal(JSON.stringify({ personName: 'A' })) });
    expect(openInquiry(older, sealer)).toMatchObject({ household: '母と二人', personName: 'A' });
  });
});
