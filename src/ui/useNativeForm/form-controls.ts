// Reading and setting a form's named controls directly: the form IS the state (no copy kept in sync
// on every keystroke), so what the resident typed is never lost to a re-render.
import type { FieldSpec, FormValues } from '@/schemas/form-model';

type Field = Pick<FieldSpec, 'name' | 'control' | 'initial'>;

/** The controls of one field in this form (none when the field is not in the page, e.g. hidden). */
const controlsOf = (form: HTMLFormElement, name: string) =>
  [...form.elements].filter((el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement => 'name' in el && (el as HTMLInputElement).name === name);

/**
 * The values of the fields that are in the form now, as the controls give them: a checkbox group is
 * a list, the consent box a boolean, anything else a string ('' when empty, so clearing a field is
 * seen). Fields not in the page are left out: their last values are kept by the caller.
 */
export function readControls(form: HTMLFormElement, fields: readonly Field[]): FormValues {
  const data = new FormData(form);
  const out: FormValues = {};
  for (const f of fields) {
    if (!controlsOf(form, f.name).length) continue;
    const all = data.getAll(f.name).filter((x): x is string => typeof x === 'string');
    out[f.name] = f.control === 'checkbox' ? all : f.control === 'consent' ? all.some((x) => x === 'on' || x === 'true') : (all[0] ?? '');
  }
  return out;
}

/** Sets the controls of every field named in `values` (others are left as they are). */
export function writeControls(form: HTMLFormElement, fields: readonly Field[], values: FormValues): void {
  for (const f of fields) {
    if (!(f.name in values)) continue;
    const v = values[f.name];
    for (const el of controlsOf(form, f.name)) {
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        el.checked = f.control === 'consent' ? v === true || v === 'on' : Array.isArray(v) ? v.map(String).includes(el.value) : v === el.value;
      } else {
        el.value = typeof v === 'string' ? v : (f.initial ?? '');
      }
    }
  }
}
