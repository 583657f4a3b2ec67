// Directory search in the browser: plain TypeScript, no framework. The list is already in the page
// (and the box is a POST form answered by /madoguchi/kensaku/ without JavaScript); this script only
// reorders and hides cards, says why each was found, and shows the answer's other parts (hotlines,
// languages, the words understood, the wizard with those troubles ticked) as the resident types,
// with the same search code the server runs.
import type { SearchIndexData } from './index-data';
import { createSearcher, type SearchAnswer } from './query';
import { quoteTerms } from './quote';
import { TRIAGE_STORAGE_KEY } from '@/islands/TriageWizard/storage';

/** Wires the search form found in `root` to the window list. Loads the index on first use only. */
export function enhanceDirectorySearch(root: ParentNode): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-root]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const none = root.querySelector<HTMLElement>('[data-search-none]');
  const understood = root.querySelector<HTMLElement>('[data-search-understood]');
  const languages = root.querySelector<HTMLElement>('[data-search-languages]');
  const wizard = root.querySelector<HTMLFormElement>('[data-search-wizard]');
  const wizardTroubles = wizard?.querySelector<HTMLElement>('[data-search-wizard-troubles]');
  const list = root.querySelector<HTMLElement>('#window-list');
  // The filters do not combine with a query (the no-JS answer page leaves them out too).
  const filters = root.querySelector<HTMLElement>('nav.filters');
  if (!form || !input || !status || !list) return;

  const cards = [...list.querySelectorAll<HTMLElement>('[data-window-id]')];
  const order = new Map(cards.map((c, i) => [c, i]));
  const topicPanels = [...root.querySelectorAll<HTMLElement>('[data-hotline-topic]')];
  const msg = input.dataset;
  let loaded: Promise<(q: string) => SearchAnswer> | undefined;
  const load = () => (loaded ??= fetch(form.dataset.indexUrl!).then((r) => r.json() as Promise<SearchIndexData>).then(createSearcher));
  let troubles: string[] = [];

  const setWhy = (card: HTMLElement, why: string[]) => {
    const el = card.querySelector<HTMLElement>('[data-search-why]');
    if (!el) return;
    el.hidden = !why.length;
    el.textContent = why.length ? (msg.msgWhy ?? '').replace('{{terms}}', quoteTerms(why)) : '';
  };

  const render = async () => {
    const query = input.value.trim();
    if (!query) {
      for (const c of cards) {
        c.hidden = false;
        setWhy(c, []);
      }
      list.append(...[...cards].sort((a, b) => order.get(a)! - order.get(b)!));
      for (const p of topicPanels) p.hidden = true;
      for (const el of [none, understood, languages, wizard]) if (el) el.hidden = true;
      if (filters) filters.hidden = false;
      troubles = [];
      status.textContent = msg.msgAll ?? '';
      delete status.dataset.query;
      return;
    }
    const search = await load();
    if (input.value.trim() !== query) return; // a newer keystroke will render
    const answer = search(query);
    const hitOf = new Map(answer.hits.map((h, i) => [h.id, { i, why: h.why }]));
    const shown = cards.filter((c) => hitOf.has(c.dataset.windowId!)).sort((a, b) => hitOf.get(a.dataset.windowId!)!.i - hitOf.get(b.dataset.windowId!)!.i);
    for (const c of cards) {
      c.hidden = !hitOf.has(c.dataset.windowId!);
      setWhy(c, hitOf.get(c.dataset.windowId!)?.why ?? []);
    }
    list.prepend(...shown);
    for (const p of topicPanels) p.hidden = !answer.hotlineTopics.includes(p.dataset.hotlineTopic as (typeof answer.hotlineTopics)[number]);
    if (languages) languages.hidden = !answer.languages;
    if (filters) filters.hidden = true;
    if (understood) {
      understood.hidden = false;
      understood.textContent = answer.understood.length ? (msg.msgUnderstood ?? '').replace('{{words}}', quoteTerms(answer.understood)) : (msg.msgUnderstoodNone ?? '');
    }
    troubles = answer.troubles;
    if (wizard) wizard.hidden = !troubles.length;
    if (wizardTroubles) {
      wizardTroubles.replaceChildren(
        ...troubles.map((id) => Object.assign(document.createElement('input'), { type: 'hidden', name: 'troubles', value: id })),
      );
    }
    if (none) none.hidden = shown.length > 0;
    status.textContent = shown.length ? (msg.msgResults ?? '').replace('{{count}}', String(shown.length)) : (msg.msgNone ?? '');
    // Which query the page now shows (the status text alone can be the same for two queries).
    status.dataset.query = query;
  };

  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('input', () => void render());
  // With JavaScript the results are already on the page as the resident types: Enter or the button
  // keeps them here instead of loading the server's answer.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void render();
  });
  // The wizard with the troubles ticked: handed over in sessionStorage (as the wizard keeps its own
  // answers), never in the URL. Without storage the form posts them instead.
  wizard?.addEventListener('submit', (e) => {
    try {
      // Answers already given in this tab stay; only the troubles are set.
      const earlier = JSON.parse(sessionStorage.getItem(TRIAGE_STORAGE_KEY) ?? '{}') as Record<string, unknown>;
      sessionStorage.setItem(TRIAGE_STORAGE_KEY, JSON.stringify({ ...earlier, troubles }));
    } catch {
      return;
    }
    e.preventDefault();
    location.assign(wizard.dataset.wizardHref!);
  });
  if (input.value) void render();
}
