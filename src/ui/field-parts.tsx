// What every primitive shares: the label text, the requirement mark, the hint and the error, and the
// aria-describedby that ties them to the control. Each primitive passes native props straight through.
import type { ReactNode } from 'react';
import { ErrorText } from './ErrorText';
import { RequirementMark } from './RequirementMark';
import { SupportText } from './SupportText';

export interface FieldParts {
  id: string;
  label: ReactNode;
  /** Required (※必須) or optional (※任意); the mark's words come with `marks`. */
  required: boolean;
  marks: { required: ReactNode; optional: ReactNode; errorPrefix: ReactNode };
  hint?: ReactNode;
  error?: ReactNode;
  /** Further ids the control is described by (a character count). */
  describedByExtra?: string;
}

export function describedBy(p: Pick<FieldParts, 'id' | 'hint' | 'error' | 'describedByExtra'>): string | undefined {
  return [p.hint && `${p.id}-hint`, p.error && `${p.id}-error`, p.describedByExtra].filter(Boolean).join(' ') || undefined;
}

export const Mark = ({ required, marks }: Pick<FieldParts, 'required' | 'marks'>) => (
  <RequirementMark required={required}>{required ? marks.required : marks.optional}</RequirementMark>
);

export function HintAndError({ id, hint, error, marks }: Pick<FieldParts, 'id' | 'hint' | 'error' | 'marks'>) {
  return (
    <>
      {hint && <SupportText id={`${id}-hint`}>{hint}</SupportText>}
      {error && <ErrorText id={`${id}-error`} prefix={marks.errorPrefix}>{error}</ErrorText>}
    </>
  );
}

/** The control's state in aria-*: described by its hint and error, invalid while it has an error. */
export const ariaState = (p: FieldParts) => ({
  'aria-describedby': describedBy(p),
  'aria-invalid': p.error ? (true as const) : undefined,
});
