import { describe, expect, it } from 'vitest';
import type { Flow } from '@/schemas/flow';
import { loadTriageData } from '@/triage/load-node';
import { questionsPerPath } from './paths';

// Issue 18: no path asks more than 8 questions. Every answer combination the flow allows is walked
// (answers no condition can tell apart are grouped, with their count), see ./paths.ts.
const { flow } = loadTriageData();

describe('questions per path', () => {
  const dist = questionsPerPath(flow);

  it('no answer combination asks more than 8 questions', () => {
    expect(Math.max(...dist.keys())).toBeLessThanOrEqual(8);
  });

  it('the longest paths ask every question of the flow, so the walk reaches them all', () => {
    expect(Math.max(...dist.keys())).toBe(flow.nodes.length);
  });

  it('would catch a ninth question: one more question on every path is counted', () => {
    const extra = { ...flow.nodes.find((n) => n.id === 'who')!, id: 'extra' };
    const longer = { ...flow, nodes: [extra, ...flow.nodes] };
    expect(Math.max(...questionsPerPath(longer).keys())).toBe(9);
  });

  it('counts every combination exactly: a flow of two single questions', () => {
    const tiny: Flow = {
      ...flow,
      nodes: [
        { ...flow.nodes.find((n) => n.id === 'who')! },
        { ...flow.nodes.find((n) => n.id === 'troubles')! },
        { ...flow.nodes.find((n) => n.id === 'refuses')! },
      ],
    };
    const troubles = 2 ** flow.troubles.length - 1;
    // who = self asks two questions; family, neighbour and supporter also ask refuses (3 answers).
    expect(questionsPerPath(tiny)).toEqual(new Map([[2, troubles], [3, 3 * troubles * 3]]));
  });
});
