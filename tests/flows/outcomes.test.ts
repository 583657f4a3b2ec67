import { describe, expect, it } from 'vitest';
import { flowSchema } from '@/schemas/flow';
import { missingRequired, triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';
import { readYaml } from '../support/content';
import { contentPath as cp } from '@/lib/profile';

// One test per outcome rule and per complex pattern.
const data = loadTriageData();
const run = (a: Answers) => triage(data, a);
const ids = (a: Answers) => run(a).windows.map((w) => w.windowId);
const me: Answers = { who: 'self', age: 'middle', household: ['none'], district: 'unknown' };

describe('outcome rules', () => {
  it('a field is routed by district: 佐原・栗源 → 佐原地域包括', () => {
    expect(ids({ ...me, district: 'kurimoto', troubles: ['forgetful'], usesCare: 'no' })).toEqual(['sawara-houkatsu']);
  });
  it('a field is routed by district: 小見川・山田 → 小見川地域包括', () => {
    expect(ids({ ...me, district: 'yamada', troubles: ['forgetful'], usesCare: 'no' })).toEqual(['omigawa-houkatsu']);
  });
  it('an unknown district offers every window of the field', () => {
    expect(ids({ ...me, troubles: ['forgetful'], usesCare: 'no' })).toEqual(['sawara-houkatsu', 'omigawa-houkatsu']);
  });
  it('two fields bring in the coordinator', () => {
    const r = run({ ...me, troubles: ['rent', 'parenting'] });
    expect(r.coordinator).toBe(true);
    expect(r.windows.at(-1)?.windowId).toBe('takikan-kyodo');
  });
  it('one field alone does not', () => expect(run({ ...me, troubles: ['parenting'] }).coordinator).toBe(false));
  it('an answer can add a field: a senior person adds 高齢', () => expect(run({ ...me, troubles: ['debts'], age: 'senior' }).fields).toContain('elderly'));
  it('nothing that fits still gives a result', () => expect(ids({ ...me, troubles: ['unsure'], age: 'unsure' })).toEqual(['takikan-kyodo']));
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
  it('a person outside the city gets the general number only, with the reason that their own municipality is the place to ask', () => {
    const r = run({ ...me, district: 'outside', troubles: ['forgetful'], usesCare: 'no' });
    expect(r).toMatchObject({ outside: true, district: undefined, coordinator: false });
    expect(r.windows).toEqual([{ windowId: 'shakai-fukushi-ka', reasons: [{ kind: 'outside' }] }]);
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
  it('a trouble whose window is not obvious says why, on the window of its field', () => {
    const r = run({ ...me, troubles: ['pregnancy'] });
    expect(r.windows).toEqual([{ windowId: 'kodomo-katei-center', reasons: [{ kind: 'field', field: 'children', districtKnown: false }, { kind: 'trouble', trouble: 'pregnancy' }] }]);
  });
  it('every trouble marked `why` is explained on at least one window it reaches', () => {
    for (const t of data.flow.troubles.filter((x) => x.why)) {
      const reasons = run({ ...me, troubles: [t.id], dangerNow: 'no' }).windows.flatMap((w) => w.reasons);
      expect(reasons, t.id).toContainEqual({ kind: 'trouble', trouble: t.id });
    }
  });
  it('a pattern can add hotlines: violence with a child in the home brings 189', () => {
    expect(run({ ...me, troubles: ['violence'], household: ['child'], dangerNow: 'no' }).hotlines).toContain('child-abuse-189');
    expect(run({ ...me, troubles: ['violence'], household: ['none'], dangerNow: 'no' }).hotlines).not.toContain('child-abuse-189');
  });
  it('the questions every path asks are required; danger now ends them, so nothing after it is', () => {
    const missing = (a: Answers) => missingRequired(data.flow, a).map((n) => n.id);
    expect(missing({ who: 'neighbour', troubles: ['notSeen'] })).toEqual(['district', 'age', 'household']);
    expect(missing({ who: 'neighbour', district: 'unknown', troubles: ['notSeen'], dangerNow: 'yes' })).toEqual([]);
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
    expect(r.windows.map((w) => w.windowId)).toContain('takikan-kyodo');
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
    expect(flowSchema.safeParse({ ...raw, nodes }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain('nodes.5.options: a question needs at least two options');
  });
  it('every trouble belongs to a category of routing.yaml', () => {
    const categories = new Set(data.routing.categories.map((c) => c.id));
    for (const t of data.flow.troubles) expect(categories, t.id).toContain(t.category);
  });
});
