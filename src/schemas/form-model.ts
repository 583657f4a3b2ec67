// The form model: a form is ONE table of fields (see inquiry-fields.ts). Everything else — the zod
// schema, the order of problems, the island and the no-JS page, the check-your-answers rows, the CSV —
// is read from it, so a field is added in one place (plus its wording in the locale files).
import * as z from 'zod/mini';

// Why a condition is data and not a function: the same rule must run in the browser, on the server,
// in CSS (no-JS pages hide what does not apply with :has) and in the test that walks every state.

/** Content-dependent option lists, filled in from this municipality's content. */
export interface FormVocabulary {
  categories: readonly string[];
  windows: readonly string[];
  districts: readonly string[];
}

/** Shown (and, if `required`, required) only while one of `anyOf` is chosen in `field`. */
export interface Condition {
  field: string;
  anyOf: readonly string[];
}

export type ControlKind = 'radio' | 'checkbox' | 'select' | 'text' | 'textarea' | 'tel' | 'email' | 'consent';

/** 要配慮個人情報 (health, welfare, family circumstances), contact data, or neither. */
export type Sensitivity = 'special' | 'contact' | 'none';

export interface FieldSpec<V = unknown> {
  name: string;
  control: ControlKind;
  /** Fixed options, or the name of a content list (with fixed extras before or after, such as 'any'/'unknown'). */
  options?: readonly string[] | { from: keyof FormVocabulary; before?: readonly string[]; after?: readonly string[] };
  /** The heading (h2 section) the field sits under, and an optional fieldset inside it. */
  section: string;
  fieldset?: string;
  /** The value a select starts with when it has a natural "no preference" choice (never for a required question). */
  initial?: string;
  /** The one visibility rule: hidden fields are never required and their values are ignored. */
  when?: Condition;
  /** Required whenever shown. */
  required: boolean;
  /** i18n keys. The label is the legend for radio/checkbox groups. */
  label: string;
  hint?: string;
  /** i18n key prefix of an option's wording: `${optionKey}${value}`. */
  optionKey?: string;
  /** The message when a required field is missing; it names the question. */
  missing?: string;
  /** The message when a value is not acceptable (defaults to `missing`); it names the question. */
  invalid?: string;
  sensitivity: Sensitivity;
  /** Column in the staff CSV export; false for fields staff do not need there (the consent box). */
  csv: boolean;
  /** HTML autocomplete token and input mode for text controls. */
  autocomplete?: string;
  inputMode?: 'tel' | 'email' | 'text';
  /** Validator for a present value (zod/mini), given the content lists. */
  value: (v: FormVocabulary) => V;
}

export type FormValues = Record<string, unknown>;

/** The values of a field as a list (checkbox groups are lists, radios and selects a single value). */
export const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);

export function isShown(field: Pick<FieldSpec, 'name' | 'when'>, values: FormValues): boolean {
  if (!field.when) return true;
  const { field: dep, anyOf } = field.when;
  return asList(values[dep]).some((x) => anyOf.includes(x));
}

export const isRequired = (field: Pick<FieldSpec, 'name' | 'when' | 'required'>, values: FormValues) => field.required && isShown(field, values);

/** A value the sender gave: not empty, not an empty list, not an unticked box. */
export const isGiven = (v: unknown) => !(v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0));

/**
 * What is validated and stored: only the table's fields, only those shown for these answers, and only
 * given values (empty optional text is "not given", not invalid). Client and server both call this.
 */
export function shownValues(fields: readonly FieldSpec[], values: FormValues, exact = false): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = values[f.name];
    if (!isShown(f, values)) continue;
    // A JSON body says exactly what it means: a null, a number or a lone string where a list belongs is
    // an error to name, not something to tidy into shape (the form's own values are tidied below).
    if (exact) { if (v !== undefined) out[f.name] = v; continue; }
    if (f.control === 'checkbox') out[f.name] = asList(v);
    // A ticked box reads 'on' from a form and from a checkbox with a value; the schema wants true.
    else if (f.control === 'consent') { if (isGiven(v)) out[f.name] = v === true || v === 'on' || v === 'true' ? true : v; }
    else if (isGiven(v)) out[f.name] = v;
  }
  return out;
}

export function optionsOf(field: FieldSpec, vocab: FormVocabulary): readonly string[] {
  if (!field.options) return [];
  if (Array.isArray(field.options)) return field.options;
  const o = field.options as { from: keyof FormVocabulary; before?: readonly string[]; after?: readonly string[] };
  return [...(o.before ?? []), ...vocab[o.from], ...(o.after ?? [])];
}

/** The id of a field's control, and of the control an error-summary link moves focus to. */
export const controlId = (name: string) => `f-${name}`;
export const optionId = (name: string, value: string) => `f-${name}-${value}`;
export function focusTargetId(field: FieldSpec, vocab: FormVocabulary): string {
  const first = optionsOf(field, vocab)[0];
  return (field.control === 'radio' || field.control === 'checkbox') && first ? optionId(field.name, first) : controlId(field.name);
}

/**
 * Turns a form-encoded body (no-JS form, URLSearchParams) into values: repeated keys of checkbox
 * fields become lists, the consent box becomes true. Keys that are not fields are left out.
 */
export function valuesFromForm(fields: readonly FieldSpec[], form: URLSearchParams | FormData): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const all = form.getAll(f.name).filter((x): x is string => typeof x === 'string');
    if (f.control === 'checkbox') out[f.name] = all;
    else if (f.control === 'consent') out[f.name] = all.some((x) => x === 'on' || x === 'true');
    else if (all[0] !== undefined && all[0] !== '') out[f.name] = all[0];
  }
  return out;
}

/** Shown answers as name/value pairs for hidden inputs (a no-JS check page carries them on). */
export function hiddenPairs(fields: readonly FieldSpec[], shown: FormValues): [string, string][] {
  return fields.flatMap((f) => {
    const v = shown[f.name];
    if (f.control === 'consent') return v === true ? [[f.name, 'on'] as [string, string]] : [];
    return asList(v).map((x) => [f.name, x] as [string, string]);
  });
}

const cssString = (s: string) => JSON.stringify(s);

/**
 * Without JavaScript, fields whose condition is not met are hidden by CSS (:has), from the same
 * conditions; browsers without :has show every field, and the server still ignores what does not apply.
 * The island removes them from the page instead once it runs.
 */
export function conditionCss(formSelector: string, fields: readonly FieldSpec[], wrapperAttr = 'data-when'): string {
  const groups = new Map<string, Condition>();
  for (const f of fields) if (f.when) groups.set(whenKey(f.when), f.when);
  const rules = [...groups].map(([key, c]) => {
    const chosen = c.anyOf.map((v) => `[name=${cssString(c.field)}][value=${cssString(v)}]:checked`).join(', ');
    return `${formSelector}:not(:has(${chosen})) [${wrapperAttr}=${cssString(key)}] { display: none; }`;
  });
  return `@supports selector(:has(a)) { ${rules.join(' ')} }`;
}

/** A condition as an attribute value, to tie a wrapper to its CSS rule. */
export const whenKey = (c: Condition) => `${c.field}:${c.anyOf.join(',')}`;

// ---- The schema and its problems, built from a table (every form: the inquiry, the 連絡票) ----

/** A table of fields whose validators are zod/mini types. */
export type FieldTable = readonly FieldSpec<z.ZodMiniType>[];
/** The zod shape a table gives: every field optional (the table's own rule says what is required). */
export type ShapeOf<T extends FieldTable> = { [F in T[number] as F['name']]: z.ZodMiniOptional<ReturnType<F['value']>> };

/**
 * The schema for one table and one municipality's lists, plus `extra` keys that are not questions
 * (the page's locale). A field that is required while shown and not given is named with its `missing`
 * message; every problem is reported in one round.
 */
export function createFormSchema<T extends FieldTable, E extends Record<string, z.ZodMiniType>>(fields: T, v: FormVocabulary, extra: E) {
  const shape = Object.fromEntries(fields.map((f) => [f.name, z.optional(f.value(v))])) as unknown as ShapeOf<T>;
  return z.object({ ...shape, ...extra }).check(
    // The one visibility rule decides what is required: a field that is not shown never is.
    z.superRefine((d, ctx) => {
      const values = d as Record<string, unknown>;
      for (const f of fields) {
        if (f.missing && isRequired(f, values) && !isGiven(values[f.name])) {
          ctx.issues.push({ code: 'custom', path: [f.name], message: f.missing, input: values[f.name] });
        }
        // A list names each choice once: 3,000 copies of one category are a 400, not 3,000 rows.
        const list = values[f.name];
        if (Array.isArray(list) && new Set(list).size !== list.length) {
          ctx.issues.push({ code: 'custom', path: [f.name], message: 'form.error.repeated', input: list });
        }
      }
    }, {
      // Run even when other fields already failed, so every problem shows in one round.
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  );
}

/** Fields every submission must carry whatever else it says (required and never hidden): an API's required list. */
export const alwaysRequired = (fields: readonly FieldSpec[]) => fields.filter((f) => f.required && !f.when).map((f) => f.name);

/** Message keys that do not name their question: shown after the question's label. */
const genericKeys = new Set(['form.error.tooLong', 'form.error.invalid', 'form.error.required', 'form.error.repeated']);

/**
 * Field → message key for every problem, first problem per field, in table order. Every key names its
 * question: a field's own key (one of `ownPrefixes`), or a generic one that errorLine shows after its label.
 */
export function formProblems(fields: readonly FieldSpec[], issues: readonly { path: PropertyKey[]; message: string }[], input: Record<string, unknown>, ownPrefixes: readonly string[] = ['form.error.']): { field: string; key: string }[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const found = new Map<string, string>();
  for (const i of issues) {
    const field = String(i.path[0] ?? 'form');
    if (found.has(field)) continue;
    const spec = byName.get(field);
    const own = ownPrefixes.some((p) => i.message.startsWith(p)) ? i.message : undefined;
    const fallback = !isGiven(input[field]) && spec?.missing ? spec.missing : (spec?.invalid ?? 'form.error.invalid');
    found.set(field, own ?? fallback);
  }
  const rank = (f: string) => fields.findIndex((x) => x.name === f) + 1 || 99;
  return [...found].map(([field, key]) => ({ field, key })).sort((a, b) => rank(a.field) - rank(b.field));
}

/** The error line for a field, naming the question. */
export function formErrorLine(fields: readonly FieldSpec[], field: string, key: string, t: (key: string) => string): string {
  const spec = fields.find((f) => f.name === field);
  return spec && genericKeys.has(key) ? `${t(spec.label)}: ${t(key)}` : t(key);
}
