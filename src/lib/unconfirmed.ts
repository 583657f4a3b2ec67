import type { ConsultationWindow } from '@/schemas/window';

/** Facts a window page shows when content has them (wording under window.unconfirmed.<fact>). */
export type UnconfirmedFact = 'hours' | 'address' | 'access' | 'languages' | 'email' | 'sns';

/**
 * The facts the sources do not give for a window, in page order. The page says them once, with what
 * to do (phone), instead of repeating 「まだ確認できていません」 under every heading.
 */
export function unconfirmedFacts(w: Pick<ConsultationWindow, 'hours' | 'address' | 'access' | 'accessibility' | 'languages' | 'channels'>): UnconfirmedFact[] {
  const missing: [UnconfirmedFact, boolean][] = [
    ['hours', w.hours.weekly.length === 0],
    ['address', !w.address],
    ['access', !w.access && !w.accessibility],
    ['languages', w.languages.length === 0],
    ['email', w.channels.some((c) => c.type === 'email' && !c.address)],
    ['sns', w.channels.some((c) => c.type === 'sns' && !c.url)],
  ];
  return missing.filter(([, isMissing]) => isMissing).map(([fact]) => fact);
}
