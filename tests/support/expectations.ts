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
export const inquiryExpectations = (dir?: string) => readExpectations('inquiry', inquiryExpectationsSchema, dir);
