// Filters are plain links to pre-rendered pages, so they work without JavaScript. With it, the
// page a resident is about to choose is fetched as soon as they point at or focus its link, so
// the switch feels instant.

/** Adds hover/focus prefetching to every filter link inside `root`. */
export function prefetchFilterLinks(root: ParentNode): void {
  const done = new Set<string>();
  const prefetch = (e: Event) => {
    const link = (e.target as Element | null)?.closest?.('a[href*="/madoguchi/"]') as HTMLAnchorElement | null;
    if (!link || link.getAttribute('aria-current') === 'page' || done.has(link.href)) return;
    done.add(link.href);
    const hint = document.createElement('link');
    hint.rel = 'prefetch';
    hint.href = link.href;
    document.head.append(hint);
  };
  for (const nav of root.querySelectorAll('nav.filters')) {
    nav.addEventListener('pointerover', prefetch);
    nav.addEventListener('focusin', prefetch);
    nav.addEventListener('touchstart', prefetch, { passive: true });
  }
}
