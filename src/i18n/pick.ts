/**
 * The subset of a locale's strings whose keys start with one of `prefixes`. Pages hand islands only
 * the strings they use, so the JavaScript bundle carries no locale file.
 */
export function pickMessages(messages: Record<string, string>, prefixes: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}

/** Key prefixes the triage wizard reads. */
export const triageMessagePrefixes = ['triage.', 'route.', 'field.', 'contact.', 'category.', 'weekday.', 'window.hoursUnknown', 'window.factsStale'] as const;

/** Key prefixes the inquiry form reads. */
export const inquiryMessagePrefixes = ['inquiry.', 'form.', 'confirm.', 'api.', 'category.', 'contact.', 'triage.errorSummaryTitle', 'triage.errorTitlePrefix', 'site.title'] as const;
