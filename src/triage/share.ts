import type { Flow } from '@/schemas/flow';
import { effectiveAnswers, holds, tickedTroubles, type Answers } from './engine';

/**
 * A shareable result link: the answers as ordinary query parameters (troubles repeated). Built only
 * when no ticked trouble is sensitive (flow data: `sensitive`, e.g. violence, abuse, suicide, mental
 * health, debts, withdrawal); the result route checks the same rule before showing anything.
 * Undefined means: no link.
 */
export function shareHref(flow: Flow, rawAnswers: Answers): string | undefined {
  const answers = effectiveAnswers(flow, rawAnswers);
  if (!isShareable(flow, answers)) return undefined;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(answers)) for (const v of [value ?? []].flat()) params.append(key, v);
  return `/sagasu/kekka/?${params}`;
}

/**
 * True when the answers may appear in a URL: at least one trouble, none of them sensitive, and no answer
 * that the flow's `sensitiveWhen` marks sensitive with the others (a minor, health in the home, danger now).
 */
export function isShareable(flow: Flow, rawAnswers: Answers): boolean {
  const answers = effectiveAnswers(flow, rawAnswers);
  const troubles = tickedTroubles(flow, answers);
  return troubles.length > 0 && troubles.every((t) => !t.sensitive) && !flow.sensitiveWhen.some((c) => holds(flow, c, answers));
}

/** Answers from a submitted no-JS form or a share link's query: the list nodes' (troubles, multi) repeated keys become lists. */
export function answersFromForm(form: FormData | URLSearchParams, listNodes: string | readonly string[]): Answers {
  const answers: Answers = {};
  const lists = new Set([listNodes].flat());
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.length > 40 || value.length > 40) continue;
    if (lists.has(key)) answers[key] = [...((answers[key] as string[] | undefined) ?? []), value];
    else answers[key] = value;
  }
  return answers;
}
