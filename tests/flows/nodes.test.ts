import { describe, expect, it } from 'vitest';
import { isAnswered, nextNode, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';

// One test per question node: for each answer, which node comes next (undefined = the summary).
const { flow } = loadTriageData();
const next = (nodeId: string, answers: Answers) => nextNode(flow, nodeId, answers)?.id;
const node = (id: string) => flow.nodes.find((n) => n.id === id)!;
const base: Answers = { who: 'self', age: 'middle', household: ['none'], district: 'sawara' };

describe('node: who', () => {
  it.each(['self', 'family', 'neighbour', 'supporter'])('%s → age (asked of everyone)', (who) => expect(next('who', { who })).toBe('age'));
});

describe('node: age', () => {
  it.each(['child', 'youth', 'middle', 'senior', 'unsure'])('%s → household', (age) => expect(next('age', { who: 'family', age })).toBe('household'));
});

describe('node: household (check every option that applies)', () => {
  it.each([[['child']], [['senior', 'disability']], [['pregnant']], [['none']], [['unsure']]])('%j → district', (household) =>
    expect(next('household', { ...base, household })).toBe('district'));
  it('is answered only by a non-empty list of its own options', () => {
    expect(isAnswered(node('household'), { household: ['child', 'senior'] })).toBe(true);
    expect(isAnswered(node('household'), { household: [] })).toBe(false);
    expect(isAnswered(node('household'), { household: 'child' })).toBe(false);
    expect(isAnswered(node('household'), { household: ['child', 'cat'] })).toBe(false);
  });
});

describe('node: district', () => {
  it.each(['sawara', 'kurimoto', 'omigawa', 'yamada', 'unknown', 'outside'])('%s → troubles', (district) => expect(next('district', { ...base, district })).toBe('troubles'));
});

describe('node: troubles', () => {
  it('a possible danger (someone not seen for days) → dangerNow first', () => expect(next('troubles', { ...base, troubles: ['notSeen', 'needsCare'] })).toBe('dangerNow'));
  it.each(['violence', 'abuseSeenChild', 'abuseSeenAdult', 'carerGone'])('%s → dangerNow', (t) => expect(next('troubles', { ...base, troubles: [t] })).toBe('dangerNow'));
  it('care troubles → usesCare', () => expect(next('troubles', { ...base, troubles: ['needsCare'] })).toBe('usesCare'));
  it('frailty and a working carer → usesCare', () => {
    expect(next('troubles', { ...base, troubles: ['frailty'] })).toBe('usesCare');
    expect(next('troubles', { ...base, troubles: ['carerWorking'] })).toBe('usesCare');
  });
  it('money troubles asked by the person themself → summary (age and household were asked already)', () => expect(next('troubles', { ...base, troubles: ['debts'] })).toBeUndefined());
  it('a child-only trouble asked by family → refuses', () => expect(next('troubles', { ...base, who: 'family', troubles: ['schoolRefusal'] })).toBe('refuses'));
});

describe('node: dangerNow', () => {
  it.each(['yes', 'no', 'unsure'])('%s → next applicable follow-up (refuses for a neighbour)', (dangerNow) =>
    expect(next('dangerNow', { ...base, who: 'neighbour', troubles: ['notSeen'], dangerNow })).toBe('refuses'));
  it.each(['yes', 'no', 'unsure'])('%s → usesCare when a carer is gone', (dangerNow) =>
    expect(next('dangerNow', { ...base, troubles: ['carerGone', 'needsCare'], dangerNow })).toBe('usesCare'));
  it('by the person themself with nothing else to ask → summary', () => expect(next('dangerNow', { ...base, troubles: ['notSeen'], dangerNow: 'no' })).toBeUndefined());
});

describe('node: usesCare', () => {
  it.each(['yes', 'no', 'unsure'])('%s → refuses when asked by family', (usesCare) =>
    expect(next('usesCare', { ...base, who: 'family', troubles: ['forgetful'], usesCare })).toBe('refuses'));
  it.each(['yes', 'no', 'unsure'])('%s → summary when asked by the person', (usesCare) =>
    expect(next('usesCare', { ...base, troubles: ['forgetful'], usesCare })).toBeUndefined());
});

describe('node: refuses', () => {
  it.each(['yes', 'no', 'unsure'])('%s → summary (the last question)', (refuses) =>
    expect(next('refuses', { ...base, who: 'family', troubles: ['hoarding'], refuses })).toBeUndefined());
});

it('every node in the flow has a test above', () => {
  expect(flow.nodes.map((n) => n.id)).toEqual(['who', 'age', 'household', 'district', 'troubles', 'dangerNow', 'usesCare', 'refuses']);
});
