import { describe, expect, it } from 'vitest';
import { flowSchema } from '@/schemas/flow';
import type { FieldId } from '@/schemas/taxonomy';
import { missingRequired, triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';
import { roleIds } from '@/triage/route';
import { readYaml } from '../support/content';
import { contentPath as cp } from '@/lib/profile';

// One test per outcome rule and per complex pattern. The windows a rule must give are read from what
// the profile's content declares (each window's fields and serviceArea; the roles in triage/routing.yaml),
// so the same rules hold for every profile.
const data = loadTriageData();
const run = (a: Answers) => triage(data, a);
const ids = (a: Answers) => run(a).windows.map((w) => w.windowId);
const me: Answers = { who: 'self', age: 'middle', household: ['none'], district: 'unknown' };
const districtIds = data.flow.nodes.find((n) => n.setsDistrict)!.options.filter((o) => o !== 'unknown' && o !== 'outside');
const declares = (w: (typeof data.windows)[number], district: string) => w.serviceArea === 'citywide' || w.serviceArea.includes(district);
const windowsOf = (field: FieldId) => data.windows.filter((w) => w.fields.includes(field));
/** A trouble of one specialist field only, for which the profile has windows, with the answers its questions need. */
const oneFieldTroubles = data.flow.troubles.filter((t) => !t.urgent && !t.danger && t.fields.length === 1 && t.fields[0] !== 'coordination' && windowsOf(t.fields[0]!).length > 0);
const coordinators = roleIds(data.routing.coordinatorWindow);
/** The coordinator window(s) for a district, as the windows declare (all when unknown). */
const coordinatorFor = (district?: string) => {
  const serving = district ? data.windows.filter((w) => coordinators.includes(w.id) && declares(w, district)).map((w) => w.id) : [];
  return serving.length > 0 ? serving : coordinators;
};

describe('outcome rules', () => {
  it('has a one-field trouble with windows of its field to test the routing with', () => expect(oneFieldTroubles.length).toBeGreaterThan(0));
  it('a field is routed by district: each district gets the windows of the field that declare it', () => {
    let checked = 0;
    for (const t of oneFieldTroubles) {
      const ofField = windowsOf(t.fields[0]!);
      for (const district of districtIds) {
        const serving = ofField.filter((w) => declares(w, district)).map((w) => w.id);
        if (serving.length === 0) continue;
        const got = ids({ ...me, district, troubles: [t.id], usesCare: 'no' });
        expect(got.filter((id) => ofField.some((w) => w.id === id)), `${t.id} in ${district}`).toEqual(serving);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
  it('an unknown district offers every window of the field', () => {
    for (const t of oneFieldTroubles) {
      expect(ids({ ...me, troubles: [t.id], usesCare: 'no' }), t.id).toEqual(expect.arrayContaining(windowsOf(t.fields[0]!).map((w) => w.id)));
    }
  });
  it('two fields bring in the coordinator, after the windows of the fields', () => {
    const r = run({ ...me, troubles: ['rent', 'parenting'] });
    expect(r.coordinator).toBe(true);
    expect(coordinators).toContain(r.windows.at(-1)?.windowId);
    expect(r.windows.map((w) => w.windowId)).toEqual(expect.arrayContaining(coordinatorFor()));
  });
  it('one field alone does not', () => expect(run({ ...me, troubles: ['parenting'] }).coordinator).toBe(false));
  it('an answer can add a field: a senior person adds 高齢', () => expect(run({ ...me, troubles: ['debts'], age: 'senior' }).fields).toContain('elderly'));
  it('nothing that fits still gives a result: the coordinator, who helps find the window', () => {
    expect(ids({ ...me, troubles: ['unsure'], age: 'unsure' })).toEqual(coordinatorFor());
  });
  it('violence, abuse and suicide are urgent and put emergency numbers first', () => {
    for (const t of ['violence', 'abuseFear', 'suicidal']) {
      const r = run({ ...me, troubles: [t], dangerNow: 'no' });
      expect(r.urgent, t).toBe(true);
      expect(r.hotlines.slice(0, 2), t).toEqual(['police', 'fire-ambulance']);
    }
  });
  it('abuse brings the 189 number; suicide brings よりそいホットライン', () => {
    expect(run({ ...me, troubles: ['abuseFear'] }).hotlines).toContain('child-abuse-189');
    expect(run({ ...me, troubles: ['suicidal'], age: 'youth' }).hotlines).toContain('yorisoi');
  });
  it('a possible danger is urgent only when the resident says so', () => {
    expect(run({ ...me, who: 'neighbour', troubles: ['notSeen'], dangerNow: 'no', refuses: 'unsure' }).urgent).toBe(false);
    expect(run({ ...me, who: 'neighbour', troubles: ['notSeen'], dangerNow: 'unsure', refuses: 'unsure' }).urgent).toBe(true);
  });
  it('a stale answer to a question that no longer applies is ignored', () => {
    expect(run({ ...me, troubles: ['parenting'], usesCare: 'yes', refuses: 'yes' }).refuses).toBe(false);
  });
  it('the inquiry pre-fill carries every ticked category (it never travels in a URL), and a sensitive trouble marks the result', () => {
    const r = run({ ...me, troubles: ['violence', 'rent'], dangerNow: 'no' });
    expect(r.sensitive).toBe(true);
    expect(r.inquiry.categories).toEqual(['moneyWorkHome', 'household']);
  });
  it('a person outside the municipality gets the general number only, with the reason that their own municipality is the place to ask', () => {
    const r = run({ ...me, district: 'outside', troubles: ['forgetful'], usesCare: 'no' });
    expect(r).toMatchObject({ outside: true, district: undefined, coordinator: false });
    expect(r.windows).toEqual(roleIds(data.routing.outsideWindow).map((windowId) => ({ windowId, reasons: [{ kind: 'outside' }] })));
  });
  it('outside the city, danger still puts the emergency numbers first', () => {
    const r = run({ ...me, district: 'outside', troubles: ['violence'], dangerNow: 'yes' });
    expect(r.urgent).toBe(true);
    expect(r.hotlines.slice(0, 2)).toEqual(['police', 'fire-ambulance']);
  });
  it('"わからない" is not "outside": every window of the field is offered', () => {
    expect(run({ ...me, district: 'unknown', troubles: ['forgetful'] }).outside).toBe(false);
  });
  it('who lives with the person adds no field by itself', () => {
    expect(run({ ...me, household: ['child', 'senior', 'disability', 'pregnant'], troubles: ['job'] }).fields).toEqual(['poverty']);
  });
  it('the age of the person adds a field: under 18 adds 子ども, 65 or over adds 高齢', () => {
    expect(run({ ...me, age: 'child', troubles: ['noOneToAsk'] }).fields).toContain('children');
    expect(run({ ...me, age: 'senior', troubles: ['noOneToAsk'] }).fields).toContain('elderly');
  });
  // The explanations name the kind of window of the trouble's field (こども家庭センター, 地域包括 …), so
  // they belong on a window of that field; a profile without one shows none of them.
  const why = data.flow.troubles.filter((t) => t.why);
  const hasWindowOfField = (t: (typeof why)[number]) => t.fields.some((f) => windowsOf(f).length > 0);
  it('a trouble whose window is not obvious says why, on each window of its field it reaches', () => {
    const explained = why.filter(hasWindowOfField);
    expect(explained.length).toBeGreaterThan(0);
    for (const t of explained) {
      const r = run({ ...me, troubles: [t.id], dangerNow: 'no' });
      const ofField = r.windows.filter((w) => t.fields.some((f) => windowsOf(f).some((x) => x.id === w.windowId)));
      expect(ofField.length, t.id).toBeGreaterThan(0);
      for (const w of ofField) expect(w.reasons, `${t.id} on ${w.windowId}`).toContainEqual({ kind: 'trouble', trouble: t.id });
    }
  });
  it('an explanation is never put on a window outside the trouble\'s field', () => {
    for (const t of why) {
      for (const w of run({ ...me, troubles: [t.id], dangerNow: 'no' }).windows.filter((x) => !t.fields.some((f) => windowsOf(f).some((y) => y.id === x.windowId)))) {
        expect(w.reasons, `${t.id} on ${w.windowId}`).not.toContainEqual({ kind: 'trouble', trouble: t.id });
      }
    }
  });
  it('a pattern can add hotlines: violence with a child in the home brings 189', () => {
    expect(run({ ...me, troubles: ['violence'], household: ['child'], dangerNow: 'no' }).hotlines).toContain('child-abuse-189');
    expect(run({ ...me, troubles: ['violence'], household: ['none'], dangerNow: 'no' }).hotlines).not.toContain('child-abuse-189');
  });
  it('the questions every path asks are required; an answer meaning danger now shows the result at once, whatever is missing', () => {
    const missing = (a: Answers) => missingRequired(data.flow, a).map((n) => n.id);
    expect(missing({ who: 'neighbour', troubles: ['notSeen'] })).toEqual(['district', 'age', 'household']);
    expect(missing({ who: 'neighbour', district: 'unknown', troubles: ['notSeen'], dangerNow: 'yes' })).toEqual([]);
    expect(missing({ who: 'neighbour', troubles: ['notSeen'], dangerNow: 'unsure' })).toEqual([]);
    expect(missing({ who: 'neighbour', district: 'unknown', troubles: ['notSeen'], dangerNow: 'no' })).toEqual(['age', 'household']);
  });
  it('a relative whose person refuses help is told about 支援会議 (refuses flag)', () => {
    expect(run({ ...me, who: 'family', troubles: ['hoarding'], refuses: 'yes' })).toMatchObject({ proxy: true, refuses: true });
  });
});

describe('complex patterns (each brings in the coordinator)', () => {
  const cases: [string, Answers][] = [
    ['p8050', { ...me, who: 'family', troubles: ['withdrawn'], household: ['senior'], refuses: 'no' }],
    ['doubleCare', { ...me, troubles: ['needsCare', 'parenting'], usesCare: 'no' }],
    ['youngCarer', { ...me, troubles: ['childCarer'] }],
    ['withdrawal', { ...me, troubles: ['withdrawn'], age: 'youth' }],
    ['domesticViolenceChildren', { ...me, troubles: ['violence'], household: ['child'], dangerNow: 'no' }],
    ['careGap', { ...me, who: 'family', age: 'senior', troubles: ['carerGone'], dangerNow: 'no', refuses: 'no' }],
    ['rightsAdvocacy', { ...me, who: 'family', age: 'senior', troubles: ['dementiaMoney'], refuses: 'no' }],
    ['languageSupport', { ...me, troubles: ['japaneseDocuments'] }],
    ['hoarding', { ...me, troubles: ['hoarding'] }],
    ['multipleDebts', { ...me, troubles: ['debts'] }],
    ['noMedicalCare', { ...me, troubles: ['noMedicalCare'] }],
  ];
  it('covers every pattern in the flow', () => expect(cases.map(([p]) => p).sort()).toEqual(data.flow.patterns.map((p) => p.id).sort()));
  it.each(cases)('%s', (pattern, answers) => {
    const r = run(answers);
    expect(r.patterns).toContain(pattern);
    expect(r.coordinator).toBe(true);
    expect(r.windows.map((w) => w.windowId)).toEqual(expect.arrayContaining(coordinatorFor()));
  });
});

describe('flow schema', () => {
  const raw = readYaml(cp('triage/flow.yaml')) as { nodes: Record<string, unknown>[]; patterns: unknown[]; troubles: unknown[] };
  it('rejects a dangling trouble reference and names the path', () => {
    const bad = { ...raw, patterns: [{ id: 'x', when: { anyTrouble: ['nope'] } }] };
    const r = flowSchema.safeParse(bad);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['patterns.0.when.anyTrouble.0: unknown trouble "nope"']);
  });
  it('rejects a condition on a node asked later', () => {
    const nodes = raw.nodes.map((n) => (n.id === 'dangerNow' ? { ...n, askWhen: { answerIn: { node: 'refuses', values: ['yes'] } } } : n));
    const r = flowSchema.safeParse({ ...raw, nodes });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['node "refuses" is not asked before this point']);
  });
  it('rejects an outside option that is not one of the question\'s options', () => {
    const nodes = raw.nodes.map((n) => (n.id === 'district' ? { ...n, outsideOption: 'abroad' } : n));
    expect(flowSchema.safeParse({ ...raw, nodes }).error?.issues.map((i) => i.message)).toEqual(['"abroad" is not an option of "district"']);
  });
  it('rejects a multi question with a single option', () => {
    const nodes = raw.nodes.map((n) => (n.id === 'household' ? { ...n, options: ['none'] } : n));
    const at = raw.nodes.findIndex((n) => n.id === 'household');
    expect(flowSchema.safeParse({ ...raw, nodes }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain(`nodes.${at}.options: a question needs at least two options`);
  });
  it('every trouble belongs to a category of routing.yaml', () => {
    const categories = new Set(data.routing.categories.map((c) => c.id));
    for (const t of data.flow.troubles) expect(categories, t.id).toContain(t.category);
  });
});

// Issue 24: for a resident of a known town, the nearest window (a local window taking any trouble, the
// town's 心配ごと相談所) comes first in the wizard's result, before the region's centre and field windows.
describe('the nearest window first', () => {
  it('a local window of the known district is the first window, for every district and trouble', () => {
    let local = 0;
    for (const district of data.flow.nodes.find((n) => n.setsDistrict)!.options) {
      for (const t of data.flow.troubles) {
        const r = triage(data, { who: 'self', district, troubles: [t.id], age: 'middle', household: ['none'] });
        const at = r.windows.findIndex((w) => w.reasons.some((x) => x.kind === 'local'));
        if (at < 0) continue;
        local++;
        expect(at, `${district} ${t.id}`).toBe(0);
      }
    }
    // 香取市 has no window that takes any trouble for one district; Aomori's 9 towns each have one.
    expect(local > 0).toBe(data.windows.some((w) => w.anyField));
  });
});

// Issue 24: a resident who knows only the region (Aomori: 東地域 / 中南地域) can say so, and gets the windows
// serving that region's towns (its centre), not the other region's, and no single town's own window.
describe('a region instead of a district', () => {
  const regions = Object.entries(data.regions ?? {});
  const options = data.flow.nodes.find((n) => n.setsDistrict)!.options;
  it('each region of the profile is an answer of the district question (none where the profile has no regions)', () => {
    for (const [id] of regions) expect(options).toContain(id);
    expect(regions.length > 0).toBe((readYaml(cp('areas.yaml')) as { regionId?: string }[]).some((a) => a.regionId));
  });
  it.each(regions.length ? regions : [['none', []] as [string, string[]]])('%s: only windows serving its towns, and no town’s own window', (region, areas) => {
    if (!areas.length) return;
    for (const troubles of [['livingCosts'], ['unsure'], ['withdrawn', 'debts']]) {
      const r = triage(data, { who: 'self', district: region, troubles, age: 'middle', household: ['none'] });
      expect(r.windows.length).toBeGreaterThan(0);
      for (const w of r.windows) {
        const win = data.windows.find((x) => x.id === w.windowId)!;
        expect(win.serviceArea === 'citywide' || win.serviceArea.some((a) => areas.includes(a)), `${w.windowId} serves ${region}`).toBe(true);
        expect(win.anyField && win.serviceArea !== 'citywide' && win.serviceArea.length === 1, `${w.windowId} is one town's own`).toBe(false);
      }
      const unknown = triage(data, { who: 'self', district: 'unknown', troubles, age: 'middle', household: ['none'] });
      expect(r.windows.length, 'narrower than わからない').toBeLessThan(unknown.windows.length + 1);
    }
  });
});
