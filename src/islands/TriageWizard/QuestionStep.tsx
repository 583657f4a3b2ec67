import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { UiKey } from '@/i18n/translator-types';
import { richText, type IslandTranslate } from '@/islands/shared/island-translator';
import type { Flow, FlowNode } from '@/schemas/flow';
import type { Answers } from '@/triage/engine';
import { ChoiceGroup } from '@/ui/ChoiceGroup';
import { ErrorSummary } from '@/ui/ErrorSummary';

interface Props {
  node: FlowNode;
  flow: Flow;
  answers: Answers;
  /** Ordered category ids, for grouping troubles by life area. */
  categories: string[];
  t: IslandTranslate;
  progress: { current: number; total: number };
  onAnswer: (value: string | string[]) => void;
  onBack?: () => void;
}

/**
 * One question per step (GOV.UK pattern): a fieldset whose legend holds the step heading, which takes
 * focus when the step appears. Validation runs on submit; errors show in a summary that takes focus.
 */
export function QuestionStep({ node, flow, answers, categories, t, progress, onAnswer, onBack }: Props) {
  const isTroubles = node.kind === 'troubles';
  const previous = answers[node.id];
  // The native radios/checkboxes hold the answer; it is read from the form when sent.
  const [invalid, setInvalid] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [node.id]);

  // Every message names its question (the troubles' message names 困っていること itself).
  const errorMessage = isTroubles ? t.raw('triage.errorChooseTrouble') : t.raw('triage.errorNamed', { question: t.raw(`triage.q.${node.id}.question` as UiKey) });
  const firstInputId = `${node.id}-${isTroubles ? flow.troubles[0]!.id : node.options[0]}`;
  const hintKey = `triage.q.${node.id}.hint` as UiKey;
  const hintText = t.raw(hintKey);
  const hint = hintText !== hintKey ? hintText : undefined;
  const error = invalid ? errorMessage : undefined;
  const chosen = (form: HTMLFormElement) => new FormData(form).getAll('answer').filter((v): v is string => typeof v === 'string');
  const isValid = (v: string[]) => (node.kind === 'single' ? v.length === 1 && node.options.includes(v[0]!) : v.length > 0);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = chosen(e.currentTarget);
    if (!isValid(v)) return setInvalid(true);
    onAnswer(node.kind === 'single' ? v[0]! : v);
  };
  // Once shown, the error goes as soon as an answer is chosen (and comes back if it is taken away).
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    if (invalid) setInvalid(!isValid(chosen(e.currentTarget)));
  };
  const was = (value: string) => (Array.isArray(previous) ? previous.includes(value) : previous === value);
  const marks = { required: null, optional: null, errorPrefix: t.rich('triage.errorTitlePrefix') };
  const choice = (value: string, label: string) => ({ value, label: richText(label), input: { 'aria-invalid': error ? (true as const) : undefined, name: 'answer', defaultChecked: was(value) } });
  const heading2 = <h2 ref={heading} tabIndex={-1} className="question__heading">{t.rich(`triage.q.${node.id}.question` as UiKey)}</h2>;

  return (
    <form noValidate onSubmit={onSubmit} onChange={onChange}>
      <ErrorSummary title={t.raw('triage.errorSummaryTitle')} errors={error ? [{ fieldId: firstInputId, message: error }] : []} />
      <p className="progress">{t.rich('triage.progress', progress)}</p>
      {/* One question per page: the legend is the page's question heading (shared ChoiceGroup primitive). */}
      <ChoiceGroup
        id={node.id}
        className="question"
        legendClassName=""
        label={heading2}
        required
        mark={false}
        marks={marks}
        hint={hint && richText(hint)}
        error={error && richText(error)}
        type={isTroubles || node.kind === 'multi' ? 'checkbox' : 'radio'}
        choices={isTroubles ? [] : node.options.map((o) => choice(o, t.raw(`triage.opt.${node.id}.${o}` as UiKey)))}
      >
        {isTroubles &&
          categories.map((c) => {
            const items = flow.troubles.filter((tr) => tr.category === c);
            if (!items.length) return null;
            return (
              <ChoiceGroup
                key={c}
                id={`${node.id}-group-${c}`}
                className="trouble-group"
                legendClassName="trouble-group__legend"
                label={t.rich(`category.${c}` as UiKey)}
                required
                mark={false}
                marks={marks}
                type="checkbox"
                idFor={(v) => `${node.id}-${v}`}
                choices={items.map((tr) => choice(tr.id, t.raw(`triage.trouble.${tr.id}` as UiKey)))}
              />
            );
          })}
      </ChoiceGroup>
      <div className="actions">
        <button type="submit" className="button">{t.rich('triage.continue')}</button>
        {onBack && <button type="button" className="button button--secondary" onClick={onBack}>{t.rich('triage.back')}</button>}
      </div>
    </form>
  );
}
