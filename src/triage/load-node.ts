// Reads and validates the triage data of a content profile on the server side (CLI and tests).
// Never imported by the island: pages pass the data they need as props.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { contentPath, profileDir } from '@/lib/profile';
import { areaSchema } from '@/schemas/area';
import { flowSchema } from '@/schemas/flow';
import { hotlineSchema } from '@/schemas/hotline';
import { routingSchema } from '@/schemas/routing';
import { windowSchema } from '@/schemas/window';
import { regionGroups, withDistricts } from './districts';
import type { TriageData } from './engine';

/** Loads flow, routing, windows and hotlines of a profile folder (default: the selected profile's). */
export function loadTriageData(dir = profileDir()): TriageData {
  const read = (rel: string) => parse(readFileSync(contentPath(rel, dir), 'utf8'));
  const windowsDir = contentPath('windows', dir);
  const areas = (read('areas.yaml') as unknown[]).map((a) => areaSchema.parse(a)).sort((a, b) => a.order - b.order);
  const regions = regionGroups(areas);
  return {
    flow: withDistricts(flowSchema.parse(read('triage/flow.yaml')), areas.map((a) => a.id), Object.keys(regions)),
    regions,
    routing: routingSchema.parse(read('triage/routing.yaml')),
    windows: readdirSync(windowsDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...windowSchema.parse(parse(readFileSync(`${windowsDir}/${f}`, 'utf8'))) }))
      .sort((a, b) => a.order - b.order),
    hotlines: (read('hotlines.yaml') as unknown[]).map((h) => hotlineSchema.parse(h)),
  };
}
