// Directory search in the browser: plain TypeScript, no framework. The list is already in the page
// (and the box is a GET form answered by /madoguchi/kensaku/ without JavaScript); this script only
// reorders and hides cards as the resident types, with the same search code the server runs.
import type { SearchIndexData } from './index-data';
import { createSearcher, hotlineTopicsFor, type SearchHit } from './query';

interface Loaded {
  search: (q: string) => SearchHit[];
  synonyms: SearchIndexData['synonyms'];
}

/** Wires the search form found in `root` to the window list. Loads the index on first use only. */
export function enhanceDirectorySearch(root: ParentNode): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-root]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const none = root.querySelector<HTMLElement>('[data-search-none]');
  const list = root.querySelector<HTMLElement>('#window-list');
  if (!form || !input || !status || !list) return;

  const cards = [...list.querySelectorAll<HTMLElement>('[data-window-id]')];
  const order = new Map(cards.map((c, i) => [c, i]));
  const topicPanels = [...root.querySelectorAll<HTMLElement>('[data-hotline-topic]')];
  let loaded: Promise<Loaded> | undefined;
  const load = () =>
    (loaded ??= fetch(form.dataset.indexUrl!)
      .then((r) => r.json() as Promise<SearchIndexData>)
      .then((data) => ({ search: createSearcher(data), synonyms: data.synonyms })));

  const render = async () => {
    const query = input.value.trim();
    if (!query) {
      for (const c of cards) c.hidden = false;
      list.append(...[...cards].sort((a, b) => order.get(a)! - order.get(b)!));
      for (const p of topicPanels) p.hidden = true;
      if (none) none.hidden = true;
      status.textContent = input.dataset.msgAll ?? '';
      return;
    }
    const { search, synonyms } = await load();
    if (input.value.trim() !== query) return; // a newer keystroke will render
    const rank = new Map(search(query).map((h, i) => [h.id, i]));
    const shown = cards.filter((c) => rank.has(c.dataset.windowId!)).sort((a, b) => rank.get(a.dataset.windowId!)! - rank.get(b.dataset.windowId!)!);
    for (const c of cards) c.hidden = !rank.has(c.dataset.windowId!);
    list.prepend(...shown);
    const topics = hotlineTopicsFor(query, synonyms);
    for (const p of topicPanels) p.hidden = !topics.includes(p.dataset.hotlineTopic as (typeof topics)[number]);
    if (none) none.hidden = shown.length > 0;
    status.textContent = shown.length ? (input.dataset.msgResults ?? '').replace('{{count}}', String(shown.length)) : (input.dataset.msgNone ?? '');
  };

  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('input', () => void render());
  // With JavaScript the results are already on the page as the resident types: Enter or the button
  // keeps them here instead of loading the server's answer.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void render();
  });
  if (input.value) void render();
}
