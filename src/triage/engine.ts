// The triage engine: pure functions over the flow data. The island, the no-JS result route,
// the CLI and the tests all call these, so there is one set of rules.
import type { Condition, Flow, FlowNode, Trouble } from '@/schemas/flow';
import type { Hotline } from '@/schemas/hotline';
import type { Routing } from '@/schemas/routing';
import type { FieldId } from '@/schemas/taxonomy';
import type { ConsultationWindow } from '@/schemas/window';
import { routeWindows, type RoutedWindow } from './route';

/** Answers by node id: a single option id, or for the troubles node a list of trouble ids. */
export type Answers = Record<string, string | string[] | undefined>;

/** Everything the engine reads. Validated content, passed in so the engine stays free of I/O. */
export interface TriageData {
  flow: Flow;
  routing: Routing;
  windows: TriageWindow[];
  hotlines: Hotline[];
}

/** The part of a window the wizard shows (pages pass only this to the island, to keep it small). */
export type TriageWindow = Pick<ConsultationWindow, 'id' | 'name' | 'nameKana' | 'fields' | 'serviceArea' | 'channels' | 'hours' | 'callScript'>;

/** Picks the TriageWindow part of a full window. */
export function toTriageWindow(w: ConsultationWindow): TriageWindow {
  const { id, name, nameKana, fields, serviceArea, channels, hours, callScript } = w;
  return { id, name, nameKana, fields, serviceArea, channels, hours, callScript };
}

/** The troubles ticked, as flow entries (unknown ids are ignored). */
export function tickedTroubles(flow: Flow, answers: Answers): Trouble[] {
  const node = flow.nodes.find((n) => n.kind === 'troubles');
  const ids = node ? answers[node.id] : undefined;
  const list = Array.isArray(ids) ? ids : [];
  return flow.troubles.filter((t) => list.includes(t.id));
}

/** Evaluates an askWhen or pattern condition against the answers. */
export function holds(flow: Flow, c: Condition, answers: Answers): boolean {
  if ('anyTrouble' in c) return tickedTroubles(flow, answers).some((t) => c.anyTrouble.includes(t.id));
  if ('troubleFlag' in c) return tickedTroubles(flow, answers).some((t) => t[c.troubleFlag]);
  if ('answerIn' in c) {
    const a = answers[c.answerIn.node];
    return typeof a === 'string' && c.answerIn.values.includes(a);
  }
  if ('all' in c) return c.all.every((s) => holds(flow, s, answers));
  return c.any.some((s) => holds(flow, s, answers));
}

/** True when the node applies to these answers (its askWhen holds, or it has none). */
export function applies(flow: Flow, node: FlowNode, answers: Answers): boolean {
  return !node.askWhen || holds(flow, node.askWhen, answers);
}

/** The nodes that apply to these answers, in order. Changing an early answer can add or remove later ones. */
export function path(flow: Flow, answers: Answers): FlowNode[] {
  return flow.nodes.filter((n) => applies(flow, n, answers));
}

/** The node asked after `nodeId`, or undefined when the next thing is the summary. */
export function nextNode(flow: Flow, nodeId: string, answers: Answers): FlowNode | undefined {
  const i = flow.nodes.findIndex((n) => n.id === nodeId);
  return flow.nodes.slice(i + 1).find((n) => applies(flow, n, answers));
}

/** True when a node has a usable answer. */
export function isAnswered(node: FlowNode, answers: Answers): boolean {
  const a = answers[node.id];
  return node.kind === 'troubles' ? Array.isArray(a) && a.length > 0 : typeof a === 'string' && node.options.includes(a);
}

/** The first applicable node without an answer: where the wizard should be. Undefined when all are answered. */
export function currentNode(flow: Flow, answers: Answers): FlowNode | undefined {
  return path(flow, answers).find((n) => !isAnswered(n, answers));
}

/** Only the answers to nodes that apply, so a stale answer to a skipped question never counts. */
export function effectiveAnswers(flow: Flow, answers: Answers): Answers {
  return Object.fromEntries(path(flow, answers).filter((n) => isAnswered(n, answers)).map((n) => [n.id, answers[n.id]]));
}

export interface TriageResult {
  /** Danger now: emergency numbers come first. */
  urgent: boolean;
  /** Hotline ids to show first when urgent, in display order. */
  hotlines: string[];
  windows: RoutedWindow[];
  coordinator: boolean;
  /** Complex patterns found (8050, ダブルケア …). */
  patterns: string[];
  fields: FieldId[];
  district?: string;
  /** The person asking is not the person concerned (family, neighbour, supporter). */
  proxy: boolean;
  /** The person concerned refuses help (→ 支援会議 can still act). */
  refuses: boolean;
  /** True when any sensitive trouble (flow data: violence, abuse, suicide, health, debts …) was ticked: no share link. */
  sensitive: boolean;
  /**
   * What the inquiry form is pre-filled with (ids only, no free text). It travels by sessionStorage or
   * POST, never a URL (src/schemas/handoff.ts), so the categories of sensitive troubles come along too.
   */
  inquiry: { window?: string; categories: string[] };
}

/** Replays the answers and returns the result. Never empty: the routing falls back to a window. */
export function triage(data: TriageData, rawAnswers: Answers): TriageResult {
  const { flow } = data;
  const answers = effectiveAnswers(flow, rawAnswers);
  const troubles = tickedTroubles(flow, answers);
  const asked = path(flow, answers);

  const fields = new Set<FieldId>(troubles.flatMap((t) => t.fields));
  for (const n of asked) for (const f of n.addsFields[answers[n.id] as string] ?? []) fields.add(f);

  const districtNode = asked.find((n) => n.setsDistrict);
  const districtAnswer = districtNode ? (answers[districtNode.id] as string | undefined) : undefined;
  const district = districtAnswer && districtAnswer !== 'unknown' ? districtAnswer : undefined;

  const urgent = troubles.some((t) => t.urgent) || asked.some((n) => n.urgentWhen.includes(answers[n.id] as string));
  const topics = new Set(['emergency', ...troubles.flatMap((t) => t.hotlineTopics)]);
  const hotlines = urgent ? data.hotlines.filter((h) => h.topics.some((t) => topics.has(t))).sort((a, b) => a.order - b.order).map((h) => h.id) : [];

  const patterns = flow.patterns.filter((p) => holds(flow, p.when, answers)).map((p) => p.id);
  const routed = routeWindows({ fields: [...fields], district, complex: patterns.length > 0 }, data.windows, data.routing);

  const who = answers.who;
  const sensitive = troubles.some((t) => t.sensitive);
  const categories = [...new Set(troubles.map((t) => t.category))];
  return {
    urgent,
    hotlines,
    windows: routed.windows,
    coordinator: routed.coordinator,
    patterns,
    fields: [...fields],
    district,
    proxy: typeof who === 'string' && who !== 'self',
    refuses: answers.refuses === 'yes',
    sensitive,
    inquiry: { window: routed.windows[0]?.windowId, categories },
  };
}
