import { describe, expect, it } from 'vitest';
import { nextNode, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';

// One test per question node: for each answer, which node comes next (undefined = the summary).
const { flow } = loadTriageData();
const next = (nodeId: string, answers: Answers) => nextNode(flow, nodeId, answers)?.id;
const base: Answers = { who: 'self', district: 'sawara' };

describe('node: who', () => {
  it.each(['self', 'family', 'neighbour', 'supporter'])('%s → district', (who) => expect(next('who', { who })).toBe('district'));
});

describe('node: district', () => {
  it.each(['sawara', 'kurimoto', 'omigawa', 'yamada', 'unknown'])('%s → troubles', (district) => expect(next('district', { ...base, district })).toBe('troubles'));
});

describe('node: troubles', () => {
  it('a possible danger (someone not seen for days) → dangerNow first', () => expect(next('troubles', { ...base, troubles: ['notSeen', 'needsCare'] })).toBe('dangerNow'));
  it('money troubles → age', () => expect(next('troubles', { ...base, troubles: ['debts'] })).toBe('age'));
  it('withdrawal → age', () => expect(next('troubles', { ...base, troubles: ['withdrawn'] })).toBe('age'));
  it('care troubles → childCaring', () => expect(next('troubles', { ...base, troubles: ['needsCare'] })).toBe('childCaring'));
  it('a care-insurance question alone → usesCare', () => expect(next('troubles', { ...base, troubles: ['careInsurance'] })).toBe('usesCare'));
  it('a child-only trouble asked by the person themself → summary', () => expect(next('troubles', { ...base, troubles: ['schoolRefusal'] })).toBeUndefined());
  it('a child-only trouble asked by family → refuses', () => expect(next('troubles', { ...base, who: 'family', troubles: ['schoolRefusal'] })).toBe('refuses'));
});

describe('node: dangerNow', () => {
  it.each(['yes', 'no', 'unsure'])('%s → next applicable follow-up (refuses for a neighbour)', (dangerNow) =>
    expect(next('dangerNow', { ...base, who: 'neighbour', troubles: ['notSeen'], dangerNow })).toBe('refuses'));
  it('by the person themself with nothing else to ask → summary', () => expect(next('dangerNow', { ...base, troubles: ['notSeen'], dangerNow: 'no' })).toBeUndefined());
});

describe('node: age', () => {
  it.each(['child', 'youth', 'middle', 'senior', 'unsure'])('%s → elderlyInHome when withdrawal was ticked', (age) =>
    expect(next('age', { ...base, troubles: ['withdrawn'], age })).toBe('elderlyInHome'));
  it('→ summary when nothing else applies', () => expect(next('age', { ...base, troubles: ['debts'], age: 'middle' })).toBeUndefined());
});

describe('node: elderlyInHome', () => {
  it.each(['yes', 'no', 'unsure'])('%s → childCaring when a disability trouble was ticked', (elderlyInHome) =>
    expect(next('elderlyInHome', { ...base, troubles: ['disability'], age: 'middle', elderlyInHome })).toBe('childCaring'));
  it.each(['yes', 'no', 'unsure'])('%s → summary for withdrawal alone asked by the person', (elderlyInHome) =>
    expect(next('elderlyInHome', { ...base, troubles: ['withdrawn'], age: 'youth', elderlyInHome })).toBeUndefined());
});

describe('node: childCaring', () => {
  it.each(['yes', 'no', 'unsure'])('%s → usesCare for care troubles', (childCaring) =>
    expect(next('childCaring', { ...base, troubles: ['forgetful'], childCaring })).toBe('usesCare'));
});

describe('node: usesCare', () => {
  it.each(['yes', 'no', 'unsure'])('%s → refuses when asked by family', (usesCare) =>
    expect(next('usesCare', { ...base, who: 'family', troubles: ['forgetful'], childCaring: 'no', usesCare })).toBe('refuses'));
  it.each(['yes', 'no', 'unsure'])('%s → summary when asked by the person', (usesCare) =>
    expect(next('usesCare', { ...base, troubles: ['forgetful'], childCaring: 'no', usesCare })).toBeUndefined());
});

describe('node: refuses', () => {
  it.each(['yes', 'no', 'unsure'])('%s → summary (the last question)', (refuses) =>
    expect(next('refuses', { ...base, who: 'family', troubles: ['hoarding'], refuses })).toBeUndefined());
});

it('every node in the flow has a test above', () => {
  expect(flow.nodes.map((n) => n.id)).toEqual(['who', 'district', 'troubles', 'dangerNow', 'age', 'elderlyInHome', 'childCaring', 'usesCare', 'refuses']);
});
