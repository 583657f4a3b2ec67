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

describe('node: age (asked of everyone, after any danger question)', () => {
  it.each(['child', 'youth', 'middle', 'senior', 'unsure'])('%s → household', (age) => expect(next('age', { ...base, troubles: ['job'], age })).toBe('household'));
});

describe('node: household (check every option that applies)', () => {
  it.each([[['child']], [['senior', 'disability']], [['pregnant']], [['none']], [['unsure']]])('%j → usesCare for care troubles', (household) =>
    expect(next('household', { ...base, troubles: ['needsCare'], household })).toBe('usesCare'));
  it.each([[['child']], [['none']]])('%j → refuses when asked by family about money', (household) =>
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
  it('a possible danger (someone not seen for days) → dangerNow first', () => expect(next('troubles', { ...base, troubles: ['notSeen', 'needsCare'] })).toBe('dangerNow'));
  it.each(['violence', 'abuseSeenChild', 'abuseSeenAdult', 'carerGone'])('%s → dangerNow', (t) => expect(next('troubles', { ...base, troubles: [t] })).toBe('dangerNow'));
  it.each(['needsCare', 'frailty', 'carerWorking', 'debts', 'schoolRefusal', 'pregnancy'])('%s (no danger) → age', (t) => expect(next('troubles', { ...base, troubles: [t] })).toBe('age'));
});

describe('node: dangerNow', () => {
  it.each(['yes', 'no', 'unsure'])('%s → age (the wizard stops at yes and unsure: see urgentWhen)', (dangerNow) =>
    expect(next('dangerNow', { ...base, who: 'neighbour', troubles: ['notSeen'], dangerNow })).toBe('age'));
  it('stops the questions at yes and unsure (emergency numbers at once)', () => expect(node('dangerNow').urgentWhen).toEqual(['yes', 'unsure']));
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
  expect(flow.nodes.map((n) => n.id)).toEqual(['who', 'district', 'troubles', 'dangerNow', 'age', 'household', 'usesCare', 'refuses']);
});
