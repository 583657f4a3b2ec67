import type { ReactNode } from 'react';
import { richText } from '@/islands/shared/island-translator';

export interface FieldText {
  label: string;
  hint?: string;
  error?: string;
  required: boolean;
  /** 「※必須」/「※任意」 in the page's language. */
  marks: { required: string; optional: string; error: string };
}

/** ids of a field's hint and error, for aria-describedby. */
export function describedBy(id: string, f: Pick<FieldText, 'hint' | 'error'>): string | undefined {
  return [f.hint && `${id}-hint`, f.error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function Mark({ required, marks }: Pick<FieldText, 'required' | 'marks'>) {
  return <span className={required ? 'required' : 'optional'}>{richText(required ? marks.required : marks.optional)}</span>;
}

function HintAndError({ id, hint, error, prefix }: { id: string; hint?: string; error?: string; prefix: string }) {
  return (
    <>
      {hint && <p id={`${id}-hint`} className="hint">{richText(hint)}</p>}
      {error && (
        <p id={`${id}-error`} className="error-text">
          <span className="visually-hidden">{richText(prefix)}</span>
          {richText(error)}
        </p>
      )}
    </>
  );
}

/** A single control with its label (Digital Agency pattern: label, mark, hint, error, control). */
export function Field({ id, children, ...f }: FieldText & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {richText(f.label)}
        <Mark required={f.required} marks={f.marks} />
      </label>
      <HintAndError id={id} hint={f.hint} error={f.error} prefix={f.marks.error} />
      {children}
    </div>
  );
}

/** A group of radios or checkboxes: fieldset + legend, hint and error tied to the group. */
export function FieldGroup({ id, children, ...f }: FieldText & { id: string; children: ReactNode }) {
  return (
    <fieldset className="field" id={id} aria-describedby={describedBy(id, f)} tabIndex={-1}>
      <legend className="label">
        {richText(f.label)}
        <Mark required={f.required} marks={f.marks} />
      </legend>
      <HintAndError id={id} hint={f.hint} error={f.error} prefix={f.marks.error} />
      {children}
    </fieldset>
  );
}
