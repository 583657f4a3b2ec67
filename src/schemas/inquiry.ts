// The inquiry (相談を送る): ONE schema used by the form island (through react-hook-form), the API,
// the no-JS page and the tests. Written with zod/mini so the browser bundle stays small; error
// messages are i18n keys (form.error.*) that each side translates.
import * as z from 'zod/mini';
import { locales } from "../i18n/locales";

/** Who is writing: 本人 / 家族・親族 / 近所・知人 / 支援者. */
export const writerIds = ['self', 'family', 'neighbour', 'supporter'] as const;
/** The person's age group. */
export const ageGroups = ['child', 'youth', 'middle', 'senior', 'unknown'] as const;
/** Whether the person knows and agrees: 知っていて同意している / まだ伝えていない / 本人は相談を望んでいない. */
export const consentStates = ['agreed', 'notTold', 'refuses'] as const;
/** How to be contacted: 電話 / メール / FAX / 来所 / 訪問. */
export const contactMethods = ['phone', 'email', 'fax', 'visit', 'homeVisit'] as const;
/** 「家族に知られたくない」 choices. */
export const discretionOptions = ['noVoicemail', 'onlyThisNumber', 'noNameOnPhone', 'noPostalMail'] as const;
/** Accommodations: 筆談, 手話通訳, 通訳, やさしい日本語. */
export const accommodationOptions = ['writing', 'signLanguage', 'interpreter', 'easyJapanese'] as const;
/** Languages a reply can be asked for in. */
export const replyLanguages = ['ja', 'easyJa', 'en', 'zh-Hans', 'ko', 'vi', 'tl', 'pt-BR', 'ne', 'id', 'other'] as const;

export const DETAILS_MAX = 2000;

/** Japanese phone numbers: full-width digits and hyphens accepted, stored as digits only. */
export function normalizePhone(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-‐‑–—−ー()（）]/g, '');
}
const phoneShape = /^0\d{9,10}$/;
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a free-text answer is stored and counted as: NFC, without surrounding spaces. */
export const normalizeText = (s: string) => s.normalize('NFC').trim();
const text = (max: number) => z.string().check(z.overwrite(normalizeText), z.maxLength(max, 'form.error.tooLong'));
const optionalText = (max: number) => z.optional(text(max));
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, 'form.error.chooseOne');

/** Content the schema depends on: the category and window ids of this municipality. */
export interface InquiryVocabulary {
  categories: readonly string[];
  windows: readonly string[];
  districts: readonly string[];
}

/** Builds the inquiry schema for a municipality's categories, windows and districts. */
export function createInquirySchema(v: InquiryVocabulary) {
  const category = z.string().check(z.refine((c) => v.categories.includes(c), 'form.error.chooseOne'));
  return z
    .object({
      writer: choice(writerIds),
      relationship: optionalText(50),
      personAge: z.optional(choice(ageGroups)),
      personConsent: z.optional(choice(consentStates)),
      area: z.string().check(z.refine((d) => d === 'unknown' || v.districts.includes(d), 'form.error.chooseOne')),
      categories: z.array(category).check(z.minLength(1, 'form.error.chooseCategory')),
      details: text(DETAILS_MAX).check(z.minLength(1, 'form.error.detailsRequired')),
      window: z.string().check(z.refine((w) => w === 'any' || v.windows.includes(w), 'form.error.chooseOne')),
      contactMethods: z.array(choice(contactMethods)).check(z.minLength(1, 'form.error.chooseContact')),
      // Formats are checked on the field itself so they show together with every other problem.
      phone: z.optional(z.string().check(z.overwrite(normalizePhone), z.regex(phoneShape, 'form.error.phoneInvalid'))),
      email: z.optional(z.string().check(z.overwrite((s) => s.normalize('NFKC').trim()), z.maxLength(254, 'form.error.emailInvalid'), z.regex(emailShape, 'form.error.emailInvalid'))),
      fax: z.optional(z.string().check(z.overwrite(normalizePhone), z.regex(phoneShape, 'form.error.phoneInvalid'))),
      address: optionalText(200),
      safeTimes: optionalText(200),
      discretion: z.array(choice(discretionOptions)),
      name: text(50).check(z.minLength(1, 'form.error.nameRequired')),
      nameKana: optionalText(50),
      language: choice(replyLanguages),
      accommodations: z.array(choice(accommodationOptions)),
      consent: z.literal(true, 'form.error.consentRequired'),
      /** The page's locale, so staff know which language the sender read the form in. */
      locale: z.enum(locales),
    })
    .check(
      z.superRefine((d, ctx) => {
        const need = (when: boolean, path: string, ok: boolean, message: string) => {
          if (when && !ok) ctx.issues.push({ code: 'custom', path: [path], message, input: (d as Record<string, unknown>)[path] });
        };
        const proxy = d.writer !== 'self';
        need(proxy, 'relationship', Boolean(d.relationship), 'form.error.relationshipRequired');
        need(proxy, 'personAge', Boolean(d.personAge), 'form.error.chooseOne');
        need(proxy, 'personConsent', Boolean(d.personConsent), 'form.error.chooseOne');
        const methods: readonly string[] = Array.isArray(d.contactMethods) ? d.contactMethods : [];
        const uses = (m: (typeof contactMethods)[number]) => methods.includes(m);
        need(uses('phone'), 'phone', Boolean(d.phone), 'form.error.phoneRequired');
        need(uses('email'), 'email', Boolean(d.email), 'form.error.emailRequired');
        need(uses('fax'), 'fax', Boolean(d.fax), 'form.error.faxRequired');
        need(uses('homeVisit'), 'address', Boolean(d.address), 'form.error.addressRequired');
      }, {
        // Run even when other fields already failed, so every problem shows in one round.
        when: (payload) => typeof payload.value === 'object' && payload.value !== null,
      }),
    );
}

export type InquirySchema = ReturnType<typeof createInquirySchema>;
/** A validated inquiry, as stored. */
export type Inquiry = z.output<InquirySchema>;
/** What the form holds before validation. */
export type InquiryInput = z.input<InquirySchema>;

/** Form fields in the order the form shows them: error summaries list problems in this order. */
export const inquiryFieldOrder = ['writer', 'relationship', 'personAge', 'personConsent', 'area', 'categories', 'details', 'window', 'contactMethods', 'phone', 'email', 'fax', 'address', 'safeTimes', 'discretion', 'name', 'nameKana', 'language', 'accommodations', 'consent'] as const;

/** The message for a field that was left out entirely (zod's own "expected string" issue). */
const missingKeys: Record<string, string> = {
  writer: 'form.error.chooseOne', personAge: 'form.error.chooseOne', personConsent: 'form.error.chooseOne', area: 'form.error.chooseOne',
  window: 'form.error.chooseOne', language: 'form.error.chooseOne', categories: 'form.error.chooseCategory', contactMethods: 'form.error.chooseContact',
  details: 'form.error.detailsRequired', name: 'form.error.nameRequired', relationship: 'form.error.relationshipRequired', consent: 'form.error.consentRequired',
};

/**
 * Field → message key for every problem, first problem per field, in form order. Our own checks
 * carry form.error.* keys; zod's built-in ones (a missing or mistyped field) are mapped here.
 * Used by the form and the server alike.
 */
export function problemsByField(issues: readonly { path: PropertyKey[]; message: string }[], input: Record<string, unknown>): { field: string; key: string }[] {
  const found = new Map<string, string>();
  for (const i of issues) {
    const field = String(i.path[0] ?? 'form');
    if (found.has(field)) continue;
    const missing = input[field] === undefined || input[field] === '';
    found.set(field, i.message.startsWith('form.error.') ? i.message : missing ? (missingKeys[field] ?? 'form.error.required') : 'form.error.invalid');
  }
  const rank = (f: string) => ((inquiryFieldOrder as readonly string[]).indexOf(f) + 1 || 99);
  return [...found].map(([field, key]) => ({ field, key })).sort((a, b) => rank(a.field) - rank(b.field));
}

/** Fields that carry several values (repeated keys in a form-encoded body). */
export const listFields = ['categories', 'contactMethods', 'discretion', 'accommodations'] as const;

/**
 * Turns a form-encoded body (no-JS form, or URLSearchParams) into the schema's input shape:
 * repeated keys become lists, a ticked checkbox ("on") becomes true, empty optional text is dropped.
 */
export function inquiryFromForm(form: URLSearchParams | FormData): Record<string, unknown> {
  const out: Record<string, unknown> = { categories: [], contactMethods: [], discretion: [], accommodations: [] };
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if ((listFields as readonly string[]).includes(key)) (out[key] as string[]).push(value);
    else if (key === 'consent') out.consent = value === 'on' || value === 'true';
    else if (value !== '') out[key] = value;
  }
  return out;
}
