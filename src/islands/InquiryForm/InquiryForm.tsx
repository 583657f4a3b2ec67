import type { Locale } from '@/i18n/locales';
import { Fragment, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createIslandTranslator, richText } from '@/islands/shared/island-translator';
import { rubyToText } from '@/i18n/ruby';
import type { UiKey } from '@/i18n/translator-types';
import { controlId, focusTargetId, isRequired, isShown, optionId, whenKey } from '@/schemas/form-model';
import { HANDOFF_STORAGE_KEY } from '@/schemas/handoff';
import { createInquirySchema, inquiryFields, inquirySections, inquiryValues, type InquiryField } from '@/schemas/inquiry';
import { ChoiceGroup } from '@/ui/ChoiceGroup';
import { ErrorSummary } from '@/ui/ErrorSummary';
import { revealFocus } from '@/ui/revealFocus';
import { useNativeForm } from '@/ui/useNativeForm';
import { Select } from '@/ui/Select';
import { Textarea } from '@/ui/Textarea';
import { TextField } from '@/ui/TextField';
import { ConfirmationView, type ConfirmationProps } from './ConfirmationView';
import { DetailsCounter, detailsCounterId } from './DetailsCounter';
import { checkRows, errorItems, optionLabel, optionsFor, vocabOf, type FormContent } from './field-view';
import { prefillValues, type Prefill } from './prefill';
import { INTRO_ID } from './intro';
import { clearStoredAnswers } from '@/islands/TriageWizard/storage';
import { draft, fieldValuesOnly, readRenderedForm, validate, type FormValues } from './values';
import type { InquiryReply } from '@/schemas/inquiry-api';

export interface InquiryFormProps {
  /** UI strings this form uses (inquiry.*, form.*, confirm.*, api.*, category.*, contact.*). */
  messages: Record<string, string>;
  locale: Locale;
  windows: { id: string; name: string }[];
  districts: { id: string; name: string }[];
  categories: string[];
  /** From the wizard (posted without JavaScript): ids only, never free text. */
  prefill: Prefill;
  /** Rendered by the server for this page view: a retry reuses it, so nothing is stored twice. */
  idempotencyKey: string;
  /** The signed start time the server issued (src/server/form-start.ts). */
  startedAt: string;
  /** A no-JS post that came back (errors, or 変更 from the check page): what was typed, and the problems. */
  initial?: { values: FormValues; errors: Record<string, string> };
  /** False where the page renders its own error summary (the no-JS error page). */
  showSummary?: boolean;
}

type Stage = 'form' | 'check' | 'done';
type Done = Omit<ConfirmationProps, 't'>;

/** Names of the fields other fields depend on (watched, so the form re-renders only when they change). */
const dependedOn = [...new Set(inquiryFields.flatMap((f) => ('when' in f ? [f.when.field] : [])))];

/**
 * 相談を送る, rendered from the field table. Server-rendered as a plain HTML form that posts to
 * /soudan/okuru/ (works without JavaScript; CSS hides what does not apply); once hydrated it shows
 * only the fields the answers call for, validates with the shared schema, shows a check-answers step
 * and sends JSON to /api/inquiries. Nothing typed is ever cleared, except by 「入力内容を消す」.
 */
export function InquiryForm(props: InquiryFormProps) {
  const { locale, windows, districts, categories, idempotencyKey, startedAt } = props;
  const t = useMemo(() => createIslandTranslator(locale, props.messages), [locale, props.messages]);
  // Strings with their ruby notation (やさしい日本語); rendered through richText, readings in brackets in <option>.
  const tk = (key: string) => t.raw(key as UiKey);
  const content: FormContent = { windows, districts, categories };
  // Built on the first check, not while hydrating: building a zod schema is a long task on a slow phone.
  const schema = useRef<ReturnType<typeof createInquirySchema>>(undefined);
  const schemaNow = () => (schema.current ??= createInquirySchema(vocabOf(content)));
  // Only pre-filled fields, and whatever the rendered form already holds, get a default.
  const [defaults] = useState<FormValues>(() => ({ ...prefillValues(props.prefill, content), ...props.initial?.values, ...readRenderedForm(typeof document === 'undefined' ? undefined : document) }));
  // The native controls hold the answers; only those other fields depend on are React state.
  const form = useNativeForm<FormValues>(inquiryFields, () => defaults, dependedOn);
  const { reset, values: getValues } = form;
  const [stage, setStage] = useState<Stage>('form');
  const [errors, setErrors] = useState<Record<string, string>>(props.initial?.errors ?? {});
  const [sendError, setSendError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<Done>();
  const [mounted, setMounted] = useState(false);
  const stageHeading = useRef<HTMLHeadingElement>(null);
  const formPageTitle = useRef<string>(undefined);

  useEffect(() => {
    // The wizard's hand-off: read once, then removed, so it is not left on the device.
    let handoff: FormValues = {};
    try {
      const raw = sessionStorage.getItem(HANDOFF_STORAGE_KEY);
      sessionStorage.removeItem(HANDOFF_STORAGE_KEY);
      if (raw) handoff = prefillValues(JSON.parse(raw) as Prefill, content);
    } catch {
      /* storage disabled or not JSON: nothing to pre-fill */
    }
    const saved = draft.load();
    // What the resident changed while React was taking over wins: a box ticked then must not be undone.
    const now = readRenderedForm(document);
    const typed = Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(defaults[k])));
    if (saved || Object.keys(handoff).length) reset({ ...getValues(), ...handoff, ...(saved ? fieldValuesOnly(saved) : {}), consent: false, ...typed });
    else form.onChange();
    setMounted(true);
  }, []);
  // What is typed is kept for this tab (sessionStorage: a reload, even of the check page, loses nothing;
  // other tabs and later sessions never see it). Cleared on send, by 「入力内容を消す」 and by the quick exit.
  useEffect(() => form.subscribe((values) => draft.save(values)), []);
  useEffect(() => {
    // The check page and the receipt are pages of their own: their heading is the h1 and their name the
    // title. The page's introduction (its h1 「相談を送る」 and lead) stands aside meanwhile.
    const intro = document.getElementById(INTRO_ID);
    if (intro) intro.hidden = stage !== 'form';
    const formTitle = t.raw('inquiry.title');
    formPageTitle.current ??= document.title;
    const stageTitle = stage === 'check' ? t.raw('form.checkHeading') : stage === 'done' ? t.raw('confirm.title') : formTitle;
    document.title = formPageTitle.current.replace(formTitle, stageTitle);
    if (stage !== 'form') revealFocus(stageHeading.current);
  }, [stage]);
  useEffect(() => {
    const prefix = t('triage.errorTitlePrefix');
    const base = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
    document.title = Object.keys(errors).length ? `${prefix}${base}` : base;
  }, [errors]);

  // Only the answers that change which fields show: watching the whole form re-rendered all of it
  // for each field registering while hydrating, and on every keystroke.
  const deps = form.watched;
  // Before hydration every field is in the page (the no-JS form; CSS hides what does not apply).
  const show = (f: InquiryField) => !mounted || isShown(f, deps);
  const marks = { required: richText(tk('inquiry.requiredMark')), optional: richText(tk('inquiry.optionalMark')), errorPrefix: richText(tk('triage.errorTitlePrefix')) };
  const hintOf = (f: InquiryField) => ('hint' in f ? richText(tk(f.hint)) : undefined);
  const errorOf = (f: InquiryField) => (errors[f.name] ? richText(errorItems({ [f.name]: errors[f.name]! }, content, tk)[0]!.message) : undefined);

  const control = (f: InquiryField): ReactNode => {
    const id = controlId(f.name);
    // A conditional field is required whenever it is shown (and hidden otherwise, by React or by CSS).
    const common = { id, label: richText(tk(f.label)), required: mounted ? isRequired(f, deps) : f.required, marks, hint: hintOf(f), error: errorOf(f) };
    // What the control starts with when it (re)appears: the answer kept for it, typed or restored.
    const dv = form.latest()[f.name];
    switch (f.control) {
      case 'radio':
      case 'checkbox':
        return (
          <ChoiceGroup
            {...common}
            type={f.control}
            idFor={(v) => optionId(f.name, v)}
            choices={optionsFor(f, content).map((o) => ({
              value: o,
              label: richText(optionLabel(f, o, content, tk)),
              input: { name: f.name, defaultChecked: Array.isArray(dv) ? dv.includes(o) : dv === o },
            }))}
          />
        );
      case 'consent':
        return (
          <ChoiceGroup
            {...common}
            id={`${id}-group`}
            label={richText(tk('inquiry.section.privacy'))}
            legendHidden
            mark={false}
            type="checkbox"
            idFor={() => id}
            choices={[{ value: 'on', label: <>{richText(tk(f.label))}<span className="required">{marks.required}</span></>, input: { name: f.name, defaultChecked: dv === true } }]}
          />
        );
      case 'select':
        return (
          <Select {...common} defaultValue={typeof dv === 'string' ? dv : 'initial' in f ? f.initial : ''} name={f.name}>
            {/* Nothing is pre-chosen unless the table gives a natural start: an empty first option to change. */}
            {!('initial' in f) && <option value="">{rubyToText(tk('form.choose'))}</option>}
            {optionsFor(f, content).map((o) => (
              <option key={o} value={o} lang={f.name === 'window' && o !== 'any' ? 'ja' : f.name === 'language' && !['ja', 'easyJa', 'other'].includes(o) ? o : undefined}>{rubyToText(optionLabel(f, o, content, tk))}</option>
            ))}
          </Select>
        );
      case 'textarea': {
        const details = f.name === 'details';
        return (
          <Textarea
            {...common}
            rows={details ? 8 : 3}
            autoComplete={'autocomplete' in f ? f.autocomplete : undefined}
            defaultValue={typeof dv === 'string' ? dv : undefined}
            describedByExtra={details ? detailsCounterId : undefined}
            after={details ? <DetailsCounter form={form} t={t} /> : undefined}
            name={f.name}
          />
        );
      }
      default:
        return (
          <TextField
            {...common}
            type={f.control === 'text' ? 'text' : f.control}
            autoComplete={'autocomplete' in f ? f.autocomplete : undefined}
            inputMode={'inputMode' in f ? f.inputMode : undefined}
            defaultValue={typeof dv === 'string' ? dv : undefined}
            name={f.name}
          />
        );
    }
  };

  /** A field, wrapped so CSS can hide it without JavaScript while its condition is not met. */
  const field = (f: InquiryField) => {
    if (!show(f)) return null;
    return 'when' in f && !('fieldset' in f) ? <div key={f.name} data-when={whenKey(f.when)}>{control(f)}</div> : <Fragment key={f.name}>{control(f)}</Fragment>;
  };

  /** The fields of one section; a run of fields with the same `fieldset` goes in one fieldset. */
  const section = (name: (typeof inquirySections)[number]) => {
    const out: ReactNode[] = [];
    const fields = inquiryFields.filter((f) => f.section === name);
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (!('fieldset' in f)) { out.push(field(f)); continue; }
      const run = fields.slice(i).filter((x) => 'fieldset' in x && x.fieldset === f.fieldset);
      i += run.length - 1;
      if (!run.some(show)) continue;
      out.push(
        <fieldset key={f.fieldset} className="subsection" data-when={'when' in f ? whenKey(f.when) : undefined}>
          <legend className="label">{richText(tk(`form.${f.fieldset}.legend`))}</legend>
          <p className="hint">{richText(tk(`form.${f.fieldset}.hint`))}</p>
          {run.map(field)}
        </fieldset>,
      );
    }
    return out;
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const result = validate(schemaNow(), { ...getValues(), locale });
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) setStage('check');
  };

  /** 変更: back to the field's control (a group's first option), by the id the error summary uses too. */
  const focusField = (name: string) => {
    const f = inquiryFields.find((x) => x.name === name);
    if (f) document.getElementById(focusTargetId(f, vocabOf(content)))?.focus();
  };

  const clearAll = () => {
    // Reset first: the draft watcher saves on reset, and the draft is removed after it.
    reset(Object.fromEntries(inquiryFields.map((f) => [f.name, f.control === 'checkbox' ? [] : f.control === 'consent' ? false : 'initial' in f ? f.initial : ''])));
    draft.clear();
    setErrors({});
  };

  const send = async () => {
    setSending(true);
    setSendError(undefined);
    try {
      const body = { ...inquiryValues({ ...getValues(), locale }), idempotencyKey, startedAt };
      const res = await fetch(`/api/inquiries?locale=${encodeURIComponent(locale)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const data = (await res.json().catch(() => ({}))) as InquiryReply;
      if ((res.status === 201 || res.status === 200) && data.receipt) {
        draft.clear();
        // The wizard's answers go too: Back from the receipt must not show the troubles again.
        clearStoredAnswers();
        // Window names as this page shows them (the API answers in Japanese; やさしい日本語 adds ruby).
        const named = (data.windows ?? []).map((w: { id: string; name: string; phone: string | null }) => ({ ...w, name: windows.find((x) => x.id === w.id)?.name ?? w.name }));
        setDone({ receipt: data.receipt, windows: named, coordinator: Boolean(data.coordinator), overlap: Boolean(data.overlap), receivedAt: new Date().toISOString() });
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

  if (stage === 'done' && done) return <ConfirmationView {...done} t={t} printable headingRef={stageHeading} headingLevel={1} autoFocus={false} />;

  if (stage === 'check') {
    return (
      <section aria-labelledby="check-heading">
        <h1 id="check-heading" ref={stageHeading} tabIndex={-1}>{t.rich('form.checkHeading')}</h1>
        <p>{t.rich('form.checkLead')}</p>
        {sendError && <div className="error-summary" role="alert"><p>{richText(sendError)}</p></div>}
        <dl className="summary-list">
          {checkRows(getValues(), content, tk).map(({ name, label, answer }) => (
            <div className="summary-list__row" key={name}>
              <dt>{richText(label)}</dt>
              <dd className="preserve-lines">{richText(answer)}</dd>
              <dd>
                <button type="button" className="link-button" onClick={() => { setStage('form'); setTimeout(() => focusField(name), 0); }}>
                  {t.rich('form.change')}<span className="visually-hidden">{t.rich('form.changeHidden', { label })}</span>
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

  return (
    // Without JavaScript the next page (check answers, errors, receipt) opens at its heading: on a phone
    // the header and the emergency block would otherwise fill the first screen.
    <form method="post" action={t.path('/soudan/okuru/')} noValidate ref={form.ref} onChange={form.onChange} onSubmit={onSubmit} className="inquiry-form">
      {props.showSummary !== false && <ErrorSummary title={tk('triage.errorSummaryTitle')} errors={errorItems(errors, content, tk)} />}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="startedAt" value={startedAt} />
      <input type="hidden" name="locale" value={locale} />
      {/* The bot trap: out of sight, out of the accessibility tree and out of the tab order. */}
      <div className="trap" aria-hidden="true">
        <label htmlFor="f-website">{t.rich('form.honeypot')}</label>
        <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {mounted && (
        <p className="draft-choice hint">{t.rich('form.draft.note')}</p>
      )}

      {inquirySections.map((s) => (
        <Fragment key={s}>
          <h2>{t.rich(`inquiry.section.${s}` as UiKey)}</h2>
          {s === 'about' && <p className="hint">{t.rich('form.whyRequired')}</p>}
          {s === 'privacy' && (
            <>
              <h3>{t.rich('form.privacy.purposeHeading')}</h3>
              <ul>
                <li>{t.rich('form.privacy.purpose1')}</li>
                <li>{t.rich('form.privacy.purpose2')}</li>
                <li>{t.rich('form.privacy.purpose3')}</li>
              </ul>
            </>
          )}
          {section(s)}
        </Fragment>
      ))}
      <div className="actions">
        <button type="submit" className="button">{t.rich('form.check')}</button>
        {mounted && <button type="button" className="button button--secondary" onClick={clearAll}>{t.rich('form.draft.clear')}</button>}
      </div>
    </form>
  );
}
