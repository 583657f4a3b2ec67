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

// journeys.yaml: what residents get on the directory, the wizard's results, the form and the inbox (tests/e2e/*).
export const journeyExpectations = (dir?: string) => readExpectations('journeys', journeysSchema, dir);
