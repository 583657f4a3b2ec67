import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/locales';
import { triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';
import { useTranslations } from '@/i18n';
import { reasonText } from '@/triage/reasons';
import { profileStrings } from '@/lib/profile';
import { messages } from '../support/ui-messages';
import { lifeExpectations } from '../support/expectations';

// Issue 18: the lives the flow had no words for, each answered as a resident would, reaching its window.
// The lives and what each must get are the selected profile's (content/profiles/<id>/expectations/lives.yaml).
const data = loadTriageData();
const run = (a: Answers) => triage(data, a);
const ja = useTranslations('ja');
const districts = profileStrings().ja!.districts;
const lives = lifeExpectations();
const windowIds = new Set(data.windows.map((w) => w.id));
const phoneLike = /\d{2,}-\d/;

describe('lives the flow now has words for', () => {
  it('has lives, each naming only windows of the profile', () => {
    expect(lives.length).toBeGreaterThan(0);
    expect(new Set(lives.map((l) => l.id)).size, 'life ids are unique').toBe(lives.length);
    for (const l of lives) {
      const named = [...(l.windows ?? []), ...(l.includes ?? []), ...(l.excludes ?? []), ...(l.reasons ?? []).map((r) => r.window)];
      for (const w of named) expect(windowIds, `${l.id} → ${w}`).toContain(w);
    }
  });

  it.each(lives.map((l) => [l.id, l] as const))('%s', (_, l) => {
    const r = run(l.answers as Answers);
    const got = r.windows.map((w) => w.windowId);
    if (l.windows) expect(got, l.note).toEqual(l.windows);
    if (l.includes) expect(got, l.note).toEqual(expect.arrayContaining(l.includes));
    for (const w of l.excludes ?? []) expect(got, l.note).not.toContain(w);
    if (l.urgent !== undefined) expect(r.urgent, l.note).toBe(l.urgent);
    if (l.hotlinesFirst) expect(r.hotlines.slice(0, l.hotlinesFirst.length), l.note).toEqual(l.hotlinesFirst);
    if (l.hotlines) expect(r.hotlines, l.note).toEqual(expect.arrayContaining(l.hotlines));
    for (const h of l.noHotlines ?? []) expect(r.hotlines, l.note).not.toContain(h);
    if (l.patterns) expect(r.patterns, l.note).toEqual(expect.arrayContaining(l.patterns));
    for (const p of l.noPatterns ?? []) expect(r.patterns, l.note).not.toContain(p);
    if (l.sensitive !== undefined) expect(r.sensitive, l.note).toBe(l.sensitive);
    // The reasons as the result page words them, with the person's district named.
    const district = typeof l.answers.district === 'string' ? districts[l.answers.district] : undefined;
    for (const want of l.reasons ?? []) {
      const routed = r.windows.find((w) => w.windowId === want.window);
      expect(routed, `${l.note}: ${want.window}`).toBeDefined();
      const text = routed!.reasons.map((x) => reasonText(ja, x, district)).join(' ');
      for (const words of want.contains ?? []) expect(text, `${l.note}: ${want.window}`).toContain(words);
      if (want.noPhoneNumber) expect(text, `${l.note}: ${want.window}`).not.toMatch(phoneLike);
    }
  });
});

describe('questions residents misread', () => {
  it('the district question says it is the person’s district, not the writer’s, in every locale', () => {
    expect(messages.ja['triage.q.district.hint']).toContain('あなたではなく、困っている方が住んでいる地区');
    for (const l of locales) expect(messages[l]['triage.q.district.hint'], l).not.toBe(messages[l]['triage.q.age.hint']);
  });
  it('sensitive troubles are worded so a proxy can tick them (ご本人またはご家族)', () => {
    for (const id of ['violence', 'suicidal', 'abuseFear']) expect(messages.ja[`triage.trouble.${id}` as 'triage.trouble.violence'], id).toContain('ご本人またはご家族');
  });
});

describe('no invented contact facts', () => {
  it('no reason or explanation string in any locale carries a phone number', () => {
    for (const l of locales) {
      for (const [key, text] of Object.entries(messages[l])) {
        if (key.startsWith('triage.why.') || key.startsWith('triage.reason.')) expect(text, `${l} ${key}`).not.toMatch(/\d{2,}[-‐]\d|#\d{3,}/);
      }
    }
  });
  it('every trouble, option and pattern of the flow has wording in every locale', () => {
    const keys = [
      ...data.flow.troubles.map((t) => `triage.trouble.${t.id}`),
      ...data.flow.troubles.filter((t) => t.why).map((t) => `triage.why.${t.id}`),
      ...data.flow.nodes.flatMap((n) => [`triage.q.${n.id}.question`, ...n.options.map((o) => `triage.opt.${n.id}.${o}`)]),
      ...data.flow.patterns.map((p) => `triage.pattern.${p.id}`),
      'triage.reason.outside',
    ];
    for (const l of locales) for (const k of keys) expect(messages[l], `${l}`).toHaveProperty([k]);
  });
});
