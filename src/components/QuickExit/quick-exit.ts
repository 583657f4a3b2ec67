// Quick exit (GOV.UK "Exit this page"): replaces the page with a neutral site and clears the portal's
// stored answers; pressing Shift three times on its own does the same. This is the only script on the
// content pages that carry it, so it stays tiny (budget: 2 KB gzipped) and imports nothing.
// location.replace keeps the sensitive page out of the back-button history of this tab.

/** Storage keys the portal writes start with one of these (wizard answers, hand-off, form draft). */
export const PORTAL_STORAGE_PREFIXES = ['triage-', 'inquiry-'] as const;

/** Removes every portal key from the given storages (sessionStorage and localStorage in the browser). */
export function clearPortalState(storages: Storage[]): void {
  for (const s of storages) {
    for (const key of Object.keys(s)) if (PORTAL_STORAGE_PREFIXES.some((p) => key.startsWith(p))) s.removeItem(key);
  }
}

/** The keyboard fields the shortcut reads (a KeyboardEvent has them). */
type Key = Pick<KeyboardEvent, 'key' | 'repeat' | 'isComposing'>;

/** Longest pause between two presses of the sequence (GOV.UK's timeoutTime). */
const PAUSE_MS = 5000;

/**
 * Shift pressed three times *on its own*. Like GOV.UK Frontend's Exit This Page, a Shift used as a
 * modifier (Shift+Tab, Shift+A) is not counted, and any other key starts the count again, so a keyboard
 * user stepping back with Shift+Tab, typing capitals, or switching kana/alphanumeric in an IME
 * (composition keys arrive as isComposing or key "Process") never sets it off. Unlike GOV.UK's
 * "was the previous keyup modified" test, this also holds when Shift is released before the other key.
 */
export function shiftShortcut(onTriple: () => void, now: () => number = Date.now) {
  let alone = false;
  let presses: number[] = [];
  const reset = () => {
    alone = false;
    presses = [];
  };
  return {
    keydown(e: Key) {
      if (e.key === 'Shift' && !e.isComposing) {
        if (!e.repeat) alone = true;
      } else reset();
    },
    keyup(e: Key) {
      if (e.key !== 'Shift') return;
      if (!alone || e.isComposing) return reset();
      alone = false;
      const t = now();
      presses = [...presses.filter((p) => t - p < PAUSE_MS), t];
      if (presses.length >= 3) {
        reset();
        onTriple();
      }
    },
    /** A click or composition in the middle also breaks the sequence. */
    reset,
  };
}

/** Wires the [data-quick-exit] link: click and the Shift shortcut both exit. */
export function enhanceQuickExit(doc: Document): void {
  const link = doc.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  if (!link) return;
  // Without JavaScript the hint only says what a plain link does; with it, the shortcut and the clearing work too.
  for (const hint of doc.querySelectorAll<HTMLElement>('[data-quick-exit-hint]')) hint.hidden = hint.dataset.quickExitHint !== 'js';
  const exit = () => {
    try {
      clearPortalState([sessionStorage, localStorage]);
    } catch {
      /* storage disabled: nothing stored */
    }
    doc.body.hidden = true;
    window.location.replace(link.href);
  };
  link.addEventListener('click', (e) => {
    e.preventDefault();
    exit();
  });
  const shortcut = shiftShortcut(exit);
  doc.addEventListener('keydown', shortcut.keydown, true);
  doc.addEventListener('keyup', shortcut.keyup, true);
  doc.addEventListener('pointerdown', shortcut.reset, true);
  doc.addEventListener('compositionstart', shortcut.reset, true);
}
