import { useEffect, useRef } from 'react';
import type { UiKey } from '@/i18n/translator-types';
import { richText, type IslandTranslate } from '@/islands/shared/island-translator';
import type { Flow } from '@/schemas/flow';
import { path, type Answers } from '@/triage/engine';

interface Props {
  flow: Flow;
  answers: Answers;
  t: IslandTranslate;
  onChange: (nodeId: string) => void;
  onConfirm: () => void;
}

/** Check-answers page: every answer with a 変更 button that names the question for screen readers. */
export function Summary({ flow, answers, t, onChange, onConfirm }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const label = (nodeId: string): string => {
    const a = answers[nodeId];
    if (Array.isArray(a)) return a.map((id) => t.raw((flow.nodes.find((n) => n.id === nodeId)?.kind === 'multi' ? `triage.opt.${nodeId}.${id}` : `triage.trouble.${id}`) as UiKey)).join('、');
    return a ? t.raw(`triage.opt.${nodeId}.${a}` as UiKey) : t.raw('triage.noAnswer');
  };
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" ref={heading} tabIndex={-1}>{t.rich('triage.summaryHeading')}</h2>
      <p>{t.rich('triage.summaryLead')}</p>
      <dl className="summary-list">
        {path(flow, answers).map((n) => {
          const question = t.raw(`triage.q.${n.id}.question` as UiKey);
          return (
            <div className="summary-list__row" key={n.id}>
              <dt>{t.rich(`triage.q.${n.id}.question` as UiKey)}</dt>
              <dd>{richText(label(n.id))}</dd>
              <dd>
                <button type="button" className="link-button" onClick={() => onChange(n.id)}>
                  {t.rich('triage.change')}<span className="visually-hidden">{t.rich('triage.changeHidden', { question })}</span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      <button type="button" className="button" onClick={onConfirm}>{t.rich('triage.seeResult')}</button>
    </section>
  );
}
