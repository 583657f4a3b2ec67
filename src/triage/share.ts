import type { Answers } from './engine';

/**
 * Answers ⇄ the `a` parameter of a shareable result link. Only ever used for results without
 * sensitive answers (the engine's `sensitive` flag); the server checks that again.
 */
export function encodeAnswers(answers: Answers): string {
  const bytes = new TextEncoder().encode(JSON.stringify(answers));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes the `a` parameter; undefined when it is not valid. */
export function decodeAnswers(param: string | null | undefined): Answers | undefined {
  if (!param || param.length > 2000) return undefined;
  try {
    const bin = atob(param.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value).filter(([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
    return Object.fromEntries(entries) as Answers;
  } catch {
    return undefined;
  }
}

/** Answers from a submitted no-JS form: repeated `troubles` fields become a list. */
export function answersFromForm(form: FormData, troublesNode: string): Answers {
  const answers: Answers = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.length > 40) continue;
    if (key === troublesNode) answers[key] = [...((answers[key] as string[] | undefined) ?? []), value];
    else answers[key] = value;
  }
  return answers;
}
