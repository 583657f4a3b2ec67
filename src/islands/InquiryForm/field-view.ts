// How a field of the table reads on a page: its options' wording, its answer on the check page, its
// error-summary line. Shared by the island and the no-JS pages, so both say the same.
import { asList, focusTargetId, isShown, optionsOf, type FormVocabulary } from '@/schemas/form-model';
import { errorLine, inquiryFields, type InquiryField } from '@/schemas/inquiry';

/** This page's content lists, with names as the locale shows them. */
export interface FormContent {
  windows: { id: string; name: string }[];
  districts: { id: string; name: string }[];
  categories: string[];
}

/** Translates a key to its text with ruby notation (rendered through richText, or as text in <option>). */
export type Tk = (key: string) => string;

export const vocabOf = (c: FormContent): FormVocabulary => ({ categories: c.categories, windows: c.windows.map((w) => w.id), districts: c.districts.map((d) => d.id) });

/** The wording of one option of a field. */
export function optionLabel(f: InquiryField, value: string, c: FormContent, tk: Tk): string {
  if (f.name === 'area') return value === 'unknown' ? tk('form.area.unknown') : (c.districts.find((d) => d.id === value)?.name ?? value);
  if (f.name === 'window') return value === 'any' ? tk('form.window.any') : (c.windows.find((w) => w.id === value)?.name ?? value);
  return 'optionKey' in f ? tk(`${f.optionKey}${value}`) : value;
}

export const optionsFor = (f: InquiryField, c: FormContent) => optionsOf(f, vocabOf(c));

/** One row of check-your-answers for each field shown for these answers (the consent box aside). */
export function checkRows(values: Record<string, unknown>, c: FormContent, tk: Tk): { name: string; label: string; answer: string }[] {
  return inquiryFields
    .filter((f) => f.control !== 'consent' && isShown(f, values))
    .map((f) => {
      const v = values[f.name];
      const chosen = asList(v);
      const answer = 'options' in f ? chosen.map((x) => optionLabel(f, x, c, tk)).join('、') : typeof v === 'string' ? v : '';
      return { name: f.name, label: tk(f.label), answer: answer || tk('form.notAnswered') };
    });
}

/** Error-summary items in form order, each linking to its field and naming its question. */
export function errorItems(errors: Record<string, string>, c: FormContent, tk: Tk): { fieldId: string; message: string }[] {
  return inquiryFields.filter((f) => errors[f.name]).map((f) => ({ fieldId: focusTargetId(f, vocabOf(c)), message: errorLine(f.name, errors[f.name]!, tk) }));
}
