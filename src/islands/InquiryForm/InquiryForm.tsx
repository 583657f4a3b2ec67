import type { Locale } from '@/i18n/locales';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { createIslandTranslator, richText } from '@/islands/shared/island-translator';
import { rubyToText } from '@/i18n/ruby';
import type { UiKey } from '@/i18n/translator-types';
import { accommodationOptions, ageGroups, consentStates, contactMethods, createInquirySchema, discretionOptions, replyLanguages, writerIds } from '@/schemas/inquiry';
import { ErrorSummary } from '@/ui/ErrorSummary';
import { describedBy, Field, FieldGroup } from '@/ui/FormField';
import { ConfirmationView, type ConfirmationProps } from './ConfirmationView';
import { DetailsCounter, detailsCounterId } from './DetailsCounter';
import { firstInputId } from './field-ids';
import { draft, readRenderedForm, validate, withoutEmpty, type FormValues } from './values';
import type { InquiryReply } from '@/schemas/inquiry-api';

export interface InquiryFormProps {
  /** UI strings this form uses (inquiry.*, form.*, confirm.*, api.*, category.*, contact.*). */
  messages: Record<string, string>;
  locale: Locale;
  windows: { id: string; name: string }[];
  districts: { id: string; name: string }[];
  categories: string[];
  /** From the wizard's link: a window and categories, never free text. */
  prefill: { window?: string; categories?: string[] };
  /** Rendered by the server for this page view: a retry reuses it, so nothing is stored twice. */
  idempotencyKey: string;
  startedAt: number;
  /** A no-JS post that came back with errors: what was typed, and the problems (message keys). */
  initial?: { values: FormValues; errors: Record<string, string> };
  /** False where the page renders its own error summary (the no-JS error page). */
  showSummary?: boolean;
}

type Stage = 'form' | 'check' | 'done';
type Done = Omit<ConfirmationProps, 't'>;

/**
 * 相談を送る. Server-rendered as a plain HTML form that posts to /soudan/okuru/ (works without
 * JavaScript); once hydrated it validates on submit with the shared schema, shows a check-answers
 * step and sends JSON to /api/inquiries. Nothing typed is ever cleared.
 */
export function InquiryForm(props: InquiryFormProps) {
  const { locale, windows, districts, categories, prefill, idempotencyKey, startedAt } = props;
  const t = useMemo(() => createIslandTranslator(locale, props.messages), [locale, props.messages]);
  // Strings with their ruby notation (やさしい日本語); rendered through richText, readings in brackets in <option>.
  const tk = (key: string, options?: Record<string, unknown>) => t.raw(key as UiKey, options);
  // Built on the first check, not while hydrating: building a zod schema is a long task on a slow phone.
  const schema = useRef<ReturnType<typeof createInquirySchema>>(undefined);
  const schemaNow = () =>
    (schema.current ??= createInquirySchema({ categories, windows: windows.map((w) => w.id), districts: districts.map((d) => d.id) }));
  // Only pre-filled fields, and whatever the rendered form already holds, get a default.
  const [rendered] = useState(() => readRenderedForm(typeof document === 'undefined' ? undefined : document));
  const defaults: FormValues = {
    ...(prefill.categories?.length ? { categories: prefill.categories } : {}),
    ...(prefill.window ? { window: prefill.window } : {}),
    ...props.initial?.values,
    ...rendered,
  };
  const form = useForm<FormValues>({ defaultValues: defaults, shouldFocusError: false });
  const { register, handleSubmit, watch, reset, setFocus, getValues } = form;
  const [stage, setStage] = useState<Stage>('form');
  const [errors, setErrors] = useState<Record<string, string>>(props.initial?.errors ?? {});
  const [sendError, setSendError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<Done>();
  const [mounted, setMounted] = useState(false);
  const stageHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const saved = draft.load();
    // What the page shows now wins: a box ticked while React was taking over must not be undone.
    if (saved) reset({ ...getValues(), ...saved, consent: false, ...readRenderedForm(document) });
    setMounted(true);
    const sub = watch((values) => draft.save(values as FormValues));
    return () => sub.unsubscribe();
  }, []);
  useEffect(() => {
    if (stage !== 'form') stageHeading.current?.focus();
    window.scrollTo?.(0, 0);
  }, [stage]);
  useEffect(() => {
    const prefix = t('triage.errorTitlePrefix');
    const base = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
    document.title = Object.keys(errors).length ? `${prefix}${base}` : base;
  }, [errors]);

  // Only the answers that change which fields show: watching the whole form re-rendered all of it
  // for each field registering while hydrating, and on every keystroke.
  const [writer, contactMethodsValue] = useWatch({ control: form.control, name: ['writer', 'contactMethods'] });
  const proxy = writer !== 'self';
  const methods = Array.isArray(contactMethodsValue) ? contactMethodsValue : [];
  // Before hydration every field shows (the no-JS form); afterwards only what the answers need.
  const show = (when: boolean) => !mounted || when;
  const marks = { required: tk('inquiry.requiredMark'), optional: tk('inquiry.optionalMark'), error: tk('triage.errorTitlePrefix') };
  const err = (name: string) => (errors[name] ? tk(errors[name]!) : undefined);
  const fieldText = (name: string, required: boolean, label = `form.${name}.label`) => {
    const hintKey = `form.${name}.hint`;
    return { label: tk(label), hint: props.messages[hintKey] ? tk(hintKey) : undefined, error: err(name), required, marks };
  };
  const inputProps = (name: string, required: boolean) => ({
    id: `f-${name}`,
    className: 'text-input',
    'aria-describedby': describedBy(`f-${name}`, fieldText(name, required)),
    'aria-invalid': errors[name] ? (true as const) : undefined,
    // The server-rendered form shows what was typed (no-JS round trip); RHF takes over after hydration.
    defaultValue: typeof defaults[name] === 'string' ? (defaults[name] as string) : undefined,
    ...register(name),
  });
  const choices = (name: string, options: readonly string[], type: 'radio' | 'checkbox', label: (o: string) => string, required: boolean, legendKey = `form.${name}.legend`) => (
    <FieldGroup id={`f-${name}`} {...fieldText(name, required, legendKey)}>
      {options.map((o) => {
        const dv = defaults[name];
        return (
          <div className="choice" key={o}>
            <input
              type={type}
              id={`f-${name}-${o}`}
              value={o}
              defaultChecked={Array.isArray(dv) ? dv.includes(o) : dv === o}
              aria-invalid={errors[name] ? true : undefined}
              {...register(name)}
            />
            <label htmlFor={`f-${name}-${o}`}>{richText(label(o))}</label>
          </div>
        );
      })}
    </FieldGroup>
  );

  const onValid = (v: FormValues) => {
    const result = validate(schemaNow(), { ...v, locale });
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) setStage('check');
  };

  const send = async () => {
    setSending(true);
    setSendError(undefined);
    try {
      const body = { ...withoutEmpty(getValues()), locale, idempotencyKey, startedAt };
      const res = await fetch(`/api/inquiries?locale=${encodeURIComponent(locale)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const data = (await res.json().catch(() => ({}))) as InquiryReply;
      if ((res.status === 201 || res.status === 200) && data.receipt) {
        draft.clear();
        // Window names as this page shows them (the API answers in Japanese; やさしい日本語 adds ruby).
        const named = (data.windows ?? []).map((w: { id: string; name: string; phone: string | null }) => ({ ...w, name: windows.find((x) => x.id === w.id)?.name ?? w.name }));
        setDone({ receipt: data.receipt, windows: named, coordinator: Boolean(data.coordinator) });
        setStage('done');
      } else if (res.status === 400 && data.fields) {
        setErrors(Object.fromEntries(data.fields.map((f) => [f.field, f.key])));
        setStage('form');
      } else {
        setSendError(data.error && props.messages[data.error] ? t.raw(data.error as UiKey) : (data.message ?? t.raw('api.error.server')));
      }
    } catch {
      setSendError(t.raw('form.networkError'));
    } finally {
      setSending(false);
    }
  };

  if (stage === 'done' && done) return <ConfirmationView {...done} t={t} printable headingRef={stageHeading} />;

  if (stage === 'check') {
    const v = getValues();
    const show = (name: string, kind: 'text' | 'choice' | 'list', prefix = `form.${name}.`): string => {
      const value = v[name];
      if (Array.isArray(value)) return value.length ? value.map((x) => tk(name === 'categories' ? `category.${x}` : `${prefix}${x}`)).join('、') : t.raw('form.notAnswered');
      if (typeof value === 'boolean') return value ? t.raw('form.yes') : t.raw('form.notAnswered');
      if (!value) return t.raw('form.notAnswered');
      if (name === 'window') return value === 'any' ? t.raw('form.window.any') : (windows.find((w) => w.id === value)?.name ?? value);
      if (name === 'area') return value === 'unknown' ? t.raw('form.area.unknown') : (districts.find((d) => d.id === value)?.name ?? value);
      return kind === 'choice' ? tk(`${prefix}${value}`) : value;
    };
    const rows: (readonly [string, string, 'text' | 'choice' | 'list'])[] = [
      ['writer', 'form.writer.legend', 'choice'],
      ...(proxy ? ([['relationship', 'form.relationship.label', 'text'], ['personAge', 'form.personAge.legend', 'choice'], ['personConsent', 'form.personConsent.legend', 'choice']] as const) : []),
      ['area', 'form.area.label', 'text'], ['categories', 'form.categories.legend', 'list'], ['details', 'form.details.label', 'text'], ['window', 'form.window.label', 'text'],
      ['contactMethods', 'form.contactMethods.legend', 'list'],
      ...contactMethods.flatMap((m) => (m === 'phone' || m === 'email' || m === 'fax') && methods.includes(m) ? [[m, `form.${m}.label`, 'text'] as const] : []),
      ...(methods.includes('homeVisit') ? ([['address', 'form.address.label', 'text']] as const) : []),
      ['safeTimes', 'form.safeTimes.label', 'text'], ['discretion', 'form.discretion.legend', 'list'], ['name', 'form.name.label', 'text'], ['nameKana', 'form.nameKana.label', 'text'],
      ['language', 'form.language.label', 'choice'], ['accommodations', 'form.accommodations.legend', 'list'],
    ];
    return (
      <section aria-labelledby="check-heading">
        <h2 id="check-heading" ref={stageHeading} tabIndex={-1}>{t.rich('form.checkHeading')}</h2>
        <p>{t.rich('form.checkLead')}</p>
        {sendError && <div className="error-summary" role="alert"><p>{richText(sendError)}</p></div>}
        <dl className="summary-list">
          {rows.map(([name, labelKey, kind]) => (
            <div className="summary-list__row" key={name}>
              <dt>{richText(tk(labelKey))}</dt>
              <dd className="preserve-lines">{richText(show(name, kind))}</dd>
              <dd>
                <button type="button" className="link-button" onClick={() => { setStage('form'); setTimeout(() => setFocus(name), 0); }}>
                  {t.rich('form.change')}<span className="visually-hidden">{t.rich('form.changeHidden', { label: tk(labelKey) })}</span>
                </button>
              </dd>
            </div>
          ))}
        </dl>
        <div className="actions">
          <button type="button" className="button" onClick={send} aria-disabled={sending || undefined}>{sending ? t.rich('form.submitting') : t.rich('form.submit')}</button>
          <button type="button" className="button button--secondary" onClick={() => setStage('form')}>{t.rich('form.back')}</button>
        </div>
      </section>
    );
  }

  const errorList = Object.keys(errors).map((name) => ({ fieldId: firstInputId(name, categories), message: tk(errors[name]!) }));
  return (
    <form method="post" action={t.path('/soudan/okuru/')} noValidate onSubmit={handleSubmit(onValid, () => undefined)} className="inquiry-form">
      {props.showSummary !== false && <ErrorSummary title={tk('triage.errorSummaryTitle')} errors={errorList} />}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="startedAt" value={startedAt} />
      <input type="hidden" name="locale" value={locale} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="f-website">{t.rich('form.honeypot')}</label>
        <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <h2>{t.rich('inquiry.section.writer')}</h2>
      {choices('writer', writerIds, 'radio', (o) => tk(`form.writer.${o}`), true)}
      {show(proxy) && (
        <fieldset className="subsection">
          <legend className="label">{t.rich('form.proxy.legend')}</legend>
          <p className="hint">{t.rich('form.proxy.hint')}</p>
          <Field id="f-relationship" {...fieldText('relationship', true)}>
            <input type="text" autoComplete="off" {...inputProps('relationship', true)} />
          </Field>
          {choices('personAge', ageGroups, 'radio', (o) => tk(`form.personAge.${o}`), true)}
          {choices('personConsent', consentStates, 'radio', (o) => tk(`form.personConsent.${o}`), true)}
        </fieldset>
      )}

      <h2>{t.rich('inquiry.section.troubles')}</h2>
      <Field id="f-area" {...fieldText('area', true)}>
        <select {...inputProps('area', true)}>
          <option value="" disabled>―</option>
          {districts.map((d) => <option key={d.id} value={d.id}>{rubyToText(d.name)}</option>)}
          <option value="unknown">{rubyToText(t.raw('form.area.unknown'))}</option>
        </select>
      </Field>
      {choices('categories', categories, 'checkbox', (o) => tk(`category.${o}`), true)}
      <Field id="f-details" {...fieldText('details', true)}>
        <textarea rows={8} {...inputProps('details', true)} aria-describedby={`${describedBy('f-details', fieldText('details', true))} ${detailsCounterId}`} />
        <DetailsCounter control={form.control} t={t} />
      </Field>
      <Field id="f-window" {...fieldText('window', false)}>
        <select {...inputProps('window', false)}>
          <option value="any">{rubyToText(t.raw('form.window.any'))}</option>
          {windows.map((w) => <option key={w.id} value={w.id} lang="ja">{rubyToText(w.name)}</option>)}
        </select>
      </Field>

      <h2>{t.rich('inquiry.section.contact')}</h2>
      {choices('contactMethods', contactMethods, 'checkbox', (o) => tk(`form.contactMethods.${o}`), true)}
      {show(methods.includes('phone')) && (
        <Field id="f-phone" {...fieldText('phone', methods.includes('phone'))}>
          <input type="tel" inputMode="tel" autoComplete="tel" {...inputProps('phone', methods.includes('phone'))} />
        </Field>
      )}
      {show(methods.includes('email')) && (
        <Field id="f-email" {...fieldText('email', methods.includes('email'))}>
          <input type="email" autoComplete="email" {...inputProps('email', methods.includes('email'))} />
        </Field>
      )}
      {show(methods.includes('fax')) && (
        <Field id="f-fax" {...fieldText('fax', methods.includes('fax'))}>
          <input type="tel" inputMode="tel" {...inputProps('fax', methods.includes('fax'))} />
        </Field>
      )}
      {show(methods.includes('homeVisit')) && (
        <Field id="f-address" {...fieldText('address', methods.includes('homeVisit'))}>
          <input type="text" autoComplete="street-address" {...inputProps('address', methods.includes('homeVisit'))} />
        </Field>
      )}
      <Field id="f-safeTimes" {...fieldText('safeTimes', false)}>
        <input type="text" {...inputProps('safeTimes', false)} />
      </Field>
      {choices('discretion', discretionOptions, 'checkbox', (o) => tk(`form.discretion.${o}`), false)}

      <h2>{t.rich('inquiry.section.about')}</h2>
      <p className="hint">{t.rich('form.whyRequired')}</p>
      <Field id="f-name" {...fieldText('name', true)}>
        <input type="text" autoComplete="name" {...inputProps('name', true)} />
      </Field>
      <Field id="f-nameKana" {...fieldText('nameKana', false)}>
        <input type="text" {...inputProps('nameKana', false)} />
      </Field>
      <Field id="f-language" {...fieldText('language', true)}>
        <select {...inputProps('language', true)}>
          {/* Each language is named in its own script and marked with its lang (WCAG 3.1.2). */}
          {replyLanguages.map((l) => <option key={l} value={l} lang={l === 'ja' || l === 'easyJa' || l === 'other' ? undefined : l}>{rubyToText(t.raw(`form.language.${l}` as UiKey))}</option>)}
        </select>
      </Field>
      {choices('accommodations', accommodationOptions, 'checkbox', (o) => tk(`form.accommodations.${o}`), false)}

      <h2>{t.rich('inquiry.section.privacy')}</h2>
      <h3>{t.rich('form.privacy.purposeHeading')}</h3>
      <ul>
        <li>{t.rich('form.privacy.purpose1')}</li>
        <li>{t.rich('form.privacy.purpose2')}</li>
        <li>{t.rich('form.privacy.purpose3')}</li>
      </ul>
      <div className="field">
        {err('consent') && <p id="f-consent-error" className="error-text"><span className="visually-hidden">{t.rich('triage.errorTitlePrefix')}</span>{richText(err('consent')!)}</p>}
        <div className="choice">
          <input type="checkbox" id="f-consent" defaultChecked={defaults.consent === true} aria-describedby={err('consent') ? 'f-consent-error' : undefined} aria-invalid={errors.consent ? true : undefined} {...register('consent')} />
          <label htmlFor="f-consent">{t.rich('form.consent.label')}<span className="required">{t.rich('inquiry.requiredMark')}</span></label>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button">{mounted ? t.rich('form.check') : t.rich('form.submit')}</button>
      </div>
    </form>
  );
}
