// content/profiles/<id>/expectations/journeys.yaml: what a profile's residents must get on the pages
// around the wizard (the directory, the wizard's result pages, the form and the staff inbox), for the
// browser tests in tests/e2e/. The wizard's own answer → window cases are scenarios.yaml.
import { z } from 'zod';

const windowId = z.string().regex(/^[a-z0-9-]+$/);
const districtId = z.string().regex(/^[a-z0-9-]+$/);
/** A word typed into the directory's search box and the one window it must find alone. */
const oneHit = z.strictObject({ query: z.string().min(1), window: windowId });
/** A resident of a district, the district's answer in the wizard and the windows they must be led to. */
const districtCase = z.strictObject({ district: districtId, includes: z.array(windowId).min(1), excludes: z.array(windowId).default([]) });

export const journeysSchema = z.strictObject({
  directory: z.strictObject({
    /** Windows whose phone numbers the directory must show exactly, as tap-to-call links (from the sources). */
    numbers: z.array(z.strictObject({ name: z.string().min(1), number: z.string().regex(/^[0-9-]+$/) })).min(1),
    /** The number a search with no hit gives, and whose it is, as the panel names it. */
    general: z.strictObject({ name: z.string().min(1), number: z.string().regex(/^[0-9-]+$/) }),
    /** One window alone: with JavaScript (the count), without (the answer page), and on the English answer page. */
    oneHit,
    noJsOneHit: oneHit,
    englishOneHit: oneHit,
    /** A word several windows are about; the first result's link names this (keyboard test). */
    keyboard: z.strictObject({ query: z.string().min(1), first: z.string().min(1) }),
    /** District filters: the windows listed for a resident of the district, and windows not listed. */
    districts: z.array(districtCase).min(1),
    /** Field and method filter links followed in order from the directory, with the only windows each lists. */
    filters: z.array(z.strictObject({ label: z.string().min(1), windows: z.array(windowId).min(1) })).min(1),
    /** Filtered directory pages scanned by axe. */
    filteredPages: z.array(z.string().startsWith('/madoguchi/')).min(1),
  }),
  /** Wizard results (answers in tests/e2e/*: the district here, the rest the same for every profile). */
  wizard: z.strictObject({
    /** A family member, an adult child who withdrew and an older parent at home (8050): the windows first. */
    family: districtCase.extend({ first: windowId }),
    /** Someone with no work, 40 to 64, living alone: the window the result puts first (hand-off of the no-JS form). */
    jobLoss: z.strictObject({ district: districtId, first: windowId }),
    /** An older person living alone who stopped going out, asked about by family (no-JS): the first window. */
    elderlyAlone: z.strictObject({ district: districtId, first: windowId }),
    /** 物忘れ after the district is changed on the summary to this one: the first window. */
    forgetful: z.strictObject({ district: districtId, first: windowId }),
    /** A child at risk at home (violence, or a parent afraid of hitting a child), the district not known: windows the result lists besides the emergency numbers. */
    childAtRisk: z.array(windowId).min(1),
    /** No work and rent unpaid, the district not known: the window the result puts first (share link test). */
    moneyUnknownDistrict: windowId,
    /** Pregnancy and birth costs: the windows listed, the phone numbers of the first, and what it says of the department. */
    pregnancy: z.strictObject({ district: districtId, window: windowId, numbers: z.array(z.string()).min(1), says: z.string().min(1).optional() }),
    /** The English result of a shared link (care insurance for an older parent): the window and what its name means (none when the translation gives none). */
    englishMeaning: z.strictObject({ district: districtId, window: windowId, meaning: z.string().min(1).optional() }),
  }),
  inquiry: z.strictObject({
    /** The inquiry the form sends for the family resident: the window routing puts first for staff. */
    routedFirst: windowId,
    /**
     * The staff inbox: staff of `window` see the API documentation's example inquiry (from the profile's
     * example district), and not `other`, an inquiry that goes to other windows only.
     */
    staff: z.strictObject({
      window: windowId,
      other: z.strictObject({ area: z.string(), categories: z.array(z.string()).min(1), window: windowId }),
    }),
    /** つなぎ: an inquiry from `area` sent to `first`, whose staff hand it over to `second`. */
    handOver: z.strictObject({ area: districtId, first: windowId, second: windowId }),
  }),
});
export type Journeys = z.infer<typeof journeysSchema>;
