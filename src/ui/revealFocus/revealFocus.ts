/**
 * Moves focus to a new step's heading and brings it into view below anything sticky at the top of
 * the page (WCAG 2.2 2.4.11): focus alone leaves it wherever the browser puts it, which on a phone
 * may be a screen further down.
 */
export function revealFocus(el: HTMLElement | null | undefined): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView?.({ block: 'start' });
  const box = el.getBoundingClientRect();
  let cover = 0;
  for (const node of document.body.querySelectorAll<HTMLElement>('header, div, nav, aside')) {
    const pos = getComputedStyle(node).position;
    if (pos !== 'sticky' && pos !== 'fixed') continue;
    const r = node.getBoundingClientRect();
    if (r.top <= box.top && r.bottom > box.top && r.height < window.innerHeight / 2) cover = Math.max(cover, r.bottom - box.top);
  }
  if (cover > 0) window.scrollBy(0, -(cover + 8));
}
