import { ageGroups, consentStates, contactMethods, writerIds } from '@/schemas/inquiry';

/**
 * The id of the control an error-summary link should focus for a field: the field's own input, or
 * the first option of a radio or checkbox group. Shared by the island and the no-JS error page.
 */
export function firstInputId(field: string, categories: readonly string[]): string {
  const first: Record<string, string | undefined> = {
    writer: writerIds[0],
    personAge: ageGroups[0],
    personConsent: consentStates[0],
    contactMethods: contactMethods[0],
    categories: categories[0],
  };
  return field in first ? `f-${field}-${first[field]}` : `f-${field}`;
}
