// The facts-age notice on the real built server, on days the test chooses (tests/support/fake-clock.mjs):
// the day before a window's check date nothing shows; from the day itself its page, its card and the
// wizard's result say when the facts were checked and ask to phone, with no rebuild in between.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsDueDay } from '@/lib/facts-check';
import { contentPath } from '@/lib/profile';
import { siteSchema } from '@/schemas/site';
import { windowSchema } from '@/schemas/window';
import { readYaml } from '../support/content';
import { journeyExpectations } from '../support/expectations';
import { startServer, type TestServer } from '../support/server';

const site = siteSchema.parse(readYaml(contentPath('site.yaml')));
const { district, window: id } = journeyExpectations().wizard.englishMeaning;
const w = windowSchema.parse(readYaml(contentPath(`windows/${id}.yaml`)));
const verified = w.source.verified.toISOString().slice(0, 10);
const due = factsDueDay(w.source.verified, site.factsCheckDays);
const dayBefore = factsDueDay(due, -1);
const clock = pathToFileURL('tests/support/fake-clock.mjs').href;
const resultQuery = `who=family&district=${district}&troubles=careInsurance&age=senior&household=none&usesCare=no&refuses=no`;

/** The page's visible text: inert <template> content and markup removed. */
const visible = (html: string) => html.replace(/<template[\s\S]*?<\/template>/g, '').replace(/<rp>.*?<\/rp>|<rt>.*?<\/rt>/g, '').replace(/<[^>]+>/g, '');
const get = async (s: TestServer, path: string) => {
  const r = await fetch(`${s.origin}${path}`);
  expect(r.status, path).toBe(200);
  return visible(await r.text());
};

describe.each([
  { when: 'the day before the check date, 23:59 in Japan', at: `${dayBefore}T23:59:00+09:00`, shown: false },
  { when: 'the check date, 00:01 in Japan', at: `${due}T00:01:00+09:00`, shown: true },
])('on $when', ({ at, shown }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ NODE_OPTIONS: `--import=${clock}`, FAKE_NOW: at });
  }, 60_000);
  afterAll(() => server?.stop());
  const notice = `${verified}に確認したものです`;

  it(`the window page ${shown ? 'says' : 'does not say'} the facts may have changed`, async () => {
    const text = await get(server, `/madoguchi/${id}/`);
    expect(text.includes(notice) && text.includes('変わっている可能性があります')).toBe(shown);
    // The same page without the trailing slash is the same page.
    expect((await get(server, `/madoguchi/${id}`)).includes(notice)).toBe(shown);
  });
  it(`its card in the directory ${shown ? 'says' : 'does not say'} so`, async () => {
    const r = await fetch(`${server.origin}/madoguchi/`);
    const html = await r.text();
    const card = html.match(new RegExp(`<li class="window-card"[^>]*data-window-id="${id}"[\\s\\S]*?</li>`))?.[0] ?? '';
    expect(card).not.toBe('');
    expect(visible(card).includes(notice)).toBe(shown);
  });
  it(`the wizard's result without JavaScript ${shown ? 'says' : 'does not say'} so for it`, async () => {
    expect((await get(server, `/sagasu/kekka/?${resultQuery}`)).includes(notice)).toBe(shown);
  });
  it(`the English page ${shown ? 'says' : 'does not say'} it in English, with the date`, async () => {
    const text = await get(server, `/en/madoguchi/${id}/`);
    expect(text.includes(`checked on ${verified}`)).toBe(shown);
  });
});
