// How a field of the 連絡票's table reads on a page: an option's wording, its answer on the check page,
// its error-summary line. Shared by the form, the check step and the tests.
import { asList, focusTargetId, isShown, optionsOf, type FormVocabulary } from '@/schemas/form-model';
import { referralErrorLine, referralFields, type ReferralField } from '@/schemas/referral';

/** This page's content lists, with names as the locale shows them. */
export interface ReferralContent {
  districts: { id: string; name: string }[];
  categories: string[];
}

/** Translates a key to its text with ruby notation. */
export type Tk = (key: string) => string;

export const referralVocab = (c: ReferralContent): FormVocabulary => ({ categories: c.categories, windows: [], districts: c.districts.map((d) => d.id) });

export const referralOptions = (f: ReferralField, c: ReferralContent) => optionsOf(f, referralVocab(c));

/** The wording of one option: a district by its name, anything else by its key. */
export function referralOptionLabel(f: ReferralField, value: string, c: ReferralContent, tk: Tk): string {
  if (f.name === 'district') return value === 'unknown' ? tk('form.area.unknown') : (c.districts.find((d) => d.id === value)?.name ?? value);
  return 'optionKey' in f ? tk(`${f.optionKey}${value}`) : value;
}

/** One check-page row per field shown for these answers. */
export function referralCheckRows(values: Record<string, unknown>, c: ReferralContent, tk: Tk): { name: string; label: string; answer: string }[] {
  return referralFields
    .filter((f) => isShown(f, values))
    .map((f) => {
      const v = values[f.name];
      const answer = 'options' in f ? asList(v).map((x) => referralOptionLabel(f, x, c, tk)).join('、') : typeof v === 'string' ? v : '';
      return { name: f.name, label: tk(f.label), answer: answer || tk('form.notAnswered') };
    });
}

/** Error-summary items in table order, each linking to its field and naming its question. */
export function referralErrorItems(errors: Record<string, string>, c: ReferralContent, tk: Tk): { fieldId: string; message: string }[] {
  return referralFields.filter((f) => errors[f.name]).map((f) => ({ fieldId: focusTargetId(f, referralVocab(c)), message: referralErrorLine(f.name, errors[f.name]!, tk) }));
}
