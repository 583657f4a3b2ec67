// Every answer combination the flow allows, counted by how many questions each one asks.
// Used by the question-count test and by `npx tsx tests/flows/paths.ts` (prints the distribution).
// Answers that no condition can tell apart are grouped and counted with their weight, so the
// walk stays small while the counts stay exact.
import type { Condition, Flow, FlowNode } from '@/schemas/flow';
import { path, type Answers } from '@/triage/engine';
import { contentPath as cp } from '@/lib/profile';

const conditionsOf = (flow: Flow): Condition[] => flow.nodes.flatMap((n) => (n.askWhen ? [n.askWhen] : []));
const leaves = (c: Condition): Condition[] => ('all' in c ? c.all.flatMap(leaves) : 'any' in c ? c.any.flatMap(leaves) : [c]);

/** Groups ids that every askWhen condition treats the same; returns one representative and the group size. */
function classes(ids: string[], signature: (id: string) => string): { id: string; size: number }[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(signature(id), [...(groups.get(signature(id)) ?? []), id]);
  return [...groups.values()].map((g) => ({ id: g[0]!, size: g.length }));
}

/** Non-empty subsets of the classes, each weighted by how many real non-empty selections it stands for. */
function subsets(cls: { id: string; size: number }[]): { ids: string[]; weight: number }[] {
  const out: { ids: string[]; weight: number }[] = [];
  for (let mask = 1; mask < 1 << cls.length; mask++) {
    const picked = cls.filter((_, i) => mask & (1 << i));
    out.push({ ids: picked.map((c) => c.id), weight: picked.reduce((w, c) => w * (2 ** c.size - 1), 1) });
  }
  return out;
}

/** The distinct answers a node can take, with weights. */
function answerChoices(flow: Flow, node: FlowNode): { value: string | string[]; weight: number }[] {
  const leafs = conditionsOf(flow).flatMap(leaves);
  if (node.kind === 'troubles') {
    const troubles = flow.troubles;
    const sig = (id: string) => {
      const t = troubles.find((x) => x.id === id)!;
      return leafs.map((c) => ('anyTrouble' in c ? c.anyTrouble.includes(id) : 'troubleFlag' in c ? t[c.troubleFlag] : false)).join();
    };
    return subsets(classes(troubles.map((t) => t.id), sig)).map((s) => ({ value: s.ids, weight: s.weight }));
  }
  const sig = (o: string) => [node.urgentWhen.includes(o), ...leafs.map((c) => ('answerIn' in c && c.answerIn.node === node.id ? c.answerIn.values.includes(o) : false))].join();
  const cls = classes(node.options, sig);
  if (node.kind === 'multi') return subsets(cls).map((s) => ({ value: s.ids, weight: s.weight }));
  return cls.map((c) => ({ value: c.id, weight: c.size }));
}

/**
 * Questions asked → number of answer combinations that ask that many. An answer that means danger now
 * ends the questions there, as in the wizard (the emergency numbers are shown at once).
 * `troubles` restricts the troubles node to the given selections (e.g. one trouble at a time).
 */
export function questionsPerPath(flow: Flow, troubles?: string[][]): Map<number, number> {
  const counts = new Map<number, number>();
  const walk = (answers: Answers, weight: number, asked: number) => {
    const next = path(flow, answers).find((n) => answers[n.id] === undefined);
    if (!next) {
      counts.set(asked, (counts.get(asked) ?? 0) + weight);
      return;
    }
    const choices = next.kind === 'troubles' && troubles ? troubles.map((value) => ({ value, weight: 1 })) : answerChoices(flow, next);
    for (const c of choices) {
      if (typeof c.value === 'string' && next.urgentWhen.includes(c.value)) counts.set(asked + 1, (counts.get(asked + 1) ?? 0) + weight * c.weight);
      else walk({ ...answers, [next.id]: c.value }, weight * c.weight, asked + 1);
    }
  };
  walk({}, 1, 0);
  return new Map([...counts].sort(([a], [b]) => a - b));
}

if (process.argv[1]?.endsWith('paths.ts')) {
  // Optional argument: another flow file (e.g. the previous version, to compare).
  const { readFileSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const { flowSchema } = await import('@/schemas/flow');
  const dist = questionsPerPath(flowSchema.parse(parse(readFileSync(process.argv[2] ?? cp('triage/flow.yaml'), 'utf8'))));
  const total = [...dist.values()].reduce((a, b) => a + b, 0);
  console.log('questions | answer combinations | share');
  for (const [q, n] of dist) console.log(`${q} | ${n} | ${((100 * n) / total).toFixed(1)}%`);
  console.log(`total ${total}, max ${Math.max(...dist.keys())}`);
  // One trouble ticked at a time: the fewest and most questions each one can take.
  const flow = flowSchema.parse(parse(readFileSync(process.argv[2] ?? cp('triage/flow.yaml'), 'utf8')));
  console.log('\none trouble ticked | questions (min–max)');
  for (const t of flow.troubles) {
    const d = [...questionsPerPath(flow, [[t.id]]).keys()];
    console.log(`${t.id} | ${Math.min(...d)}–${Math.max(...d)}`);
  }
}
