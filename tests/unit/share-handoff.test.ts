import { describe, expect, it } from 'vitest';
import { handoffSchema } from '@/schemas/handoff';
import { writerIds } from '@/schemas/inquiry';
import { triage, type Answers } from '@/triage/engine';
import { handoffFields, handoffFrom } from '@/triage/handoff';
import { loadTriageData } from '@/triage/load-node';
import { answersFromForm, shareHref } from '@/triage/share';
import { familyInquiry } from '../fixtures/inquiries';

// Issue 19: a share link never carries a sensitive trouble; the hand-off carries who and where.
const data = loadTriageData();
const { flow } = data;
const troublesNode = flow.nodes.find((n) => n.kind === 'troubles')!.id;
// The district of the profile's sample inquiry (expectations/inquiry.yaml): a district of its own.
const district = familyInquiry.area;
const base: Answers = { who: 'family', district, dangerNow: 'no', age: 'middle', household: ['none'], usesCare: 'no', refuses: 'no' };
const sensitive = new Set(flow.troubles.filter((t) => t.sensitive).map((t) => t.id));

describe('sensitivity in the flow data', () => {
  it('marks the troubles the privacy issue names as sensitive', () => {
    for (const id of ['violence', 'abuseFear', 'suicidal', 'mentalHealth', 'debts', 'withdrawn']) expect(sensitive.has(id), id).toBe(true);
  });
});

describe('share links', () => {
  it.each(flow.troubles.map((t) => [t.id, t.sensitive] as const))('%s alone: a link only when not sensitive, and never with a sensitive id', (id, isSensitive) => {
    const href = shareHref(flow, { ...base, troubles: [id] });
    if (isSensitive) expect(href).toBeUndefined();
    else {
      expect(href).toMatch(/^\/sagasu\/kekka\/\?/);
      for (const s of sensitive) expect(new URLSearchParams(href!.split('?')[1]).getAll(troublesNode)).not.toContain(s);
    }
  });

  it('every pair of troubles: no link as soon as one is sensitive', () => {
    for (const a of flow.troubles) {
      for (const b of flow.troubles) {
        const href = shareHref(flow, { ...base, troubles: [a.id, b.id] });
        expect(href === undefined, `${a.id}+${b.id}`).toBe(a.sensitive || b.sensitive);
      }
    }
  });

  it('a share link reads back to the same answers (what the result route shows)', () => {
    const answers: Answers = { ...base, troubles: ['job', 'rent'] };
    const href = shareHref(flow, answers)!;
    const back = answersFromForm(new URLSearchParams(href.split('?')[1]), troublesNode);
    expect(triage(data, back)).toEqual(triage(data, answers));
  });
});

describe('the hand-off to the inquiry form', () => {
  it("the wizard's who options are the form's writer ids", () => {
    expect(flow.nodes.find((n) => n.id === 'who')!.options).toEqual([...writerIds]);
  });

  it('carries the window, the categories, who is writing, the district and what the wizard learned about the person, and passes its schema', () => {
    const answers: Answers = { ...base, troubles: ['job', 'debts', 'withdrawn'] };
    const h = handoffFrom(flow, triage(data, answers), answers);
    // Issue 24: the person's age and their view reach the form (personAge, personConsent), so it does not ask again.
    expect(h).toMatchObject({ writer: 'family', district, categories: ['moneyWorkHome', 'isolation'], personAge: 'middle', personConsent: 'agreed' });
    expect(h.window).toBeTruthy();
    expect(handoffSchema.safeParse(h).success).toBe(true);
    expect(handoffFields(h).map(([n]) => n)).toEqual(['window', 'categories', 'categories', 'writer', 'district', 'personAge', 'personConsent']);
  });

  it.each([['yes', 'refuses'], ['no', 'agreed'], ['unsure', 'notTold']])('the person’s view %s becomes the form’s personConsent %s', (refuses, consent) => {
    const answers: Answers = { ...base, refuses, troubles: ['hoarding'] };
    expect(handoffFrom(flow, triage(data, answers), answers).personConsent).toBe(consent);
  });

  it.each([['child', 'child'], ['youth', 'youth'], ['middle', 'middle'], ['senior', 'senior'], ['unsure', 'unknown']])('the age %s becomes the form’s personAge %s', (age, formAge) => {
    const answers: Answers = { ...base, age, troubles: ['job'] };
    expect(handoffFrom(flow, triage(data, answers), answers).personAge).toBe(formAge);
  });

  it('never carries a sensitive trouble id, for any trouble', () => {
    for (const t of flow.troubles) {
      const answers: Answers = { ...base, troubles: [t.id] };
      const json = JSON.stringify(handoffFrom(flow, triage(data, answers), answers));
      for (const s of sensitive) expect(json, t.id).not.toContain(`"${s}"`);
    }
  });
});
