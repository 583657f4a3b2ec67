import type { Answers } from '@/triage/engine';

/**
 * Where the wizard keeps answers between reloads: sessionStorage only (never the URL or history),
 * under one key so the quick exit can clear it.
 */
export const TRIAGE_STORAGE_KEY = 'triage-answers';

export function loadStoredAnswers(): Answers {
  try {
    const raw = sessionStorage.getItem(TRIAGE_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Answers) : {};
  } catch {
    return {};
  }
}

export function storeAnswers(answers: Answers): void {
  try {
    sessionStorage.setItem(TRIAGE_STORAGE_KEY, JSON.stringify(answers));
  } catch {
    /* storage may be disabled; the wizard still works in memory */
  }
}

export function clearStoredAnswers(): void {
  try {
    sessionStorage.removeItem(TRIAGE_STORAGE_KEY);
  } catch {
    /* nothing stored */
  }
}
