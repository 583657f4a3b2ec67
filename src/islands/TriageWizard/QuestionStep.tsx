import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
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

type StepValues = { answer: string | string[] };

/**
 * One question per step (GOV.UK pattern): a fieldset whose legend holds the step heading, which takes
 * focus when the step appears. Validation runs on submit; errors show in a summary that takes focus.
 */
export function QuestionStep({ node, flow, answers, categories, t, progress, onAnswer, onBack }: Props) {
  const isTroubles = node.kind === 'troubles';
  const previous = answers[node.id];
  const { register, handleSubmit, formState } = useForm<StepValues>({
    defaultValues: { answer: previous ?? (node.kind === 'single' ? '' : []) },
    shouldFocusError: false,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [node.id]);

  const errorMessage = t.raw(isTroubles ? 'triage.errorChooseTrouble' : node.kind === 'multi' ? 'triage.errorChooseSome' : 'triage.errorChooseOne');
  const firstInputId = `${node.id}-${isTroubles ? flow.troubles[0]!.id : node.options[0]}`;
  const hintKey = `triage.q.${node.id}.hint` as UiKey;
  const hintText = t.raw(hintKey);
  const hint = hintText !== hintKey ? hintText : undefined;
  const error = formState.errors.answer ? errorMessage : undefined;
  const field = register('answer', {
    validate: (v) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' && node.options.includes(v)),
  });
  const marks = { required: null, optional: null, errorPrefix: t.rich('triage.errorTitlePrefix') };
  const choice = (value: string, label: string) => ({ value, label: richText(label), input: { 'aria-invalid': error ? (true as const) : undefined, ...field } });
  const heading2 = <h2 ref={heading} tabIndex={-1} className="question__heading">{t.rich(`triage.q.${node.id}.question` as UiKey)}</h2>;

  return (
    <form noValidate onSubmit={handleSubmit((v) => onAnswer(v.answer))}>
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
