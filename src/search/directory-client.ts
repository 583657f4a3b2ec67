// Directory search in the browser: plain TypeScript, no framework. The list is already in the page
// (it works without JavaScript); this script only reorders and hides cards as the resident types.
import type { SearchIndexData } from './index-data';
import { createSearcher, type SearchHit } from './query';

/** Wires the search box found in `root` to the window list. Loads the index on first use only. */
export function enhanceDirectorySearch(root: ParentNode): void {
  const box = root.querySelector<HTMLElement>('[data-search-root]');
  const input = box?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = box?.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLElement>('#window-list');
  if (!box || !input || !status || !list) return;

  const cards = [...list.querySelectorAll<HTMLElement>('[data-window-id]')];
  let searcher: Promise<(q: string) => SearchHit[]> | undefined;
  const load = () => (searcher ??= fetch(box.dataset.indexUrl!).then((r) => r.json() as Promise<SearchIndexData>).then(createSearcher));

  const render = async () => {
    const query = input.value.trim();
    if (!query) {
      for (const c of cards) c.hidden = false;
      list.append(...cards);
      status.textContent = input.dataset.msgCleared ?? '';
      return;
    }
    const search = await load();
    if (input.value.trim() !== query) return; // a newer keystroke will render
    const rank = new Map(search(query).map((h, i) => [h.id, i]));
    const shown = cards.filter((c) => rank.has(c.dataset.windowId!)).sort((a, b) => rank.get(a.dataset.windowId!)! - rank.get(b.dataset.windowId!)!);
    for (const c of cards) c.hidden = !rank.has(c.dataset.windowId!);
    list.prepend(...shown);
    status.textContent = shown.length ? (input.dataset.msgResults ?? '').replace('{{count}}', String(shown.length)) : (input.dataset.msgNone ?? '');
  };

  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('input', () => void render());
  // The search is instant; Enter must not submit or reload anything.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') e.preventDefault();
  });
  if (input.value) void render();
}
