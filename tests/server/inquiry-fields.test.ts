// The field table is the one rule: walking it, for every conditional field and every state of the field
// it depends on, the server requires it exactly when it is shown, and ignores it when it is hidden.
// (tests/e2e/inquiry-form.spec.ts walks the same table on the page, with and without JavaScript.)
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { isShown, optionsOf } from '@/schemas/form-model';
import { createInquirySchema, inquiryFields, inquiryValues } from '@/schemas/inquiry';
import { familyInquiry, profileVocabulary } from '../fixtures/inquiries';

// The selected profile's districts, categories and windows, as the server builds its schema.
const vocab = profileVocabulary;
const schema = createInquirySchema(vocab);
const base: Record<string, unknown> = { ...familyInquiry, contactMethods: ['visit'], phone: undefined };
/** A value each kind of field accepts, so a shown field can be filled in. */
const goodValue: Record<string, unknown> = { relationship: '娘', personAge: 'senior', personConsent: 'agreed', phone: '03-0000-0000', email: 'a@example.jp', fax: '03-0000-0001', address: '一丁目2番3号' };
const errorsOf = (input: Record<string, unknown>) => {
  const r = z.safeParse(schema, inquiryValues(input));
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

const conditional = inquiryFields.filter((f) => 'when' in f);

describe('every conditional field, in every state of what it depends on', () => {
  for (const f of conditional) {
    const dep = inquiryFields.find((d) => d.name === f.when.field)!;
    for (const state of optionsOf(dep, vocab)) {
      const answers = { ...base, [dep.name]: dep.control === 'checkbox' ? [state] : state };
      // Fill in whatever else this state shows, so only the field under test can be missing.
      for (const other of conditional) if (other !== f && isShown(other, answers)) answers[other.name] = goodValue[other.name];
      const shown = isShown(f, answers);
      it(`${f.name} when ${dep.name} = ${state}: ${shown ? 'shown and required' : 'hidden, not required, ignored'}`, () => {
        const { [f.name]: _left, ...without } = answers;
        expect(errorsOf(without)).toEqual(shown ? { [f.name]: f.missing } : {});
        // A value for a hidden field is ignored (never an error, never stored); a shown one is checked.
        const odd = errorsOf({ ...answers, [f.name]: '\u0000not-an-answer' });
        expect(Object.keys(odd)).toEqual(shown && f.name !== 'relationship' && f.name !== 'address' ? [f.name] : []);
        const stored = z.safeParse(schema, inquiryValues({ ...answers, [f.name]: goodValue[f.name] }));
        expect(stored.success).toBe(true);
        expect(stored.data && f.name in stored.data).toBe(shown);
      });
    }
  }
});

describe('the table', () => {
  it('gives every required field a message that names its question, and every field a label', () => {
    for (const f of inquiryFields) {
      expect(f.label).toMatch(/^form\./);
      if (f.required) expect('missing' in f && f.missing, f.name).toMatch(/^form\.error\.\w+/);
    }
  });
  it('orders the problems as the form shows its fields', () => {
    const r = errorsOf({ locale: 'ja', writer: 'family' });
    expect(Object.keys(r)).toEqual(inquiryFields.filter((f) => f.name !== 'writer' && f.required && isShown(f, { writer: 'family' })).map((f) => f.name));
  });
});
