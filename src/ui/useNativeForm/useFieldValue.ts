import { useSyncExternalStore } from 'react';
import type { FormValues } from '@/schemas/form-model';
import type { NativeForm } from './useNativeForm';

/**
 * One field's value as state of the component that calls this: only that component re-renders when
 * the field changes (a characters-left counter, not the whole form).
 */
export function useFieldValue<V extends FormValues>(form: Pick<NativeForm<V>, 'subscribe' | 'latest'>, name: string, initial: unknown): unknown {
  return useSyncExternalStore(form.subscribe, () => form.latest()[name], () => initial);
}
