import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';

const data = loadTriageData();

/** Window codes used in the fixture tests/fixtures/triage-dev-cases.md. */
const code: Record<string, string> = {
  佐原包括: 'sawara-houkatsu',
  小見川包括: 'omigawa-houkatsu',
  障害: 'shogaisha-shien',
  こども: 'kodomo-katei-center',
  CCC: 'katori-ccc',
  多機関協働: 'takikan-kyodo',
};

/** Each development case as a resident would answer the wizard. */
const answers: Record<string, Answers> = {
  d01: { who: 'family', district: 'sawara', troubles: ['elderAlone'], childCaring: 'no', usesCare: 'no', refuses: 'no' },
  d02: { who: 'family', district: 'omigawa', troubles: ['careInsurance'], usesCare: 'no', refuses: 'no' },
  d03: { who: 'self', district: 'unknown', troubles: ['childDevelopment'] },
  d04: { who: 'self', district: 'unknown', troubles: ['job', 'rent'], age: 'unsure' },
  d05: { who: 'family', district: 'yamada', troubles: ['withdrawn'], age: 'youth', household: ['senior'], refuses: 'unsure' },
  d06: { who: 'self', district: 'unknown', troubles: ['childCarer', 'needsCare'], childCaring: 'yes', usesCare: 'unsure' },
  d07: { who: 'family', district: 'unknown', troubles: ['disability'], age: 'middle', elderlyInHome: 'unsure', childCaring: 'no', refuses: 'no' },
  d08: { who: 'neighbour', district: 'unknown', troubles: ['notSeen'], dangerNow: 'yes', refuses: 'unsure' },
  d09: { who: 'self', district: 'unknown', troubles: ['abuseFear'] },
  d10: { who: 'self', district: 'unknown', troubles: ['livingCosts', 'schoolCosts'], age: 'middle' },
  d11: { who: 'self', district: 'unknown', troubles: ['unsure'], age: 'unsure' },
  d12: { who: 'self', district: 'unknown', troubles: ['job', 'rent'], age: 'youth' },
};

/** Rows of the table in the reference file: id, must-include codes, urgent. */
const cases = readFileSync('tests/fixtures/triage-dev-cases.md', 'utf8')
  .split('\n')
  .filter((l) => /^\| d\d\d /.test(l))
  .map((l) => l.split('|').map((c) => c.trim()))
  .map(([, id, , mustInclude, urgent]) => ({
    id: id!,
    mustInclude: Object.keys(code).filter((k) => mustInclude!.includes(k)).map((k) => code[k]!),
    urgent: urgent === 'yes',
  }));

describe('development cases (tests/fixtures/triage-dev-cases.md)', () => {
  it('reads all twelve cases', () => expect(cases.map((c) => c.id)).toEqual(Object.keys(answers)));

  it.each(cases)('$id: includes $mustInclude, urgent=$urgent', ({ id, mustInclude, urgent }) => {
    const result = triage(data, answers[id]!);
    const ids = result.windows.map((w) => w.windowId);
    for (const w of mustInclude) expect(ids).toContain(w);
    expect(result.urgent).toBe(urgent);
    expect(ids.length).toBeGreaterThan(0);
    if (urgent) expect(result.hotlines.slice(0, 2)).toEqual(['police', 'fire-ambulance']);
  });
});
