import type { Answers } from '@/triage/engine';
import { HANDOFF_STORAGE_KEY } from '@/schemas/handoff-key';
import type { Handoff } from '@/schemas/handoff';

/**
 * Where the wizard keeps answers between reloads: sessionStorage only (never the URL or history),
 * under keys starting with 'triage-' so the quick exit clears them.
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

/** What 相談を送る carries to the form (read once by the form page; see src/schemas/handoff.ts). */
export function storeHandoff(handoff: Handoff): void {
  try {
    sessionStorage.setItem(HANDOFF_STORAGE_KEY, JSON.stringify(handoff));
  } catch {
    /* storage disabled: the form simply starts empty */
  }
}

export function clearStoredAnswers(): void {
  try {
    sessionStorage.removeItem(TRIAGE_STORAGE_KEY);
    sessionStorage.removeItem(HANDOFF_STORAGE_KEY);
  } catch {
    /* nothing stored */
  }
}
