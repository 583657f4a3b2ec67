import { useFieldValue, type NativeForm } from '@/ui/useNativeForm';
import { DETAILS_MAX, normalizeText } from '@/schemas/inquiry';
import type { IslandTranslate } from '@/islands/shared/island-translator';
import type { FormValues } from './values';

/** The counter's id: the details field lists it in aria-describedby. */
export const detailsCounterId = 'f-details-counter';

/**
 * How many characters are left in 相談内容 (details), counted as the schema counts them. Its own
 * component watching only that field: a keystroke re-renders this line, not the whole form.
 */
export function DetailsCounter({ form, t }: { form: NativeForm<FormValues>; t: IslandTranslate }) {
  const details = useFieldValue(form, 'details', form.latest().details);
  const length = normalizeText(String(details ?? '')).length;
  return (
    <p id={detailsCounterId} className="hint" aria-live="polite">
      {length <= DETAILS_MAX ? t.rich('form.details.counter', { remaining: DETAILS_MAX - length }) : t.rich('form.details.over', { over: length - DETAILS_MAX })}
    </p>
  );
}
