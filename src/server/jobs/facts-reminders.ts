// Daily job (issue 30): from factsCheckDays − 14 days after a window's facts were checked, e-mail the
// window's notification address a link to its facts page, weekly, until it confirms or proposes.
// Nothing personal in it. Each reminder is claimed in the database, so N servers send it once.
import { factsDueDay, japanDay } from '@/lib/facts-check';
import type { FactsStore } from '@/server/store/facts-types';

/** How long before the check date the first reminder goes out, and how often it repeats. */
export const REMIND_DAYS_BEFORE = 14;
export const REMIND_EVERY_DAYS = 7;

export interface WindowCheck { id: string; verified: Date }

/** Queues the reminders due on `now`; returns the windows reminded. */
export async function queueFactsReminders(facts: FactsStore, windows: readonly WindowCheck[], checkDays: number, now: Date): Promise<string[]> {
  const today = japanDay(now);
  const reminded: string[] = [];
  for (const w of windows) {
    const start = factsDueDay(w.verified, checkDays - REMIND_DAYS_BEFORE);
    if (today < start) continue;
    // Done: the window confirmed or proposed since the reminders began (the editor then applies it).
    const last = await facts.lastStatement(w.id);
    if (last && japanDay(new Date(last)) >= start) continue;
    if (await facts.queueReminder(w.id, today, factsDueDay(today, -REMIND_EVERY_DAYS), factsDueDay(w.verified, checkDays))) reminded.push(w.id);
  }
  return reminded;
}
