import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/locales';
import { triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';
import { useTranslations } from '@/i18n';
import { reasonText } from '@/triage/reasons';
import { messages } from '../support/ui-messages';

// Issue 18: the lives the flow had no words for, each answered as a resident would, reaching its window.
const data = loadTriageData();
const run = (a: Answers) => triage(data, a);
const ids = (a: Answers) => run(a).windows.map((w) => w.windowId);
const ja = useTranslations('ja');
const reasonsOf = (a: Answers, windowId: string) =>
  run(a).windows.find((w) => w.windowId === windowId)!.reasons.map((r) => reasonText(ja, r));

describe('lives the flow now has words for', () => {
  it('妊娠中の不安・出産の費用 → こども家庭センター, naming the kind of department for 出産費用 (no number)', () => {
    const a: Answers = { who: 'self', age: 'youth', household: ['none'], district: 'sawara', troubles: ['pregnancy'] };
    expect(ids(a)).toEqual(['kodomo-katei-center']);
    const reason = reasonsOf(a, 'kodomo-katei-center').join(' ');
    expect(reason).toContain('市の子育て支援を担当する課');
    expect(reason).not.toMatch(/\d{2,}-\d/);
  });

  it('a home with violence where a child lives (面前DV) → 110 and 189 first, then こども家庭センター and the coordinator', () => {
    const r = run({ who: 'self', age: 'middle', household: ['child'], district: 'unknown', troubles: ['violence'], dangerNow: 'no' });
    expect(r.urgent).toBe(true);
    expect(r.hotlines.slice(0, 3)).toEqual(['police', 'fire-ambulance', 'child-abuse-189']);
    expect(r.patterns).toContain('domesticViolenceChildren');
    expect(r.windows.map((w) => w.windowId)).toEqual(['kodomo-katei-center', 'takikan-kyodo']);
  });

  it('a child in the household while the person is pregnant counts the same (the unborn child)', () => {
    expect(run({ who: 'self', age: 'youth', household: ['pregnant'], district: 'unknown', troubles: ['violence'], dangerNow: 'no' }).hotlines).toContain('child-abuse-189');
  });

  it('a neighbour who hears a child being abused → 189 first, then こども家庭センター', () => {
    const a: Answers = { who: 'neighbour', age: 'child', household: ['unsure'], district: 'unknown', troubles: ['abuseSeenChild'], dangerNow: 'unsure', refuses: 'unsure' };
    const r = run(a);
    expect(r.urgent).toBe(true);
    expect(r.hotlines).toContain('child-abuse-189');
    expect(r.windows.map((w) => w.windowId)).toContain('kodomo-katei-center');
    expect(r.sensitive).toBe(true);
  });

  it('someone who sees an older person neglected in 小見川 → 小見川地域包括, emergency numbers first', () => {
    const r = run({ who: 'neighbour', age: 'senior', household: ['unsure'], district: 'omigawa', troubles: ['abuseSeenAdult'], dangerNow: 'no', refuses: 'unsure' });
    expect(r.urgent).toBe(true);
    expect(r.windows.map((w) => w.windowId)).toContain('omigawa-houkatsu');
    expect(r.windows.map((w) => w.windowId)).not.toContain('sawara-houkatsu');
  });

  it('a single parent short of money → こども家庭センター and 香取CCC', () => {
    const got = ids({ who: 'self', age: 'middle', household: ['child'], district: 'unknown', troubles: ['singleParent', 'livingCosts'] });
    expect(got).toEqual(expect.arrayContaining(['kodomo-katei-center', 'katori-ccc']));
  });

  it('a foreign resident who cannot read Japanese documents → the coordinator, with language support as a need', () => {
    const r = run({ who: 'self', age: 'youth', household: ['child'], district: 'unknown', troubles: ['japaneseDocuments', 'job'] });
    expect(r.windows.map((w) => w.windowId)).toEqual(['katori-ccc', 'takikan-kyodo']);
    expect(r.patterns).toContain('languageSupport');
  });

  it('frailty: shopping and going out are hard, in 栗源 → 佐原地域包括', () => {
    expect(ids({ who: 'family', age: 'senior', household: ['none'], district: 'kurimoto', troubles: ['frailty'], usesCare: 'no', refuses: 'no' })).toEqual(['sawara-houkatsu']);
  });

  it('money of a parent with dementia (権利擁護), in 山田 → 小見川地域包括 and the coordinator', () => {
    const r = run({ who: 'family', age: 'senior', household: ['none'], district: 'yamada', troubles: ['dementiaMoney'], refuses: 'unsure' });
    expect(r.windows.map((w) => w.windowId)).toEqual(['omigawa-houkatsu', 'takikan-kyodo']);
    expect(r.patterns).toContain('rightsAdvocacy');
  });

  it('the carer was hospitalised and a disabled brother is left without care → danger now, 障害 and the coordinator', () => {
    const r = run({ who: 'family', age: 'middle', household: ['none'], district: 'sawara', troubles: ['carerGone', 'disability'], dangerNow: 'yes', refuses: 'no' });
    expect(r.urgent).toBe(true);
    expect(r.hotlines.slice(0, 2)).toEqual(['police', 'fire-ambulance']);
    expect(r.windows.map((w) => w.windowId)).toEqual(expect.arrayContaining(['shogaisha-shien', 'sawara-houkatsu', 'takikan-kyodo']));
    expect(r.patterns).toContain('careGap');
  });

  it('a carer who also works, caring for a parent in 佐原 → 佐原地域包括', () => {
    const a: Answers = { who: 'self', age: 'middle', household: ['senior'], district: 'sawara', troubles: ['carerWorking'], usesCare: 'yes' };
    expect(ids(a)).toEqual(['sawara-houkatsu']);
    expect(reasonsOf(a, 'sawara-houkatsu').join(' ')).toContain('仕事と介護');
  });

  it('an 8050 household living on the parents’ pension, in 小見川 → 香取CCC, 小見川地域包括 and the coordinator', () => {
    const r = run({ who: 'self', age: 'middle', household: ['senior'], district: 'omigawa', troubles: ['parentsPension'] });
    expect(r.windows.map((w) => w.windowId)).toEqual(['katori-ccc', 'omigawa-houkatsu', 'takikan-kyodo']);
    expect(r.patterns).toContain('p8050');
  });

  it('8050 read from the household: a withdrawn son living with a parent over 65 brings in 地域包括', () => {
    const r = run({ who: 'family', age: 'middle', household: ['senior'], district: 'sawara', troubles: ['withdrawn'], refuses: 'yes' });
    expect(r.patterns).toEqual(expect.arrayContaining(['p8050', 'withdrawal']));
    expect(r.windows.map((w) => w.windowId)).toEqual(['sawara-houkatsu', 'takikan-kyodo']);
  });

  it('ダブルケア read from the household: a parent with dementia and a child under 18 at home', () => {
    expect(run({ who: 'self', age: 'senior', household: ['child'], district: 'sawara', troubles: ['forgetful'], usesCare: 'no' }).patterns).toContain('doubleCare');
  });
});

describe('questions residents misread', () => {
  it('a parent of a disabled child is not read as a young carer', () => {
    const r = run({ who: 'family', age: 'child', household: ['senior'], district: 'unknown', troubles: ['disability'], refuses: 'no' });
    expect(r.patterns).not.toContain('youngCarer');
    expect(r.windows.map((w) => w.windowId)).toEqual(expect.arrayContaining(['shogaisha-shien', 'kodomo-katei-center']));
  });
  it('a child who looks after a grandparent is read as a young carer (age under 18 with a care trouble)', () => {
    const r = run({ who: 'self', age: 'child', household: ['senior'], district: 'unknown', troubles: ['needsCare'], usesCare: 'unsure' });
    expect(r.patterns).toContain('youngCarer');
    expect(r.windows.map((w) => w.windowId)).toEqual(expect.arrayContaining(['kodomo-katei-center', 'takikan-kyodo']));
  });
  it('「わからない」 and 「市外に住んでいる」 are separate answers with separate results', () => {
    const base: Answers = { who: 'family', age: 'senior', household: ['none'], troubles: ['needsCare'], usesCare: 'no', refuses: 'no' };
    expect(ids({ ...base, district: 'unknown' })).toEqual(['sawara-houkatsu', 'omigawa-houkatsu']);
    const outside = { ...base, district: 'outside' };
    expect(ids(outside)).toEqual(['shakai-fukushi-ka']);
    expect(reasonsOf(outside, 'shakai-fukushi-ka').join(' ')).toContain('住んでいる市区町村');
  });
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
