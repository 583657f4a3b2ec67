import { describe, expect, it } from 'vitest';
import { isAnswered, nextNode, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';

// One test per question node: for each answer, which node comes next (undefined = the summary).
const { flow } = loadTriageData();
const next = (nodeId: string, answers: Answers) => nextNode(flow, nodeId, answers)?.id;
const node = (id: string) => flow.nodes.find((n) => n.id === id)!;
/** The profile's districts, as the district question lists them (its own areas, then unknown and outside). */
const districtOptions = node('district').options;
const base: Answers = { who: 'self', district: districtOptions[0]!, age: 'middle', household: ['none'] };

describe('node: who', () => {
  it.each(['self', 'family', 'neighbour', 'supporter'])('%s → district', (who) => expect(next('who', { who })).toBe('district'));
});

describe('node: age (asked of everyone, before any danger question so a danger result keeps its windows)', () => {
  it.each(['child', 'youth', 'middle', 'senior', 'unsure'])('%s → household', (age) => expect(next('age', { ...base, troubles: ['job'], age })).toBe('household'));
});

describe('node: household (check every option that applies)', () => {
  const all = node('household').options;
  it('has answers for adults under 65 (grown-up child, spouse, sibling, another adult)', () => expect(all).toEqual(expect.arrayContaining(['adultChild', 'spouse', 'sibling', 'otherAdult'])));
  it.each(all.map((o) => [[o]]))('%j → usesCare for care troubles', (household) =>
    expect(next('household', { ...base, troubles: ['needsCare'], household })).toBe('usesCare'));
  it.each(all.map((o) => [[o]]))('%j → dangerNow when a trouble can mean danger now', (household) =>
    expect(next('household', { ...base, troubles: ['violence'], household })).toBe('dangerNow'));
  it.each([[['child']], [['none']], [['adultChild', 'spouse']]])('%j → refuses when asked by family about money', (household) =>
    expect(next('household', { ...base, who: 'family', troubles: ['debts'], household })).toBe('refuses'));
  it('→ summary for money troubles asked by the person', () => expect(next('household', { ...base, troubles: ['debts'] })).toBeUndefined());
  it('is answered only by a non-empty list of its own options', () => {
    expect(isAnswered(node('household'), { household: ['child', 'senior'] })).toBe(true);
    expect(isAnswered(node('household'), { household: [] })).toBe(false);
    expect(isAnswered(node('household'), { household: 'child' })).toBe(false);
    expect(isAnswered(node('household'), { household: ['child', 'cat'] })).toBe(false);
  });
});

describe('node: district', () => {
  it('lists the profile\'s districts, then unknown and outside', () => {
    expect(districtOptions.length).toBeGreaterThan(2);
    expect(districtOptions.slice(-2)).toEqual(['unknown', 'outside']);
  });
  it.each(districtOptions)('%s → troubles', (district) => expect(next('district', { ...base, district })).toBe('troubles'));
});

describe('node: troubles', () => {
  it.each(['notSeen', 'violence', 'abuseSeenChild', 'abuseSeenAdult', 'carerGone', 'needsCare', 'debts', 'pregnancy'])('%s → age (age and household come first, danger after them)', (t) =>
    expect(next('troubles', { ...base, troubles: [t] })).toBe('age'));
});

describe('node: dangerNow', () => {
  it.each(['yes', 'no', 'unsure'])('%s → refuses for a neighbour (the wizard stops at yes and unsure: see urgentWhen)', (dangerNow) =>
    expect(next('dangerNow', { ...base, who: 'neighbour', troubles: ['notSeen'], dangerNow })).toBe('refuses'));
  it.each(['yes', 'no', 'unsure'])('%s → usesCare when a care trouble is ticked too', (dangerNow) =>
    expect(next('dangerNow', { ...base, troubles: ['carerGone', 'needsCare'], dangerNow })).toBe('usesCare'));
  it('stops the questions at yes and unsure (emergency numbers at once)', () => expect(node('dangerNow').urgentWhen).toEqual(['yes', 'unsure']));
  it('comes after age and household, which choose the windows a danger result keeps', () => {
    const order = flow.nodes.map((n) => n.id);
    expect(order.indexOf('dangerNow')).toBeGreaterThan(order.indexOf('household'));
    expect(order.indexOf('dangerNow')).toBeGreaterThan(order.indexOf('age'));
  });
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
  expect(flow.nodes.map((n) => n.id)).toEqual(['who', 'district', 'troubles', 'age', 'household', 'dangerNow', 'usesCare', 'refuses']);
});
