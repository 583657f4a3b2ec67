// One test per rule of the 連絡票's field table: what is shown and required follows the table, and the
// server's own check (form-submit.ts, used by POST /api/referrals and the page) accepts and rejects
// accordingly. The table is walked, so a new field gets its tests without writing them.
import { describe, expect, it } from 'vitest';
import { isRequired, isShown } from '@/schemas/form-model';
import { referralFields, referralFromForm, referralProblems, referralValues } from '@/schemas/referral';
import { checkSubmission } from '@/server/form-submit';
import { referralSchemaFor, routeReferral } from '@/server/referral-service';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { routingSchema } from '@/schemas/routing';
import { windowSchema, type ConsultationWindow } from '@/schemas/window';
import { contentPath as cp } from '@/lib/profile';
import { referral, referralRoute } from '../fixtures/referrals';
import { issueFormStart } from '@/server/form-start';

// The content the server reads through Astro, read from the files (as tests/unit/route.test.ts does).
const routing = routingSchema.parse(parse(readFileSync(cp('triage/routing.yaml'), 'utf8')));
const windows: ConsultationWindow[] = readdirSync(cp('windows')).map((f) => ({ id: f.replace(/\.yaml$/, ''), ...windowSchema.parse(parse(readFileSync(`${cp('windows')}/${f}`, 'utf8'))) }));
const triage = { routing, windows } as unknown as Parameters<typeof routeReferral>[1];
const ctx = { triage, districts: (parse(readFileSync(cp('areas.yaml'), 'utf8')) as { id: string }[]).map((a) => a.id) };
const rules = { schema: referralSchemaFor(ctx), fromForm: referralFromForm, values: referralValues, problems: referralProblems };
const envelope = () => ({ idempotencyKey: crypto.randomUUID(), startedAt: Date.now() - 60_000 });
const check = (body: Record<string, unknown>) => checkSubmission({ ...body, ...envelope() }, rules);
const errorsOf = (body: Record<string, unknown>) => {
  const r = check(body);
  return r.kind === 'invalid' ? Object.fromEntries(r.errors.map((e) => [e.field, e.key])) : {};
};
const without = (name: string) => Object.fromEntries(Object.entries(referral).filter(([k]) => k !== name));

it('the complete fixture is accepted', () => {
  expect(check({ ...referral }).kind).toBe('accepted');
});

describe('every field that is always asked', () => {
  for (const f of referralFields.filter((x) => !('when' in x))) {
    if (f.required) {
      it(`${f.name}: required; leaving it out is refused with its own message (${f.missing})`, () => {
        expect(isRequired(f, {})).toBe(true);
        expect(errorsOf(without(f.name))).toEqual({ [f.name]: f.missing });
      });
    } else {
      it(`${f.name}: optional; leaving it out is accepted`, () => {
        expect(isRequired(f, {})).toBe(false);
        expect(check(without(f.name)).kind).toBe('accepted');
      });
    }
    if ('options' in f) {
      it(`${f.name}: a value that is not one of its options is refused`, () => {
        const bad = f.control === 'checkbox' ? ['nonsense'] : 'nonsense';
        expect(Object.keys(errorsOf({ ...referral, [f.name]: bad }))).toEqual([f.name]);
      });
    }
  }
});

describe('agencyKindOther (shown only for その他)', () => {
  const f = referralFields.find((x) => x.name === 'agencyKindOther')!;
  it('hidden and not required for a listed kind; a value sent anyway is ignored, not stored', () => {
    expect(isShown(f, { agencyKind: 'shakyo' })).toBe(false);
    const r = check({ ...referral, agencyKind: 'shakyo', agencyKindOther: '何か' });
    expect(r.kind).toBe('accepted');
    expect(r.kind === 'accepted' && 'agencyKindOther' in r.data).toBe(false);
  });
  it('shown and required for その他: missing is refused naming it', () => {
    expect(isRequired(f, { agencyKind: 'other' })).toBe(true);
    expect(errorsOf({ ...referral, agencyKind: 'other' })).toEqual({ agencyKindOther: 'referral.error.agencyKindOther' });
    expect(check({ ...referral, agencyKind: 'other', agencyKindOther: '民間の相談室' }).kind).toBe('accepted');
  });
});

describe('value rules', () => {
  it('workerPhone: full-width digits and hyphens are accepted and stored as digits; a short number is refused', () => {
    const r = check({ ...referral, workerPhone: '０９０－００００－１２３４' });
    expect(r.kind === 'accepted' && r.data.workerPhone).toBe('09000001234');
    expect(errorsOf({ ...referral, workerPhone: '12345' })).toEqual({ workerPhone: 'referral.error.workerPhoneInvalid' });
  });
  it('workerEmail: optional, but a malformed address is refused', () => {
    expect(check({ ...referral, workerEmail: 'worker@example.jp' }).kind).toBe('accepted');
    expect(errorsOf({ ...referral, workerEmail: 'worker@' })).toEqual({ workerEmail: 'referral.error.workerEmailInvalid' });
  });
  it('situation: over 2,000 characters is refused as too long', () => {
    expect(errorsOf({ ...referral, situation: 'あ'.repeat(2001) })).toEqual({ situation: 'form.error.tooLong' });
  });
  it('every field has a sensitivity and a CSV decision, and every required one a message naming it', () => {
    for (const f of referralFields) {
      expect(['special', 'contact', 'none']).toContain(f.sensitivity);
      expect(typeof f.csv).toBe('boolean');
      if (f.required) expect('missing' in f && f.missing.startsWith('referral.error.')).toBe(true);
    }
  });
});

describe('routing', () => {
  // Where the profile's sample goes is written by hand in its expectations/inquiry.yaml: the field
  // windows serving the district, and the coordinator.
  it('always to the 多機関協働 coordinator, and to the field windows the troubles name near the district', () => {
    const r = routeReferral({ categories: [...referral.categories], district: referral.district }, triage);
    expect(r.coordinator).toBe(true);
    expect(r).toEqual(referralRoute);
  });
  it('a case with no specialist field, district unknown, still reaches the coordinator (every one the routing names)', () => {
    const r = routeReferral({ categories: ['isolation'], district: 'unknown' }, triage);
    expect(r.windows).toEqual([triage.routing.coordinatorWindow].flat());
  });
});

describe('a form-encoded body (the page without JavaScript)', () => {
  it('repeated checkbox keys become lists and the answers are accepted', () => {
    const form = new URLSearchParams();
    // A page's form carries the start time the server signed when it served the page.
    for (const [k, v] of Object.entries({ ...referral, ...envelope(), startedAt: issueFormStart(Date.now() - 60_000) })) for (const x of Array.isArray(v) ? v : [v]) form.append(k, String(x));
    form.append('step', 'send');
    const r = checkSubmission(form, rules);
    expect(r.kind).toBe('accepted');
    expect(r.kind === 'accepted' && r.data.categories).toEqual(referral.categories);
  });
});
