// Server-side helpers for the per-request form pages (/soudan/ and /soudan/okuru/): the CSS that hides
// conditional fields without JavaScript, with its CSP hash, and the posted answers as hidden inputs.
import { createHash } from 'node:crypto';
import { getPrescripts } from 'astro/runtime/server/scripts.js';
import { conditionCss, hiddenPairs as pairsOf, type FieldSpec } from '@/schemas/form-model';
import { inquiryFields, inquiryValues } from '@/schemas/inquiry';

/** The <style> for the page head, and the hash the page's CSP must allow for it (any form's table). */
export function conditionStyle(formSelector = '.inquiry-form', fields: readonly FieldSpec[] = inquiryFields): { css: string; hash: `sha256-${string}` } {
  const css = conditionCss(formSelector, fields);
  return { css, hash: `sha256-${createHash('sha256').update(css).digest('base64')}` as const };
}

/** The answers that apply, as name/value pairs for hidden inputs (the no-JS check page carries them on). */
export function hiddenPairs(values: Record<string, unknown>): [string, string][] {
  return pairsOf(inquiryFields, inquiryValues(values));
}

/**
 * Astro writes its island loader (a <style> and two scripts) just before the first island, which is
 * inside <main>; the Nu HTML checker rejects a <style> there. This emits the same loader for the page
 * head and marks it as written, so Astro does not repeat it in the body. `result` is the page's
 * $$result; on an Astro that no longer has these fields, nothing changes (the loader stays in body).
 */
export function islandLoaderForHead(result: unknown, directive: string): string {
  const r = result as { _metadata?: { hasHydrationScript?: boolean; hasDirectives?: Set<string> } } | undefined;
  const meta = r?._metadata;
  if (!meta || meta.hasHydrationScript !== false || !(meta.hasDirectives instanceof Set)) return '';
  const html = getPrescripts(result as Parameters<typeof getPrescripts>[0], 'both', directive);
  meta.hasHydrationScript = true;
  meta.hasDirectives.add(directive);
  return html;
}
