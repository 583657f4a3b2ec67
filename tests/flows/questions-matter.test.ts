import { describe, expect, it } from 'vitest';
import type { Flow } from '@/schemas/flow';
import { path, triage, type Answers, type TriageData } from '@/triage/engine';
import { handoffFrom } from '@/triage/handoff';
import { loadTriageData } from '@/triage/load-node';
import { walkPaths } from './walk';
import { troubleClasses } from './classes';

// Issue 24: every question changes a result or goes. For each question, some answer changes what the
// resident sees (windows, reasons, hotlines, patterns, advice) or what the form receives (the hand-off),
// with every other answer the same. Searched over the paths the wizard walks: each trouble group alone.
const data = loadTriageData();

/** What a resident can notice of a result, and what the inquiry form is given. */
function observable(d: TriageData, answers: Answers): string {
  const r = triage(d, answers);
  const { windows, hotlines, urgent, patterns, advice, proxy, coordinator, outside } = r;
  return JSON.stringify({ windows, hotlines, urgent, patterns, advice, proxy, coordinator, outside, handoff: handoffFrom(d.flow, r, answers) });
}

/** Node id → true when some answer to it changes the observable result on some walked path. */
function questionsThatMatter(d: TriageData): Map<string, boolean> {
  const { flow } = d;
  const matters = new Map(flow.nodes.map((n) => [n.id, false]));
  const reps = troubleClasses(flow).map((c) => [c.id]);
  const pairs: string[][] = [['withdrawn', 'needsCare'], ['violence', 'needsCare'], ['notSeen', 'forgetful']];
  walkPaths(flow, (node) => (node.kind === 'troubles' ? [...reps, ...pairs] : node.kind === 'multi' ? node.options.map((o) => [o]) : node.options), ({ answers }) => {
    const asked = path(flow, answers).filter((n) => answers[n.id] !== undefined);
    const base = observable(d, answers);
    for (const n of asked) {
      if (matters.get(n.id)) continue;
      const alternatives = n.kind === 'troubles' ? reps : n.kind === 'multi' ? n.options.map((o) => [o]) : n.options;
      // Only the answer to this question changes; a later question that no longer applies is dropped by the engine.
      if (alternatives.some((v) => observable(d, { ...answers, [n.id]: v }) !== base)) matters.set(n.id, true);
    }
  }, { who: 'family', district: flow.nodes.find((n) => n.setsDistrict)!.options[0]! });
  // who and district are fixed above to keep the walk small: vary them on one path each.
  const sample: Answers = { troubles: ['needsCare'], age: 'senior', household: ['none'], usesCare: 'no' };
  const who = flow.nodes.find((n) => n.id === 'who')!;
  if (new Set(who.options.map((o) => observable(d, { ...sample, who: o, district: 'unknown' }))).size > 1) matters.set('who', true);
  const district = flow.nodes.find((n) => n.setsDistrict)!;
  if (new Set(district.options.map((o) => observable(d, { ...sample, who: 'self', district: o }))).size > 1) matters.set(district.id, true);
  return matters;
}

describe('every question changes something (windows, reasons, advice, hotlines or what the form receives)', () => {
  const matters = questionsThatMatter(data);
  it.each(data.flow.nodes.map((n) => n.id))('%s changes the result or the form for some answer', (id) => {
    expect(matters.get(id)).toBe(true);
  });

  it('would catch a question that changes nothing (the 介護保険 question before its answers had advice)', () => {
    const flow: Flow = { ...data.flow, nodes: data.flow.nodes.map((n) => (n.id === 'usesCare' ? { ...n, advice: {} } : n)) };
    expect(questionsThatMatter({ ...data, flow }).get('usesCare')).toBe(false);
  });
});
