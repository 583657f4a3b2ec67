import type { InputHTMLAttributes } from 'react';
import { ariaState, HintAndError, Mark, type FieldParts } from '../field-parts';

/** A single-line input with its label (Digital Agency: テキストフィールド). Native input props pass through. */
export function TextField({ id, label, required, marks, hint, error, describedByExtra, className, ...input }: FieldParts & InputHTMLAttributes<HTMLInputElement>) {
  const parts = { id, label, required, marks, hint, error, describedByExtra };
  return (
    <div className="field">
      <label className="label" htmlFor={id}>{label}<Mark required={required} marks={marks} /></label>
      <HintAndError {...parts} />
      <input id={id} type="text" className={['text-input', className].filter(Boolean).join(' ')} {...ariaState(parts)} {...input} />
    </div>
  );
}
