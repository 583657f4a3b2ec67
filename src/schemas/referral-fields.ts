// The 連絡票 (相談受付・情報提供 連絡票) a support agency sends to 多機関協働, as one table of fields in the
// same form model as the inquiry (form-model.ts). The schema (referral.ts), the page, the check rows and
// the CSV read this table: to add a question, add one entry here and its wording under `referral.`.
// Follows the purpose of Aomori's FAX sheet (seed 002) and Katori's flow (seed 001): an agency brings a
// case it cannot handle alone.
import * as z from 'zod/mini';
import type { Condition, FieldSpec, FormVocabulary } from './form-model';
import { ageGroups, normalizePhone, normalizeText } from './inquiry-fields';

/** The agencies seed 002 names, and その他. */
export const agencyKinds = ['chiikiHoukatsu', 'shakyo', 'kosodate', 'kyotakuKaigo', 'shougaiSoudan', 'iryouRenkei', 'shakaiFukushiHoujin', 'shakaiFukushiShisetsu', 'other'] as const;
/** How soon the agency needs an answer. */
export const urgencyLevels = ['urgent', 'soon', 'notUrgent'] as const;
/** What the agency asks for: advice, a joint visit, a case conference (支援会議 or 重層的支援会議). */
export const referralRequests = ['advice', 'jointVisit', 'shienKaigi', 'juusouKaigi'] as const;
/** The person's consent to share: 同意あり / 同意なし・確認できない. */
export const shareConsent = ['agreed', 'notConfirmed'] as const;

export const SITUATION_MAX = 2000;

const phoneShape = /^0\d{9,10}$/;
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (max: number) => () => z.string().check(z.overwrite(normalizeText), z.maxLength(max, 'form.error.tooLong'));
const oneOf = (values: readonly string[], message: string) => z.string().check(z.refine((x) => values.includes(x), message));

const otherAgency: Condition = { field: 'agencyKind', anyOf: ['other'] };

export const referralFields = [
  {
    name: 'agencyName', control: 'text', section: 'agency', required: true,
    label: 'referral.agencyName.label', missing: 'referral.error.agencyName', sensitivity: 'none', csv: true,
    autocomplete: 'organization', value: text(100),
  },
  {
    name: 'agencyKind', control: 'radio', options: agencyKinds, section: 'agency', required: true,
    label: 'referral.agencyKind.legend', optionKey: 'referral.agencyKind.', missing: 'referral.error.agencyKind', sensitivity: 'none', csv: true,
    value: () => oneOf(agencyKinds, 'referral.error.agencyKind'),
  },
  {
    name: 'agencyKindOther', control: 'text', section: 'agency', when: otherAgency, required: true,
    label: 'referral.agencyKindOther.label', missing: 'referral.error.agencyKindOther', sensitivity: 'none', csv: true,
    value: text(100),
  },
  {
    name: 'workerName', control: 'text', section: 'agency', required: true,
    label: 'referral.workerName.label', missing: 'referral.error.workerName', sensitivity: 'contact', csv: true,
    autocomplete: 'name', value: text(50),
  },
  {
    name: 'workerPhone', control: 'tel', section: 'agency', required: true,
    label: 'referral.workerPhone.label', hint: 'referral.workerPhone.hint', missing: 'referral.error.workerPhone', invalid: 'referral.error.workerPhoneInvalid', sensitivity: 'contact', csv: true,
    autocomplete: 'tel', inputMode: 'tel',
    value: () => z.string().check(z.overwrite(normalizePhone), z.regex(phoneShape, 'referral.error.workerPhoneInvalid')),
  },
  {
    name: 'workerEmail', control: 'email', section: 'agency', required: false,
    label: 'referral.workerEmail.label', invalid: 'referral.error.workerEmailInvalid', sensitivity: 'contact', csv: true,
    autocomplete: 'email',
    value: () => z.string().check(z.overwrite((s) => s.normalize('NFKC').trim()), z.maxLength(254, 'referral.error.workerEmailInvalid'), z.regex(emailShape, 'referral.error.workerEmailInvalid')),
  },
  {
    name: 'personName', control: 'text', section: 'person', required: true,
    label: 'referral.personName.label', hint: 'referral.personName.hint', missing: 'referral.error.personName', sensitivity: 'contact', csv: true,
    autocomplete: 'off', value: text(50),
  },
  {
    name: 'personAge', control: 'radio', options: ageGroups, section: 'person', required: true,
    label: 'referral.personAge.legend', optionKey: 'form.personAge.', missing: 'referral.error.personAge', sensitivity: 'special', csv: true,
    value: () => oneOf(ageGroups, 'referral.error.personAge'),
  },
  {
    name: 'district', control: 'select', options: { from: 'districts', after: ['unknown'] }, section: 'person', required: true,
    label: 'referral.district.label', missing: 'referral.error.district', sensitivity: 'contact', csv: true,
    value: (v: FormVocabulary) => oneOf([...v.districts, 'unknown'], 'referral.error.district'),
  },
  {
    name: 'household', control: 'text', section: 'person', required: false,
    label: 'referral.household.label', hint: 'referral.household.hint', sensitivity: 'special', csv: true,
    autocomplete: 'off', value: text(200),
  },
  {
    name: 'categories', control: 'checkbox', options: { from: 'categories' }, section: 'case', required: true,
    label: 'referral.categories.legend', hint: 'referral.categories.hint', optionKey: 'category.', missing: 'referral.error.categories', sensitivity: 'special', csv: true,
    value: (v: FormVocabulary) => z.array(oneOf(v.categories, 'referral.error.categories')),
  },
  {
    name: 'situation', control: 'textarea', section: 'case', required: true,
    label: 'referral.situation.label', hint: 'referral.situation.hint', missing: 'referral.error.situation', sensitivity: 'special', csv: true,
    value: text(SITUATION_MAX),
  },
  {
    name: 'involved', control: 'textarea', section: 'case', required: false,
    label: 'referral.involved.label', hint: 'referral.involved.hint', sensitivity: 'special', csv: true,
    value: text(500),
  },
  {
    name: 'urgency', control: 'radio', options: urgencyLevels, section: 'request', required: true,
    label: 'referral.urgency.legend', optionKey: 'referral.urgency.', missing: 'referral.error.urgency', sensitivity: 'none', csv: true,
    value: () => oneOf(urgencyLevels, 'referral.error.urgency'),
  },
  {
    name: 'requests', control: 'checkbox', options: referralRequests, section: 'request', required: true,
    label: 'referral.requests.legend', hint: 'referral.requests.hint', optionKey: 'referral.requests.', missing: 'referral.error.requests', sensitivity: 'none', csv: true,
    value: () => z.array(oneOf(referralRequests, 'referral.error.requests')),
  },
  {
    name: 'shareConsent', control: 'radio', options: shareConsent, section: 'request', required: true,
    label: 'referral.shareConsent.legend', hint: 'referral.shareConsent.hint', optionKey: 'referral.shareConsent.', missing: 'referral.error.shareConsent', sensitivity: 'special', csv: true,
    value: () => oneOf(shareConsent, 'referral.error.shareConsent'),
  },
] as const satisfies readonly FieldSpec<z.ZodMiniType>[];

export type ReferralField = (typeof referralFields)[number];

/** The page's h2 sections, in order (keys referral.section.*). */
export const referralSections = ['agency', 'person', 'case', 'request'] as const;
