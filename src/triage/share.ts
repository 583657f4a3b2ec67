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

/** Answers from a submitted no-JS form or a share link's query: repeated `troubles` become a list. */
export function answersFromForm(form: FormData | URLSearchParams, troublesNode: string): Answers {
  const answers: Answers = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.length > 40 || value.length > 40) continue;
    if (key === troublesNode) answers[key] = [...((answers[key] as string[] | undefined) ?? []), value];
    else answers[key] = value;
  }
  return answers;
}
