import { useCallback, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { FieldSpec, FormValues } from '@/schemas/form-model';
import { readControls, writeControls } from './form-controls';

type Field = Pick<FieldSpec, 'name' | 'control' | 'initial'>;

export interface NativeForm<V extends FormValues> {
  /** For the <form> element. */
  ref: RefObject<HTMLFormElement | null>;
  /** For the form's onChange (event delegation: one handler sees every control). */
  onChange: (e?: FormEvent<HTMLFormElement>) => void;
  /** Every field's value, read from the form now; a field taken out of the page keeps its last one (never cleared). */
  values: () => V;
  /** The values as of the last change or reset, without reading the form (cheap, for rendering). */
  latest: () => V;
  /** The answers other fields depend on: the only state whose change re-renders the form. */
  watched: FormValues;
  /** Sets the controls (and the kept values) to these values, without re-mounting anything. */
  reset: (values: V) => void;
  /** Called after each change, with every value (a draft, a counter). Returns the unsubscribe. */
  subscribe: (listener: (values: V) => void) => () => void;
}

const pick = (v: FormValues, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, v[n]]));
const same = (a: FormValues, b: FormValues) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form whose native, named controls hold the answers (uncontrolled inputs with default values).
 * Instead of a form library in the browser: values are read from the form (FormData), only the
 * answers in `watch` are React state, and listeners (draft, counter) hear every change.
 */
export function useNativeForm<V extends FormValues>(fields: readonly Field[], initial: () => V, watch: readonly string[]): NativeForm<V> {
  const ref = useRef<HTMLFormElement>(null);
  const kept = useRef<V>(undefined);
  kept.current ??= initial();
  const [watched, setWatched] = useState(() => pick(kept.current!, watch));
  const listeners = useRef(new Set<(values: V) => void>());

  const settle = useCallback(() => {
    const next = pick(kept.current!, watch);
    setWatched((prev) => (same(prev, next) ? prev : next));
    for (const l of listeners.current) l(kept.current!);
  }, [watch]);

  const onChange = useCallback(() => {
    if (!ref.current) return;
    kept.current = { ...kept.current!, ...readControls(ref.current, fields) } as V;
    settle();
  }, [fields, settle]);

  const values = useCallback(() => {
    if (ref.current) kept.current = { ...kept.current!, ...readControls(ref.current, fields) } as V;
    return kept.current!;
  }, [fields]);
  const latest = useCallback(() => kept.current!, []);

  const reset = useCallback((v: V) => {
    kept.current = { ...v };
    if (ref.current) writeControls(ref.current, fields, v);
    settle();
  }, [fields, settle]);

  const subscribe = useCallback((listener: (values: V) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  return { ref, onChange, values, latest, watched, reset, subscribe };
}
