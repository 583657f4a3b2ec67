import { useWatch, type Control } from 'react-hook-form';
import { DETAILS_MAX } from '@/schemas/inquiry';
import type { IslandTranslate } from '@/islands/shared/island-translator';
import type { FormValues } from './values';

/**
 * How many characters are left in 相談内容 (details). Its own component watching only that field:
 * a keystroke re-renders this line, not the whole form.
 */
export function DetailsCounter({ id, control, t }: { id: string; control: Control<FormValues>; t: IslandTranslate }) {
  const details = useWatch({ control, name: 'details' });
  const length = String(details ?? '').length;
  return (
    <p id={id} className="hint" aria-live="polite">
      {length <= DETAILS_MAX ? t.rich('form.details.counter', { remaining: DETAILS_MAX - length }) : t.rich('form.details.over', { over: length - DETAILS_MAX })}
    </p>
  );
}
