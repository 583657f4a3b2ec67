// The windows' names for what the jobs write (the notification e-mails), read from the selected
// profile's window files. The jobs run outside Astro (npm start's process, or on their own), so they
// read the files as the CLI and retention.ts do, not through astro:content.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentPath } from '@/lib/profile';

/** Window id → its name as the window file gives it (an unknown id is shown as itself). */
export function windowNames(dir = contentPath('windows')): (id: string) => string {
  const names = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => {
        const name = (parse(readFileSync(join(dir, f), 'utf8')) as { name?: unknown }).name;
        if (typeof name !== 'string' || !name) throw new Error(`${join(dir, f)}: a window needs a name`);
        return [f.slice(0, -'.yaml'.length), name] as const;
      }),
  );
  return (id) => names.get(id) ?? id;
}
