import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { sourceSchema, type Source } from '@/schemas/source';
import { verifiedHotlineListSchema } from '@/schemas/verified-hotline';

/** Reads a YAML file of the content folder (tests only; the site reads content through Astro). */
export const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8'));

/** Every window file as `{ id, raw }`, unvalidated, so tests can also check what the schema would reject. */
export const windowFiles = () =>
  readdirSync('content/windows').map((f) => ({ id: f.replace(/\.yaml$/, ''), raw: readYaml(`content/windows/${f}`) as Record<string, unknown> }));

/** Front matter of a Markdown file. */
export const frontMatter = (path: string): Record<string, unknown> => parse(readFileSync(path, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;

/** A source in content/sources/: its front matter (validated) and the text as published (empty for a reference). */
export interface SourceFile { id: string; data: Source; text: string }

/** Every source document the content may cite, read from the repo (content/sources/<id>.md). */
export const sourceFiles = (): Map<string, SourceFile> =>
  new Map(
    readdirSync('content/sources')
      .filter((f) => f.endsWith('.md'))
      .map((f) => {
        const raw = readFileSync(`content/sources/${f}`, 'utf8');
        const end = raw.indexOf('\n---\n', 4);
        const id = f.replace(/\.md$/, '');
        return [id, { id, data: sourceSchema.parse(parse(raw.slice(4, end))), text: raw.slice(end + 5) }];
      }),
  );

/** The verified national hotline list (content/sources/national-hotlines.yaml). */
export const verifiedHotlines = () => verifiedHotlineListSchema.parse(readYaml('content/sources/national-hotlines.yaml'));
