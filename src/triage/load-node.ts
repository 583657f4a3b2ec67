// Reads and validates the triage data from content/ on the server side (CLI and tests).
// Never imported by the island: pages pass the data they need as props.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { flowSchema } from '@/schemas/flow';
import { hotlineSchema } from '@/schemas/hotline';
import { routingSchema } from '@/schemas/routing';
import { windowSchema } from '@/schemas/window';
import type { TriageData } from './engine';

const read = (root: string, path: string) => parse(readFileSync(join(root, path), 'utf8'));

/** Loads flow, routing, windows and hotlines from a content folder (default: ./content). */
export function loadTriageData(root = 'content'): TriageData {
  return {
    flow: flowSchema.parse(read(root, 'triage/flow.yaml')),
    routing: routingSchema.parse(read(root, 'triage/routing.yaml')),
    windows: readdirSync(join(root, 'windows'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...windowSchema.parse(read(root, `windows/${f}`)) }))
      .sort((a, b) => a.order - b.order),
    hotlines: (read(root, 'hotlines.yaml') as unknown[]).map((h) => hotlineSchema.parse(h)),
  };
}
