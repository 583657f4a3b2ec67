import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { createInquirySchema, inquiryFromForm } from '@/schemas/inquiry';
import { familyInquiry, familyInquiryRoute, profileVocabulary } from '../fixtures/inquiries';

// The selected profile's districts, categories and windows, as the server builds its schema.
const schema = createInquirySchema(profileVocabulary);

/** The shared example, pointed at a real window of the profile (the first its sample is routed to). */
const proxyInquiry = { ...familyInquiry, window: familyInquiryRoute.windows[0]!, phone: '03-1234-5678' };

const errors = (input: unknown) => {
  const r = z.safeParse(schema, input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('inquiry schema', () => {
  it('accepts a valid proxy inquiry and stores the phone as digits', () => {
    const r = z.safeParse(schema, proxyInquiry);
    expect(r.success).toBe(true);
    expect(r.data?.phone).toBe('0312345678');
  });
  it('rejects a missing consent with its message key', () => {
    expect(errors({ ...proxyInquiry, consent: false })).toEqual({ consent: 'form.error.consentRequired' });
  });
  it('rejects a bad phone number', () => {
    expect(errors({ ...proxyInquiry, phone: '12-34' })).toEqual({ phone: 'form.error.phoneInvalid' });
  });
  it('requires a phone number when phone is the contact method', () => {
    const { phone: _p, ...rest } = proxyInquiry;
    expect(errors(rest)).toEqual({ phone: 'form.error.phoneRequired' });
  });
  it('rejects text that is too long', () => {
    expect(errors({ ...proxyInquiry, details: 'あ'.repeat(2001) })).toEqual({ details: 'form.error.tooLong' });
    expect(errors({ ...proxyInquiry, details: 'あ'.repeat(2000) })).toEqual({});
  });
  it('rejects wrong enum values', () => {
    expect(errors({ ...proxyInquiry, writer: 'robot', categories: [profileVocabulary.categories[0]!, 'weather'], window: 'nowhere' })).toEqual({
      writer: 'form.error.writerRequired',
      'categories.1': 'form.error.chooseCategory',
      window: 'form.error.windowInvalid',
    });
  });
  it('accepts full-width digits and emoji', () => {
    const r = z.safeParse(schema, { ...proxyInquiry, phone: '０３－１２３４－５６７８', details: '困っています🙏 ｶﾀｶﾅも', contactMethods: ['phone', 'email'], email: 'ｈａｎａｋｏ＠example.jp' });
    expect(r.success).toBe(true);
    expect(r.data?.phone).toBe('0312345678');
    expect(r.data?.email).toBe('hanako@example.jp');
    expect(r.data?.details).toContain('🙏');
  });
  it('asks the relationship and consent only of someone writing for another person', () => {
    const { relationship: _r, personConsent: _c, personAge: _a, ...self } = proxyInquiry;
    expect(errors({ ...self, writer: 'self' })).toEqual({});
    expect(errors({ ...self, writer: 'neighbour' })).toEqual({ relationship: 'form.error.relationshipRequired', personAge: 'form.error.personAgeRequired', personConsent: 'form.error.personConsentRequired' });
  });
  it('requires an address for a home visit', () => {
    expect(errors({ ...proxyInquiry, contactMethods: ['homeVisit'] })).toEqual({ address: 'form.error.addressRequired' });
  });
  it('reads a form-encoded body: repeated keys become lists, a ticked box becomes true', () => {
    const body = new URLSearchParams([...Object.entries(proxyInquiry).filter(([k]) => !['categories', 'contactMethods', 'discretion', 'accommodations', 'consent'].includes(k)).map(([k, v]) => [k, String(v)] as [string, string]), ...proxyInquiry.categories.map((c) => ['categories', c] as [string, string]), ['contactMethods', 'phone'], ['consent', 'on']]);
    expect(z.safeParse(schema, inquiryFromForm(body)).success).toBe(true);
  });
});

describe('every problem shows in one round', () => {
  it('conditional requirements are reported together with field errors', () => {
    const { relationship: _r, ...rest } = proxyInquiry;
    expect(errors({ ...rest, details: '', phone: '' })).toEqual({
      details: 'form.error.detailsRequired',
      relationship: 'form.error.relationshipRequired',
      phone: 'form.error.phoneRequired',
    });
  });
});
