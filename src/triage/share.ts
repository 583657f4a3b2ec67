import type { Answers } from './engine';

/**
 * A shareable result link: the answers as ordinary query parameters (troubles repeated).
 * Only ever built for results without sensitive answers (the engine's `sensitive` flag);
 * the result route checks that again before showing anything.
 */
export function shareQuery(answers: Answers): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(answers)) for (const v of [value ?? []].flat()) params.append(key, v);
  return params.toString();
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
