import { localeInfo, localizePath, type Locale } from '@/i18n/locales';
import { rubyToHtml, rubyToText, stripRuby } from '@/i18n/ruby';

/**
 * Rewrites a rendered page for its locale, so pages and components write plain root-relative links
 * and plain strings once:
 * - internal links (href, action) gain the locale prefix: "/madoguchi/" → "/en/madoguchi/";
 *   links that carry hreflang (the language switcher, alternates) already point where they mean to;
 * - for やさしい日本語, ruby notation (相談《そうだん》) becomes <ruby> in text, readings in brackets
 *   in <option> (text only, but read), and is removed where nobody reads it as text (attributes,
 *   <title>, <textarea>).
 * Script and style contents are left untouched (the islands' props carry the notation on purpose,
 * and CSP hashes stay valid).
 */
export function localizeHtml(html: string, locale: Locale): string {
  const prefix = localeInfo[locale].prefix;
  const ruby = Boolean(localeInfo[locale].ruby);
  if (!prefix && !ruby) return html;
  const token = /<!--[\s\S]*?-->|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<(title|option|textarea)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\2\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;
  return html.replace(token, (match, _raw: string, plainTag: string | undefined, plainAttrs: string, plainText: string) => {
    if (match.startsWith('<!--') || _raw) return match;
    if (plainTag) {
      const text = !ruby ? plainText : plainTag === 'option' ? rubyToText(plainText) : stripRuby(plainText);
      return `${rewriteTag(`<${plainTag}${plainAttrs}>`, locale, ruby)}${text}</${plainTag}>`;
    }
    if (match.startsWith('<')) return rewriteTag(match, locale, ruby);
    return ruby ? rubyToHtml(match) : match;
  });
}

/** Paths that are not pages and are the same in every locale. */
const sharedPath = /^\/(?:api\/|_astro\/|madoguchi\/search-index\.json)/;

function rewriteTag(tag: string, locale: Locale, ruby: boolean): string {
  if (tag.startsWith('</')) return tag;
  let out = tag;
  if (!/\shreflang=/.test(out)) {
    out = out.replace(/(\s(?:href|action)=")(\/[^"]*)"/g, (m, attr: string, path: string) =>
      path.startsWith('//') || sharedPath.test(path) || isLocalized(path) ? m : `${attr}${localizePath(locale, path)}"`,
    );
  }
  // astro-island props hold the islands' strings with the notation: the island renders ruby itself.
  if (ruby && !out.startsWith('<astro-island')) out = stripRuby(out);
  return out;
}

function isLocalized(path: string): boolean {
  const first = path.split('/')[1];
  return Object.values(localeInfo).some((info) => info.prefix && info.prefix === first);
}
