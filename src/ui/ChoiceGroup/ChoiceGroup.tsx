import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, HintAndError, Mark, type FieldParts } from '../field-parts';

export interface Choice {
  value: string;
  label: ReactNode;
  /** Native props for this option's input (name, checked state, event handlers …). */
  input?: InputHTMLAttributes<HTMLInputElement>;
}

/**
 * Radios or checkboxes in a fieldset whose legend is the question (Digital Agency: ラジオボタン /
 * チェックボックス). The hint and error describe the group; each input carries the error state.
 * `legend` may hold a heading (the wizard's one question per page); `legendHidden` keeps it for
 * screen readers only when the page already says it.
 */
export function ChoiceGroup({ id, label, required, marks, hint, error, describedByExtra, type, choices, legendHidden, legendClassName, className, idFor, mark = true, children }: FieldParts & {
  type: 'radio' | 'checkbox';
  choices: Choice[];
  legendHidden?: boolean;
  legendClassName?: string;
  className?: string;
  /** The id of an option's input (default `${id}-${value}`). */
  idFor?: (value: string) => string;
  /** False hides the ※必須/※任意 mark (the wizard asks every question). */
  mark?: boolean;
  /** Nested groups after the choices (the wizard's troubles, grouped by life area). */
  children?: ReactNode;
}) {
  const parts = { id, hint, error, describedByExtra, marks };
  const optionId = idFor ?? ((v: string) => `${id}-${v}`);
  return (
    <fieldset className={['field', className].filter(Boolean).join(' ')} id={id} aria-describedby={describedBy(parts)} tabIndex={-1}>
      <legend className={legendHidden ? 'visually-hidden' : (legendClassName ?? 'label')}>
        {label}
        {mark && <Mark required={required} marks={marks} />}
      </legend>
      <HintAndError {...parts} />
      {choices.map((c) => (
        <div className="choice" key={c.value}>
          <input id={optionId(c.value)} type={type} value={c.value} aria-invalid={error ? true : undefined} {...c.input} />
          <label htmlFor={optionId(c.value)}>{c.label}</label>
        </div>
      ))}
      {children}
    </fieldset>
  );
}
