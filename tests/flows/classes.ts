// Answers the engine cannot tell apart, grouped: the property tests walk one answer per group and count
// each path with the number of real answer combinations it stands for. Two answers are alike when every
// piece of flow data that reads them (askWhen, patterns, sensitiveWhen, addsFields, advice, urgentWhen,
// the district, and for troubles every trouble property) treats them the same.
import type { Condition, Flow, FlowNode, Trouble } from '@/schemas/flow';

const leaves = (c: Condition): Condition[] => ('all' in c ? c.all.flatMap(leaves) : 'any' in c ? c.any.flatMap(leaves) : [c]);
const allConditions = (flow: Flow): Condition[] => [...flow.nodes.flatMap((n) => (n.askWhen ? [n.askWhen] : [])), ...flow.patterns.map((p) => p.when), ...flow.sensitiveWhen].flatMap(leaves);

export interface AnswerClass { id: string; size: number; members: string[] }

function group(ids: readonly string[], signature: (id: string) => string): AnswerClass[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(signature(id), [...(groups.get(signature(id)) ?? []), id]);
  return [...groups.values()].map((g) => ({ id: g[0]!, size: g.length, members: g }));
}

/** The option groups of a single or multi question (a district question keeps every option: windows differ by district). */
export function optionClasses(flow: Flow, node: FlowNode, handoffReads: readonly string[] = ['age', 'refuses']): AnswerClass[] {
  if (node.setsDistrict || handoffReads.includes(node.id)) return node.options.map((o) => ({ id: o, size: 1, members: [o] }));
  const conds = allConditions(flow);
  const sig = (o: string) => JSON.stringify([
    node.urgentWhen.includes(o), node.addsFields[o] ?? [], node.advice[o] ?? [],
    conds.map((c) => ('answerIn' in c && c.answerIn.node === node.id ? c.answerIn.values.includes(o) : false)),
    node.id === 'who' ? o === 'self' : null, // the engine reads who: self or someone else (proxy advice)
  ]);
  return group(node.options, sig);
}

/** The trouble groups: troubles with the same fields, flags, hotlines, category, and the same place in every condition. */
export function troubleClasses(flow: Flow): AnswerClass[] {
  const conds = allConditions(flow);
  const sig = (id: string) => {
    const t = flow.troubles.find((x) => x.id === id) as Trouble;
    return JSON.stringify([t.category, t.fields, t.urgent, t.danger, t.sensitive, t.hotlineTopics, t.why ? t.id : false,
      conds.map((c) => ('anyTrouble' in c ? c.anyTrouble.includes(id) : 'troubleFlag' in c ? t[c.troubleFlag] : false))]);
  };
  return group(flow.troubles.map((t) => t.id), sig);
}
