import { z } from 'zod';
import { slug } from './common';
import { fieldId } from './taxonomy';

/**
 * Trouble categories (相談の分類): the life areas residents pick from, shared by the wizard's
 * trouble groups and the inquiry form. Each maps to the support fields it involves.
 * Wording lives in the locale files under `category.<id>`.
 */
export const troubleCategorySchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  fields: z.array(fieldId).min(1),
});
export type TroubleCategory = z.infer<typeof troubleCategorySchema>;

/**
 * One window, or one per region: with a list, the windows that serve the person's district are taken
 * (all of them when the district is unknown). Who serves where is read from each window's serviceArea,
 * so a region's centre (東地域・中南地域の包括化相談支援センター) is written once, on the window.
 */
const roleWindows = z.union([slug, z.array(slug).min(1)]);
export type RoleWindows = z.infer<typeof roleWindows>;

/** content/triage/routing.yaml (in each profile): the categories and the windows with a special role. */
export const routingSchema = z.object({
  /** The 多機関協働 team, added whenever troubles span fields or show a complex pattern. */
  coordinatorWindow: roleWindows,
  /** Taken when nothing else applies, so a result is never empty. */
  fallbackWindow: roleWindows,
  /** The general number, for a person who lives outside the municipality (their own municipality is the place to ask). */
  outsideWindow: roleWindows,
  categories: z.array(troubleCategorySchema).min(1),
});
export type Routing = z.infer<typeof routingSchema>;
