import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { messages } from '@/i18n/messages';
import { createIslandTranslator } from '@/islands/shared/island-translator';
import { ResultView } from '@/islands/TriageWizard/ResultView';
import { triage, type Answers } from '@/triage/engine';
import { handoffFrom } from '@/triage/handoff';
import { loadTriageData } from '@/triage/load-node';

// Issue 24: the result's explanation of the coordinating window names the profile's own window(s)
// (content), never a name no window of the profile has (「多機関協働チーム」 in Aomori); the advice follows
// the answers (the person's view, 介護保険 use).
const data = loadTriageData();
const t = createIslandTranslator('ja', messages.ja);
const render = (answers: Answers) => {
  const result = triage(data, answers);
  return renderToStaticMarkup(createElement(ResultView, { result, windows: data.windows, hotlines: data.hotlines, areas: [], t, handoff: handoffFrom(data.flow, result, answers), handoffBy: 'post', change: { href: '#c' } }));
};
const text = (html: string) => html.replace(/<rt>.*?<\/rt>/g, '').replace(/<[^>]+>/g, '');

describe('the result view', () => {
  const html = render({ who: 'family', district: 'unknown', troubles: ['withdrawn', 'debts'], age: 'middle', household: ['senior'], refuses: 'yes' });
  const section = text(html.slice(html.indexOf('result-coordinator-heading')));
  it('explains the coordinating window by the name it has in this profile', () => {
    const names = triage(data, { who: 'family', district: 'unknown', troubles: ['withdrawn', 'debts'], age: 'middle', household: ['senior'] }).windows
      .filter((w) => w.reasons.some((r) => r.kind === 'coordinator')).map((w) => data.windows.find((x) => x.id === w.windowId)!.name);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(section).toContain(n);
  });
  it('never explains 「多機関協働チーム」 unless a window of the profile has that name', () => {
    const hasTeam = data.windows.some((w) => w.name.includes('多機関協働チーム'));
    expect(section.includes('多機関協働チーム')).toBe(hasTeam);
  });
  it('tells a relative whose person does not want help about 支援会議 and not the other way round', () => {
    expect(text(html)).toContain(text(t.raw('triage.advice.proxyRefuses')));
    const agrees = text(render({ who: 'family', district: 'unknown', troubles: ['hoarding'], age: 'middle', household: ['none'], refuses: 'no' }));
    expect(agrees).not.toContain(text(t.raw('triage.advice.proxyRefuses')));
    expect(agrees).toContain(text(t.raw('triage.advice.proxyConsent')));
  });
  it('tells someone already using 介護保険 to ask the care manager, and someone not using it how to apply', () => {
    const base: Answers = { who: 'self', district: 'unknown', troubles: ['needsCare'], age: 'senior', household: ['none'] };
    expect(text(render({ ...base, usesCare: 'yes' }))).toContain('ケアマネジャー');
    expect(text(render({ ...base, usesCare: 'no' }))).toContain('要介護認定');
  });
});
