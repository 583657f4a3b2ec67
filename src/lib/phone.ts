/**
 * The `tel:` URI for a number as printed (012-345-6789, 110, #8008).
 * Hyphens are dropped; '#' must be percent-encoded or the browser treats it as a fragment.
 */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9#+]/g, '').replace('#', '%23')}`;
}
