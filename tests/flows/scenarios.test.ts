import { describe, expect, it } from 'vitest';
import { triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';
import { profileDir } from '@/lib/profile';
import { triageCaseExpectations } from '../support/expectations';

// The selected profile's development cases (content/profiles/<id>/expectations/triage-cases.yaml):
// what a resident might say, as wizard answers, and the windows the result must include.
const data = loadTriageData();
const cases = triageCaseExpectations();
const windowIds = new Set(data.windows.map((w) => w.id));

describe(`development cases (${profileDir()}/expectations/triage-cases.yaml)`, () => {
  it('has cases, each naming only windows of the profile and answers the wizard asks', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.id)).size, 'case ids are unique').toBe(cases.length);
    const nodes = new Set(data.flow.nodes.map((n) => n.id));
    for (const c of cases) {
      for (const w of c.mustInclude) expect(windowIds, `${c.id} → ${w}`).toContain(w);
      // Answers to questions the flow no longer has are ignored by the engine; they are kept as the
      // resident said them, but every case must at least answer the district question.
      expect(Object.keys(c.answers), c.id).toContain(data.flow.nodes.find((n) => n.setsDistrict)!.id);
      expect(Object.keys(c.answers).filter((k) => nodes.has(k)).length, c.id).toBeGreaterThan(1);
    }
  });

  it('has at least one urgent case and one that is not', () => {
    expect(cases.some((c) => c.urgent)).toBe(true);
    expect(cases.some((c) => !c.urgent)).toBe(true);
  });

  it.each(cases)('$id: includes $mustInclude, urgent=$urgent ($says)', ({ answers, mustInclude, urgent }) => {
    const result = triage(data, answers as Answers);
    const ids = result.windows.map((w) => w.windowId);
    for (const w of mustInclude) expect(ids).toContain(w);
    expect(result.urgent).toBe(urgent);
    expect(ids.length).toBeGreaterThan(0);
    if (urgent) expect(result.hotlines.slice(0, 2)).toEqual(['police', 'fire-ambulance']);
  });
});
