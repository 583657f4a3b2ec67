import type { ReactNode, SelectHTMLAttributes } from 'react';
import { ariaState, HintAndError, Mark, type FieldParts } from '../field-parts';

/** A drop-down with its label (Digital Agency: セレクトボックス). Options are native <option> children. */
export function Select({ id, label, required, marks, hint, error, describedByExtra, className, children, ...select }: FieldParts & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const parts = { id, label, required, marks, hint, error, describedByExtra };
  return (
    <div className="field">
      <label className="label" htmlFor={id}>{label}<Mark required={required} marks={marks} /></label>
      <HintAndError {...parts} />
      <select id={id} className={['text-input', className].filter(Boolean).join(' ')} {...ariaState(parts)} {...select}>{children}</select>
    </div>
  );
}
