// The 連絡票 form, rendered on the server only (no island, no hydration): a plain HTML form built from
// the field table with the shared primitives. Conditional fields are hidden by CSS (conditionCss) until
// their condition is met; the server ignores what does not apply.
import { Fragment, type ReactNode } from 'react';
import { richText, type IslandTranslate } from '@/islands/shared/island-translator';
import { rubyToText } from '@/i18n/ruby';
import type { UiKey } from '@/i18n/translator-types';
import { asList, controlId, optionId, whenKey } from '@/schemas/form-model';
import { referralFields, referralSections, type ReferralField } from '@/schemas/referral';
import { TRAP_FIELD } from '@/schemas/inquiry-api';
import { ChoiceGroup } from '@/ui/ChoiceGroup';
import { Select } from '@/ui/Select';
import { Textarea } from '@/ui/Textarea';
import { TextField } from '@/ui/TextField';
import { referralErrorItems, referralOptionLabel, referralOptions, type ReferralContent } from './referral-view';

export interface ReferralFormProps {
  t: IslandTranslate;
  locale: string;
  content: ReferralContent;
  action: string;
  idempotencyKey: string;
  /** The signed start time the server issued (src/server/form-start.ts). */
  startedAt: string;
  /** What was typed (after an error or 変更); never cleared. */
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

export function ReferralForm({ t, locale, content, action, idempotencyKey, startedAt, values, errors }: ReferralFormProps) {
  const tk = (key: string) => t.raw(key as UiKey);
  const marks = { required: richText(tk('inquiry.requiredMark')), optional: richText(tk('inquiry.optionalMark')), errorPrefix: richText(tk('triage.errorTitlePrefix')) };
  const errorOf = (f: ReferralField) => (errors[f.name] ? richText(referralErrorItems({ [f.name]: errors[f.name]! }, content, tk)[0]!.message) : undefined);

  const control = (f: ReferralField): ReactNode => {
    const id = controlId(f.name);
    const common = { id, label: richText(tk(f.label)), required: f.required, marks, hint: 'hint' in f ? richText(tk(f.hint)) : undefined, error: errorOf(f) };
    const v = values[f.name];
    switch (f.control) {
      case 'radio':
      case 'checkbox':
        return (
          <ChoiceGroup
            {...common}
            type={f.control}
            idFor={(o) => optionId(f.name, o)}
            choices={referralOptions(f, content).map((o) => ({ value: o, label: richText(referralOptionLabel(f, o, content, tk)), input: { name: f.name, defaultChecked: asList(v).includes(o) } }))}
          />
        );
      case 'select':
        return (
          <Select {...common} name={f.name} defaultValue={typeof v === 'string' ? v : ''}>
            <option value="">{rubyToText(tk('form.choose'))}</option>
            {referralOptions(f, content).map((o) => <option key={o} value={o}>{rubyToText(referralOptionLabel(f, o, content, tk))}</option>)}
          </Select>
        );
      case 'textarea':
        return <Textarea {...common} name={f.name} rows={f.name === 'situation' ? 8 : 3} defaultValue={typeof v === 'string' ? v : undefined} />;
      default:
        return (
          <TextField
            {...common}
            name={f.name}
            type={f.control === 'text' ? 'text' : f.control}
            autoComplete={'autocomplete' in f ? f.autocomplete : undefined}
            inputMode={'inputMode' in f ? f.inputMode : undefined}
            defaultValue={typeof v === 'string' ? v : undefined}
          />
        );
    }
  };

  return (
    // No #main on the action: a fragment would stop the next step's autofocus (the error summary, the
    // check or receipt heading), which is what moves a keyboard user there without JavaScript.
    <form method="post" action={action} noValidate className="inquiry-form referral-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="startedAt" value={startedAt} />
      <input type="hidden" name="locale" value={locale} />
      {/* The bot trap: out of sight, out of the accessibility tree and out of the tab order. */}
      <div className="trap" aria-hidden="true">
        <label htmlFor="f-website">{t.rich('form.honeypot')}</label>
        <input id="f-website" name={TRAP_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {referralSections.map((s) => (
        <Fragment key={s}>
          <h2>{t.rich(`referral.section.${s}` as UiKey)}</h2>
          {referralFields.filter((f) => f.section === s).map((f) => ('when' in f ? <div key={f.name} data-when={whenKey(f.when)}>{control(f)}</div> : <Fragment key={f.name}>{control(f)}</Fragment>))}
        </Fragment>
      ))}
      <div className="actions no-print">
        <button type="submit" className="button" name="step" value="check">{t.rich('referral.check')}</button>
      </div>
    </form>
  );
}
