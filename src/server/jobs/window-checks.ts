// The windows' check dates and the profile's factsCheckDays for the facts reminders, read from the
// profile's files with the content schemas (the jobs run outside Astro, as window-names.ts explains).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentPath } from '@/lib/profile';
import { siteSchema } from '@/schemas/site';
import { windowSchema } from '@/schemas/window';
import type { WindowCheck } from './facts-reminders';

export function windowChecks(dir = contentPath('windows'), sitePath = contentPath('site.yaml')): { windows: WindowCheck[]; checkDays: number } {
  const windows = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ id: f.slice(0, -'.yaml'.length), verified: windowSchema.parse(parse(readFileSync(join(dir, f), 'utf8'))).source.verified }));
  return { windows, checkDays: siteSchema.parse(parse(readFileSync(sitePath, 'utf8'))).factsCheckDays };
}
