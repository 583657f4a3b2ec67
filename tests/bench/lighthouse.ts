import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from './chromium';

export interface LighthouseScores {
  type: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Lighthouse with its default mobile settings and simulated throttling, `runs` times per page;
 * each category is the median of the runs (scores 0–100).
 */
export async function measureLighthouse(origin: string, pages: readonly { type: string; path: string }[], runs = 3): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumArgs });
  const out: LighthouseScores[] = [];
  try {
    for (const p of pages) {
      const samples: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number[]> = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
      for (let i = 0; i < runs; i++) {
        // A run Lighthouse itself reports as failed (e.g. NO_NAVSTART, "run Lighthouse again") has no
        // scores; counting it as 0 would drag the median down, so it is run again (at most twice).
        const run = () => lighthouse(origin + p.path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(samples) });
        let result = await run();
        for (let retry = 0; retry < 2 && (!result || result.lhr.runtimeError); retry++) result = await run();
        const categories = result?.lhr.categories ?? {};
        for (const key of Object.keys(samples) as (keyof typeof samples)[]) samples[key].push(Math.round((categories[key]?.score ?? 0) * 100));
      }
      out.push({
        type: p.type,
        performance: median(samples.performance),
        accessibility: median(samples.accessibility),
        bestPractices: median(samples['best-practices']),
        seo: median(samples.seo),
      });
    }
  } finally {
    chrome.kill();
  }
  return out;
}
