// The triage engine: pure functions over the flow data. The island, the no-JS result route,
// the CLI and the tests all call these, so there is one set of rules.
import type { FactsAge } from '@/lib/facts-check';
import type { Condition, Flow, FlowNode, Trouble } from '@/schemas/flow';
import type { Hotline } from '@/schemas/hotline';
import type { Routing } from '@/schemas/routing';
import type { FieldId } from '@/schemas/taxonomy';
import type { ConsultationWindow } from '@/schemas/window';
import { routeWindows, type RoutedWindow } from './route';

/** Answers by node id: a single option id, or for a multi or troubles node a list of ids. */
export type Answers = Record<string, string | string[] | undefined>;

/** Everything the engine reads. Validated content, passed in so the engine stays free of I/O. */
export interface TriageData {
  flow: Flow;
  routing: Routing;
  windows: TriageWindow[];
  hotlines: Hotline[];
  /** Region options of the district question → the areas they cover (src/triage/districts.ts); none in most profiles. */
  regions?: Record<string, string[]>;
}

/** The part of a window the wizard shows (pages pass only this to the island, to keep it small). */
export type TriageWindow = Pick<ConsultationWindow, 'id' | 'name' | 'nameKana' | 'fields' | 'serviceArea' | 'anyField' | 'channels' | 'hours' | 'callScript'> & {
  /** The name's meaning in the page's language (content/translations), beside the Japanese name. */
  nameMeaning?: string;
  /** When the facts were checked and fall due again: the result says so once they are past it. */
  factsAge?: FactsAge;
};

/** Picks the TriageWindow part of a full window. */
export function toTriageWindow(w: ConsultationWindow & { nameMeaning?: string; factsAge?: FactsAge }): TriageWindow {
  const { id, name, nameKana, fields, serviceArea, anyField, channels, hours, callScript, nameMeaning, factsAge } = w;
  return { id, name, nameKana, fields, serviceArea, anyField, channels, hours, callScript, ...(nameMeaning ? { nameMeaning } : {}), ...(factsAge ? { factsAge } : {}) };
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
    // A multi answer holds when any of its options is among the values.
    const a = answers[c.answerIn.node];
    return [a ?? []].flat().some((v) => c.answerIn.values.includes(v));
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
  if (node.kind === 'troubles') return Array.isArray(a) && a.length > 0;
  if (node.kind === 'multi') return Array.isArray(a) && a.length > 0 && a.every((v) => node.options.includes(v));
  return typeof a === 'string' && node.options.includes(a);
}

/** The first applicable node without an answer: where the wizard should be. Undefined when all are answered. */
export function currentNode(flow: Flow, answers: Answers): FlowNode | undefined {
  return path(flow, answers).find((n) => !isAnswered(n, answers));
}

/**
 * Questions every path asks (no askWhen) that have no answer yet, for the no-JS form's errors. An answer
 * meaning danger now shows the result at once, whatever else is missing: the emergency numbers first and
 * every window the given answers bring (a resident in danger never meets an error list instead).
 */
export function missingRequired(flow: Flow, answers: Answers): FlowNode[] {
  const steps = path(flow, answers);
  if (steps.some((n) => n.urgentWhen.includes(answers[n.id] as string))) return [];
  return steps.filter((n) => !n.askWhen && !isAnswered(n, answers));
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
  /** The person lives outside the municipality: the general number, and their own municipality is the place to ask. */
  outside: boolean;
  /** The person asking is not the person concerned (family, neighbour, supporter). */
  proxy: boolean;
  /** The person concerned refuses help (→ 支援会議 can still act). */
  refuses: boolean;
  /** Advice ids the answers add (flow data `advice`; wording `triage.advice.<id>`), in question order. */
  advice: string[];
  /**
   * True when any sensitive trouble (flow data: violence, abuse, suicide, health, debts …) was ticked, or
   * an answer the flow's `sensitiveWhen` marks (a minor, health in the home, danger now): no share link.
   */
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

  const patterns = flow.patterns.filter((p) => holds(flow, p.when, answers));
  const fields = new Set<FieldId>(troubles.flatMap((t) => t.fields));
  for (const n of asked) for (const a of [answers[n.id] ?? []].flat()) for (const f of n.addsFields[a] ?? []) fields.add(f);
  for (const p of patterns) for (const f of p.addsFields) fields.add(f);

  // Only a district id sets the district: "unknown" and the outside option do not.
  const districtNode = asked.find((n) => n.setsDistrict);
  const districtAnswer = districtNode ? (answers[districtNode.id] as string | undefined) : undefined;
  const outside = Boolean(districtNode?.outsideOption && districtAnswer === districtNode.outsideOption);
  // A region (東地域 …) is not a district: its areas narrow the windows, but no town's own window is chosen.
  const regionAreas = districtAnswer ? data.regions?.[districtAnswer] : undefined;
  const district = districtAnswer && districtAnswer !== 'unknown' && !outside && !regionAreas ? districtAnswer : undefined;

  const urgent = troubles.some((t) => t.urgent) || asked.some((n) => n.urgentWhen.includes(answers[n.id] as string));
  const topics = new Set(['emergency', ...troubles.flatMap((t) => t.hotlineTopics), ...patterns.flatMap((p) => p.hotlineTopics)]);
  const hotlines = urgent ? data.hotlines.filter((h) => h.topics.some((t) => topics.has(t))).sort((a, b) => a.order - b.order).map((h) => h.id) : [];

  const routed = routeWindows({ fields: [...fields], district, areas: regionAreas, complex: patterns.length > 0, outside }, data.windows, data.routing);
  // The resident sees the nearest window first: a local window of the known district (a town's 心配ごと
  // 相談所) before the region's centre and the field windows. Seed 002 (青森県社協) names both as places
  // that take consultations (「心配ごと相談所」でも相談受付をしています) and asks no one to go to the centre
  // first, so nothing there says otherwise. The inquiry's routing (which window receives it) is unchanged.
  const nearestFirst = [...routed.windows].sort((a, b) => Number(b.reasons.some((r) => r.kind === 'local')) - Number(a.reasons.some((r) => r.kind === 'local')));
  // A trouble whose window is not obvious says why, on each window of its fields.
  const fieldsOf = new Map(data.windows.map((w) => [w.id, w.fields]));
  for (const rw of outside ? [] : nearestFirst) {
    for (const t of troubles) if (t.why && t.fields.some((f) => fieldsOf.get(rw.windowId)?.includes(f))) rw.reasons.push({ kind: 'trouble', trouble: t.id });
  }

  const who = answers.who;
  const sensitive = troubles.some((t) => t.sensitive) || flow.sensitiveWhen.some((c) => holds(flow, c, answers));
  const advice = [...new Set(asked.flatMap((n) => [answers[n.id] ?? []].flat().flatMap((a) => n.advice[a] ?? [])))];
  const categories = [...new Set(troubles.map((t) => t.category))];
  return {
    urgent,
    hotlines,
    windows: nearestFirst,
    coordinator: routed.coordinator,
    patterns: patterns.map((p) => p.id),
    fields: [...fields],
    district,
    outside,
    proxy: typeof who === 'string' && who !== 'self',
    refuses: answers.refuses === 'yes',
    advice,
    sensitive,
    inquiry: { window: routed.windows[0]?.windowId, categories },
  };
}
