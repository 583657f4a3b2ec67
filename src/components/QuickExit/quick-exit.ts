// Quick exit (GOV.UK "Exit this page"): replaces the page with a neutral site, clears the portal's
// stored answers, and also fires on Shift pressed three times within five seconds.
// location.replace keeps the sensitive page out of the back-button history of this tab.

const STORAGE_PREFIXES = ['triage-', 'inquiry-'];

function clearPortalState(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (STORAGE_PREFIXES.some((p) => key.startsWith(p))) sessionStorage.removeItem(key);
    for (const key of Object.keys(localStorage)) if (STORAGE_PREFIXES.some((p) => key.startsWith(p))) localStorage.removeItem(key);
  } catch {
    /* storage disabled: nothing stored */
  }
}

/** Wires every [data-quick-exit] link in the document. */
export function enhanceQuickExit(doc: Document): void {
  const link = doc.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  if (!link) return;
  const exit = () => {
    clearPortalState();
    doc.body.hidden = true;
    window.location.replace(link.href);
  };
  link.addEventListener('click', (e) => {
    e.preventDefault();
    exit();
  });
  let presses: number[] = [];
  doc.addEventListener('keydown', (e) => {
    if (e.key !== 'Shift' || e.repeat) return;
    const now = Date.now();
    presses = [...presses.filter((p) => now - p < 5000), now];
    if (presses.length >= 3) exit();
  });
}
