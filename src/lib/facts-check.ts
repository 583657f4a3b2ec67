// When a window's facts are old enough that readers should phone before going (site.yaml
// factsCheckDays after source.verified). Dates are Japan's calendar days: the portal serves Japan.
// Pure and tiny, so the build, the per-request pages, the server's view-time reveal
// (src/server/facts-notice.ts) and the wizard island all decide it the same way.

/** A day in Japan as YYYY-MM-DD. */
export const japanDay = (at: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The day the facts checked on `verified` become due for a check again. */
export function factsDueDay(verified: Date | string, checkDays: number): string {
  const day = typeof verified === 'string' ? verified : verified.toISOString().slice(0, 10);
  const due = new Date(`${day}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + checkDays);
  return due.toISOString().slice(0, 10);
}

/** Whether, on `now`, the facts are past their check date and may have changed. */
export const factsStale = (dueDay: string, now: Date): boolean => japanDay(now) >= dueDay;

/** What a window page, card or result needs to say it: the day checked and the day it falls due. */
export interface FactsAge { verified: string; due: string }
export const factsAge = (verified: Date, checkDays: number): FactsAge => ({ verified: verified.toISOString().slice(0, 10), due: factsDueDay(verified, checkDays) });
