// The inquiry (相談を送る) as one table of fields, in the order the form shows them. The schema
// (inquiry.ts), the island and the no-JS pages, the check-your-answers rows and the CSV export all
// read this table: to add a field, add one entry here and its wording to src/i18n/ui/*.json.
import * as z from 'zod/mini';
import type { Condition, FieldSpec, FormVocabulary } from './form-model';

/** Who is writing: 本人 / 家族・親族 / 近所・知人 / 支援者. */
export const writerIds = ['self', 'family', 'neighbour', 'supporter'] as const;
/** The writer type the planners' counts give a 連絡票: the support agency (支援機関) that sent it. */
export const AGENCY_WRITER = 'agency';
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

const text = (max: number) => () => z.string().check(z.overwrite(normalizeText), z.maxLength(max, 'form.error.tooLong'));
const oneOf = (values: readonly string[], message: string) => z.string().check(z.refine((x) => values.includes(x), message));
const phone = (message: string) => () => z.string().check(z.overwrite(normalizePhone), z.regex(phoneShape, message));

/** Someone writing for another person (not 本人): only then are the person's details asked. */
const forAnotherPerson: Condition = { field: 'writer', anyOf: ['family', 'neighbour', 'supporter'] };
const chose = (method: (typeof contactMethods)[number]): Condition => ({ field: 'contactMethods', anyOf: [method] });

export const inquiryFields = [
  {
    name: 'writer', control: 'radio', options: writerIds, section: 'writer', required: true,
    label: 'form.writer.legend', optionKey: 'form.writer.', missing: 'form.error.writerRequired', sensitivity: 'none', csv: true,
    value: () => oneOf(writerIds, 'form.error.writerRequired'),
  },
  {
    name: 'relationship', control: 'text', section: 'writer', fieldset: 'proxy', when: forAnotherPerson, required: true,
    label: 'form.relationship.label', hint: 'form.relationship.hint', missing: 'form.error.relationshipRequired', sensitivity: 'special', csv: true,
    autocomplete: 'off', value: text(50),
  },
  {
    name: 'personAge', control: 'radio', options: ageGroups, section: 'writer', fieldset: 'proxy', when: forAnotherPerson, required: true,
    label: 'form.personAge.legend', optionKey: 'form.personAge.', missing: 'form.error.personAgeRequired', sensitivity: 'special', csv: true,
    value: () => oneOf(ageGroups, 'form.error.personAgeRequired'),
  },
  {
    name: 'personConsent', control: 'radio', options: consentStates, section: 'writer', fieldset: 'proxy', when: forAnotherPerson, required: true,
    label: 'form.personConsent.legend', optionKey: 'form.personConsent.', missing: 'form.error.personConsentRequired', sensitivity: 'special', csv: true,
    value: () => oneOf(consentStates, 'form.error.personConsentRequired'),
  },
  {
    name: 'area', control: 'select', options: { from: 'districts', after: ['unknown'] }, section: 'troubles', required: true,
    label: 'form.area.label', hint: 'form.area.hint', missing: 'form.error.areaRequired', sensitivity: 'contact', csv: true,
    value: (v: FormVocabulary) => oneOf([...v.districts, 'unknown'], 'form.error.areaRequired'),
  },
  {
    name: 'categories', control: 'checkbox', options: { from: 'categories' }, section: 'troubles', required: true,
    label: 'form.categories.legend', hint: 'form.categories.hint', optionKey: 'category.', missing: 'form.error.chooseCategory', sensitivity: 'special', csv: true,
    value: (v: FormVocabulary) => z.array(oneOf(v.categories, 'form.error.chooseCategory')),
  },
  {
    name: 'details', control: 'textarea', section: 'troubles', required: true,
    label: 'form.details.label', hint: 'form.details.hint', missing: 'form.error.detailsRequired', sensitivity: 'special', csv: true,
    value: text(DETAILS_MAX),
  },
  {
    name: 'window', control: 'select', options: { from: 'windows', before: ['any'] }, initial: 'any', section: 'troubles', required: false,
    label: 'form.window.label', hint: 'form.window.hint', invalid: 'form.error.windowInvalid', sensitivity: 'none', csv: true,
    value: (v: FormVocabulary) => oneOf(['any', ...v.windows], 'form.error.windowInvalid'),
  },
  {
    name: 'contactMethods', control: 'checkbox', options: contactMethods, section: 'contact', required: true,
    label: 'form.contactMethods.legend', hint: 'form.contactMethods.hint', optionKey: 'form.contactMethods.', missing: 'form.error.chooseContact', sensitivity: 'none', csv: true,
    value: () => z.array(oneOf(contactMethods, 'form.error.chooseContact')),
  },
  {
    name: 'phone', control: 'tel', section: 'contact', when: chose('phone'), required: true,
    label: 'form.phone.label', hint: 'form.phone.hint', missing: 'form.error.phoneRequired', sensitivity: 'contact', csv: true,
    autocomplete: 'tel', inputMode: 'tel', value: phone('form.error.phoneInvalid'),
  },
  {
    name: 'email', control: 'email', section: 'contact', when: chose('email'), required: true,
    label: 'form.email.label', hint: 'form.email.hint', missing: 'form.error.emailRequired', sensitivity: 'contact', csv: true,
    autocomplete: 'email',
    value: () => z.string().check(z.overwrite((s) => s.normalize('NFKC').trim()), z.maxLength(254, 'form.error.emailInvalid'), z.regex(emailShape, 'form.error.emailInvalid')),
  },
  {
    name: 'fax', control: 'tel', section: 'contact', when: chose('fax'), required: true,
    label: 'form.fax.label', hint: 'form.fax.hint', missing: 'form.error.faxRequired', sensitivity: 'contact', csv: true,
    inputMode: 'tel', value: phone('form.error.phoneInvalid'),
  },
  {
    name: 'address', control: 'textarea', section: 'contact', when: chose('homeVisit'), required: true,
    label: 'form.address.label', hint: 'form.address.hint', missing: 'form.error.addressRequired', sensitivity: 'contact', csv: true,
    autocomplete: 'street-address', value: text(200),
  },
  {
    name: 'safeTimes', control: 'text', section: 'contact', required: false,
    label: 'form.safeTimes.label', hint: 'form.safeTimes.hint', sensitivity: 'contact', csv: true, value: text(200),
  },
  {
    name: 'discretion', control: 'checkbox', options: discretionOptions, section: 'contact', required: false,
    label: 'form.discretion.legend', hint: 'form.discretion.hint', optionKey: 'form.discretion.', invalid: 'form.error.discretionInvalid', sensitivity: 'special', csv: true,
    value: () => z.array(oneOf(discretionOptions, 'form.error.discretionInvalid')),
  },
  {
    name: 'name', control: 'text', section: 'about', required: true,
    label: 'form.name.label', hint: 'form.name.hint', missing: 'form.error.nameRequired', sensitivity: 'contact', csv: true,
    autocomplete: 'name', value: text(50),
  },
  {
    name: 'nameKana', control: 'text', section: 'about', required: false,
    label: 'form.nameKana.label', hint: 'form.nameKana.hint', sensitivity: 'contact', csv: true, value: text(50),
  },
  {
    name: 'language', control: 'select', options: replyLanguages, initial: 'ja', section: 'about', required: true,
    label: 'form.language.label', optionKey: 'form.language.', missing: 'form.error.languageRequired', sensitivity: 'none', csv: true,
    value: () => oneOf(replyLanguages, 'form.error.languageRequired'),
  },
  {
    name: 'accommodations', control: 'checkbox', options: accommodationOptions, section: 'about', required: false,
    label: 'form.accommodations.legend', hint: 'form.accommodations.hint', optionKey: 'form.accommodations.', invalid: 'form.error.accommodationsInvalid', sensitivity: 'special', csv: true,
    value: () => z.array(oneOf(accommodationOptions, 'form.error.accommodationsInvalid')),
  },
  {
    name: 'consent', control: 'consent', section: 'privacy', required: true,
    label: 'form.consent.label', missing: 'form.error.consentRequired', invalid: 'form.error.consentRequired', sensitivity: 'none', csv: false,
    value: () => z.literal(true, 'form.error.consentRequired'),
  },
] as const satisfies readonly FieldSpec<z.ZodMiniType>[];

export type InquiryField = (typeof inquiryFields)[number];
export type InquiryFieldName = InquiryField['name'];

/** The form's h2 sections, in order (keys inquiry.section.*). */
export const inquirySections = ['writer', 'troubles', 'contact', 'about', 'privacy'] as const;
