import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { ariaState, HintAndError, Mark, type FieldParts } from '../field-parts';

/** A multi-line input with its label (Digital Agency: テキストエリア). `after` holds e.g. a character count. */
export function Textarea({ id, label, required, marks, hint, error, describedByExtra, after, className, ...textarea }: FieldParts & TextareaHTMLAttributes<HTMLTextAreaElement> & { after?: ReactNode }) {
  const parts = { id, label, required, marks, hint, error, describedByExtra };
  return (
    <div className="field">
      <label className="label" htmlFor={id}>{label}<Mark required={required} marks={marks} /></label>
      <HintAndError {...parts} />
      <textarea id={id} className={['text-input', className].filter(Boolean).join(' ')} {...ariaState(parts)} {...textarea} />
      {after}
    </div>
  );
}
