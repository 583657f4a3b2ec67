import { describe, expect, it } from 'vitest';
import { flowSchema } from '@/schemas/flow';
import { triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';
import { readYaml } from '../support/content';

// One test per outcome rule and per complex pattern.
const data = loadTriageData();
const run = (a: Answers) => triage(data, a);
const ids = (a: Answers) => run(a).windows.map((w) => w.windowId);
const me: Answers = { who: 'self', district: 'unknown' };

describe('outcome rules', () => {
  it('a field is routed by district: 佐原・栗源 → 佐原地域包括', () => {
    expect(ids({ ...me, district: 'kurimoto', troubles: ['forgetful'], childCaring: 'no', usesCare: 'no' })).toEqual(['sawara-houkatsu']);
  });
  it('a field is routed by district: 小見川・山田 → 小見川地域包括', () => {
    expect(ids({ ...me, district: 'yamada', troubles: ['forgetful'], childCaring: 'no', usesCare: 'no' })).toEqual(['omigawa-houkatsu']);
  });
  it('an unknown district offers every window of the field', () => {
    expect(ids({ ...me, troubles: ['forgetful'], childCaring: 'no', usesCare: 'no' })).toEqual(['sawara-houkatsu', 'omigawa-houkatsu']);
  });
  it('two fields bring in the coordinator', () => {
    const r = run({ ...me, troubles: ['rent', 'parenting'], age: 'middle' });
    expect(r.coordinator).toBe(true);
    expect(r.windows.at(-1)?.windowId).toBe('takikan-kyodo');
  });
  it('one field alone does not', () => expect(run({ ...me, troubles: ['parenting'] }).coordinator).toBe(false));
  it('an answer can add a field: a senior person adds 高齢', () => expect(run({ ...me, troubles: ['debts'], age: 'senior' }).fields).toContain('elderly'));
  it('nothing that fits still gives a result', () => expect(ids({ ...me, troubles: ['unsure'], age: 'unsure' })).toEqual(['takikan-kyodo']));
  it('violence, abuse and suicide are urgent and put emergency numbers first', () => {
    for (const t of ['violence', 'abuseFear', 'suicidal']) {
      const r = run({ ...me, troubles: [t], age: 'middle', elderlyInHome: 'no', childCaring: 'no' });
      expect(r.urgent, t).toBe(true);
      expect(r.hotlines.slice(0, 2), t).toEqual(['police', 'fire-ambulance']);
    }
  });
  it('abuse brings the 189 number; suicide brings よりそいホットライン', () => {
    expect(run({ ...me, troubles: ['abuseFear'] }).hotlines).toContain('child-abuse-189');
    expect(run({ ...me, troubles: ['suicidal'], age: 'youth', elderlyInHome: 'no', childCaring: 'no' }).hotlines).toContain('yorisoi');
  });
  it('a possible danger is urgent only when the resident says so', () => {
    expect(run({ ...me, who: 'neighbour', troubles: ['notSeen'], dangerNow: 'no', refuses: 'unsure' }).urgent).toBe(false);
    expect(run({ ...me, who: 'neighbour', troubles: ['notSeen'], dangerNow: 'unsure', refuses: 'unsure' }).urgent).toBe(true);
  });
  it('a stale answer to a question that no longer applies is ignored', () => {
    expect(run({ ...me, troubles: ['parenting'], age: 'senior' }).fields).toEqual(['children']);
  });
  it('the inquiry pre-fill carries every ticked category (it never travels in a URL), and a sensitive trouble marks the result', () => {
    const r = run({ ...me, troubles: ['violence', 'rent'], age: 'middle', elderlyInHome: 'no' });
    expect(r.sensitive).toBe(true);
    expect(r.inquiry.categories).toEqual(['moneyWorkHome', 'household']);
  });
  it('a relative whose person refuses help is told about 支援会議 (refuses flag)', () => {
    expect(run({ ...me, who: 'family', troubles: ['hoarding'], refuses: 'yes' })).toMatchObject({ proxy: true, refuses: true });
  });
});

describe('complex patterns (each brings in the coordinator)', () => {
  const cases: [string, Answers][] = [
    ['p8050', { ...me, who: 'family', troubles: ['withdrawn'], age: 'middle', elderlyInHome: 'yes', refuses: 'no' }],
    ['doubleCare', { ...me, troubles: ['needsCare', 'parenting'], childCaring: 'no', usesCare: 'no' }],
    ['youngCarer', { ...me, troubles: ['needsCare'], childCaring: 'yes', usesCare: 'no' }],
    ['withdrawal', { ...me, troubles: ['withdrawn'], age: 'youth', elderlyInHome: 'no' }],
    ['hoarding', { ...me, troubles: ['hoarding'] }],
    ['multipleDebts', { ...me, troubles: ['debts'], age: 'middle' }],
    ['noMedicalCare', { ...me, troubles: ['noMedicalCare'], age: 'middle', childCaring: 'no' }],
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
  const raw = readYaml('content/triage/flow.yaml') as { nodes: Record<string, unknown>[]; patterns: unknown[]; troubles: unknown[] };
  it('rejects a dangling trouble reference and names the path', () => {
    const bad = { ...raw, patterns: [{ id: 'x', when: { anyTrouble: ['nope'] } }] };
    const r = flowSchema.safeParse(bad);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['patterns.0.when.anyTrouble.0: unknown trouble "nope"']);
  });
  it('rejects a condition on a node asked later', () => {
    const nodes = raw.nodes.map((n) => (n.id === 'age' ? { ...n, askWhen: { answerIn: { node: 'refuses', values: ['yes'] } } } : n));
    const r = flowSchema.safeParse({ ...raw, nodes });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['node "refuses" is not asked before this point']);
  });
  it('every trouble belongs to a category of routing.yaml', () => {
    const categories = new Set(data.routing.categories.map((c) => c.id));
    for (const t of data.flow.troubles) expect(categories, t.id).toContain(t.category);
  });
});
