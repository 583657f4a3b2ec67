// The wizard's paths as residents walk them: the questions the flow actually asks, one after another,
// as the island asks them (src/islands/TriageWizard: an answer in `urgentWhen` ends the questions and
// shows the result), with a chosen set of answers per question. Used by the danger and privacy property
// tests; the no-JS form posts the same questions at once, so its answer sets are the island's plus the
// questions a danger stop skipped (see danger.test.ts).
import type { Flow, FlowNode } from '@/schemas/flow';
import { nextNode, path, type Answers } from '@/triage/engine';

export type Choices = (node: FlowNode, answers: Answers) => (string | string[])[];

export interface WalkedPath {
  answers: Answers;
  /** The node whose answer ended the questions (danger now), or undefined when every question was asked. */
  stoppedAt?: string;
}

/** Every path through the flow with the given answer choices, in the island's order. */
export function walkPaths(flow: Flow, choices: Choices, visit: (p: WalkedPath) => void, start: Answers = {}): void {
  const step = (answers: Answers, node: FlowNode | undefined) => {
    if (!node) return visit({ answers });
    for (const value of choices(node, answers)) {
      const next = { ...answers, [node.id]: value };
      if (typeof value === 'string' && node.urgentWhen.includes(value)) visit({ answers: next, stoppedAt: node.id });
      else step(next, nextNode(flow, node.id, next));
    }
  };
  const first = path(flow, start).find((n) => start[n.id] === undefined);
  step(start, first);
}

/** Non-empty subsets of `options` with at most `max` members. */
export function subsetsUpTo<T>(options: readonly T[], max: number): T[][] {
  const out: T[][] = [];
  const go = (from: number, picked: T[]) => {
    if (picked.length) out.push(picked);
    if (picked.length === max) return;
    for (let i = from; i < options.length; i++) go(i + 1, [...picked, options[i]!]);
  };
  go(0, []);
  return out;
}
