// A profile's expectations: test data each municipality writes beside its content, in
// content/profiles/<id>/expectations/<name>.yaml, validated by its schema in src/schemas/expectations/.
// The generic tests read the selected profile's (PORTAL_PROFILE) and never name a profile's ids.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { profileDir } from '@/lib/profile';
import { scenariosSchema } from '@/schemas/expectations/scenarios';
import { pageExpectationsSchema } from '@/schemas/expectations/pages';
import { inquiryExpectationsSchema } from '@/schemas/expectations/inquiry';
import { searchExpectationsSchema } from '@/schemas/expectations/search';
import { triageCasesSchema } from '@/schemas/expectations/triage-cases';
import { livesSchema } from '@/schemas/expectations/lives';
import { routesSchema } from '@/schemas/expectations/routes';
import { factsSchema } from '@/schemas/expectations/facts';
import { journeysSchema } from '@/schemas/expectations/journeys';

/** The path of one expectations file of a profile (every profile must carry every file). */
export const expectationsPath = (name: string, dir: string = profileDir()) => join(dir, 'expectations', `${name}.yaml`);

/** Reads and validates one expectations file of a profile. */
export function readExpectations<S extends z.ZodType>(name: string, schema: S, dir: string = profileDir()): z.infer<S> {
  const path = expectationsPath(name, dir);
  const parsed = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.data;
}

export const scenarioExpectations = (dir?: string) => readExpectations('scenarios', scenariosSchema, dir).scenarios;
export const pageExpectations = (dir?: string) => readExpectations('pages', pageExpectationsSchema, dir);

// --- Search, triage cases, lives, routes and facts (tests/unit, tests/flows, tests/content) ---
/** expectations/search.yaml: resident queries → window, and words → a verified hotline topic. */
export const searchExpectations = (dir?: string) => readExpectations('search', searchExpectationsSchema, dir);
/** expectations/triage-cases.yaml: the development cases (what a resident says → windows the result includes). */
export const triageCaseExpectations = (dir?: string) => readExpectations('triage-cases', triageCasesSchema, dir).cases;
/** expectations/lives.yaml: lives the flow has words for, each answered as a resident would, and what they must get. */
export const lifeExpectations = (dir?: string) => readExpectations('lives', livesSchema, dir).lives;
/** expectations/routes.yaml: routing inputs (fields, district …) and the exact windows they give. */
export const routeExpectations = (dir?: string) => readExpectations('routes', routesSchema, dir).routes;
/** expectations/facts.yaml: the profile's own fact checks (numbers as printed, channels, sources). */
export const factExpectations = (dir?: string) => readExpectations('facts', factsSchema, dir);

/** expectations/inquiry.yaml: a sample inquiry and 連絡票, and the exact windows each must reach. */
export const inquiryExpectations = (dir?: string) => readExpectations('inquiry', inquiryExpectationsSchema, dir);

// journeys.yaml: what residents get on the directory, the wizard's results, the form and the inbox (tests/e2e/*).
export const journeyExpectations = (dir?: string) => readExpectations('journeys', journeysSchema, dir);
