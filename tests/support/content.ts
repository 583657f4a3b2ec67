import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { contentPath as cp } from '@/lib/profile';

/** Reads a YAML file of the content folder (tests only; the site reads content through Astro). */
export const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8'));

/** Every window file as `{ id, raw }`, unvalidated, so tests can also check what the schema would reject. */
export const windowFiles = () =>
  readdirSync(cp('windows')).map((f) => ({ id: f.replace(/\.yaml$/, ''), raw: readYaml(cp(`windows/${f}`)) as Record<string, unknown> }));

/** Front matter of a Markdown file. */
export const frontMatter = (path: string): Record<string, unknown> => parse(readFileSync(path, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;

/** The seeds and reference documents beside the project (shared/ sits next to the clone in CI). */
export const shared = (path: string) => readFileSync(`../shared/${path}`, 'utf8');
