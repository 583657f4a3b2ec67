import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentPath as cp, profileDir, sharedContent } from '@/lib/profile';
import { sourceSchema, type Source } from '@/schemas/source';
import { verifiedHotlineListSchema } from '@/schemas/verified-hotline';

/** Reads a YAML file of the content folder (tests only; the site reads content through Astro). */
export const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8'));

/** Every window file as `{ id, raw }`, unvalidated, so tests can also check what the schema would reject. */
export const windowFiles = (dir: string = profileDir()) =>
  readdirSync(cp('windows', dir)).map((f) => ({ id: f.replace(/\.yaml$/, ''), raw: readYaml(cp(`windows/${f}`, dir)) as Record<string, unknown> }));

/** Front matter of a Markdown file. */
export const frontMatter = (path: string): Record<string, unknown> => parse(readFileSync(path, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;

/** A source in sources/: its front matter (validated) and the text as published (empty for a reference). */
export interface SourceFile { id: string; data: Source; text: string }

/**
 * Every source document a profile's content may cite, read from the repo: the profile's own
 * sources/<id>.md and the shared content/sources/<id>.md (national hotline sources). The same
 * id in both is an error, so a citation always means one document.
 */
export const sourceFiles = (dir: string = profileDir()): Map<string, SourceFile> => {
  const folders = [...new Set([join(dir, 'sources'), join(sharedContent, 'sources')])].filter((d) => existsSync(d));
  const out = new Map<string, SourceFile>();
  for (const folder of folders) {
    for (const f of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
      const raw = readFileSync(join(folder, f), 'utf8');
      const end = raw.indexOf('\n---\n', 4);
      const id = f.replace(/\.md$/, '');
      if (out.has(id)) throw new Error(`source "${id}" is in both ${folder} and another sources folder`);
      out.set(id, { id, data: sourceSchema.parse(parse(raw.slice(4, end))), text: raw.slice(end + 5) });
    }
  }
  return out;
};

/** The verified national hotline list (content/sources/national-hotlines.yaml, shared by every profile). */
export const verifiedHotlines = () => verifiedHotlineListSchema.parse(readYaml(cp('sources/national-hotlines.yaml')));
