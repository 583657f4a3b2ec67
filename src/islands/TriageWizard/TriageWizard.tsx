import type { Locale } from '@/i18n/locales';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createIslandTranslator } from '@/islands/shared/island-translator';
import type { Area } from '@/schemas/area';
import type { Hotline } from '@/schemas/hotline';
import { currentNode, effectiveAnswers, nextNode, path, triage, type Answers, type TriageData } from '@/triage/engine';
import { shareQuery } from '@/triage/share';
import { QuestionStep } from './QuestionStep';
import { ResultView } from './ResultView';
import { Summary } from './Summary';
import { clearStoredAnswers, loadStoredAnswers, storeAnswers } from './storage';

export interface TriageWizardProps {
  data: TriageData;
  /** The UI strings the wizard uses (see pickMessages), passed in so the bundle carries no locale file. */
  messages: Record<string, string>;
  locale: Locale;
  areas: Pick<Area, 'id' | 'name'>[];
  hotlines: Hotline[];
}

type Stage = { kind: 'question'; nodeId: string; fromSummary: boolean } | { kind: 'summary' } | { kind: 'result' };

/**
 * 相談先さがし: one question per step, a check-answers summary, then the result.
 * Answers live in memory and sessionStorage only; nothing goes into the URL.
 */
export function TriageWizard({ data, messages, locale, areas, hotlines }: TriageWizardProps) {
  const t = useMemo(() => createIslandTranslator(locale, messages), [locale, messages]);
  const { flow } = data;
  const categories = data.routing.categories.map((c) => c.id);
  const [answers, setAnswers] = useState<Answers>({});
  const [stage, setStage] = useState<Stage>({ kind: 'question', nodeId: flow.nodes[0]!.id, fromSummary: false });
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Restore after a reload (sessionStorage, same tab only).
  useEffect(() => {
    const stored = loadStoredAnswers();
    if (Object.keys(stored).length) {
      setAnswers(stored);
      const next = currentNode(flow, stored);
      setStage(next ? { kind: 'question', nodeId: next.id, fromSummary: false } : { kind: 'summary' });
    }
  }, []);
  useEffect(() => {
    if (stage.kind === 'result') resultHeading.current?.focus();
  }, [stage.kind]);

  const update = (next: Answers) => {
    setAnswers(next);
    storeAnswers(next);
  };
  const restart = () => {
    clearStoredAnswers();
    setAnswers({});
    setStage({ kind: 'question', nodeId: flow.nodes[0]!.id, fromSummary: false });
  };

  const wrapper = (child: React.ReactNode) => (
    <div className="triage-wizard">
      {child}
      {stage.kind !== 'result' && (
        <p className="restart">
          <button type="button" className="link-button" onClick={restart}>{t.rich('triage.restart')}</button>
        </p>
      )}
    </div>
  );

  if (stage.kind === 'summary') {
    return wrapper(
      <Summary flow={flow} answers={effectiveAnswers(flow, answers)} t={t} onChange={(nodeId) => setStage({ kind: 'question', nodeId, fromSummary: true })} onConfirm={() => setStage({ kind: 'result' })} />,
    );
  }
  if (stage.kind === 'result') {
    const result = triage(data, answers);
    const shareHref = result.sensitive ? undefined : `/sagasu/kekka/?${shareQuery(effectiveAnswers(flow, answers))}`;
    return wrapper(<ResultView result={result} windows={data.windows} hotlines={hotlines} areas={areas} t={t} shareHref={shareHref} onRestart={restart} headingRef={resultHeading} />);
  }

  const node = flow.nodes.find((n) => n.id === stage.nodeId)!;
  const steps = path(flow, answers);
  const index = Math.max(0, steps.findIndex((n) => n.id === node.id));
  const back = () => {
    if (stage.fromSummary) return setStage({ kind: 'summary' });
    const previous = steps[index - 1];
    if (previous) setStage({ kind: 'question', nodeId: previous.id, fromSummary: false });
  };
  return wrapper(
    <QuestionStep
      key={node.id}
      node={node}
      flow={flow}
      answers={answers}
      categories={categories}
      t={t}
      progress={{ current: index + 1, total: steps.length }}
      onBack={index > 0 || stage.fromSummary ? back : undefined}
      onAnswer={(value) => {
        const next = { ...answers, [node.id]: value };
        update(next);
        // Danger now: no more questions, the emergency numbers at once (the result shows them first).
        if (typeof value === 'string' && node.urgentWhen.includes(value)) return setStage({ kind: 'result' });
        // After a change from the summary, return there unless a new question now applies;
        // otherwise walk on to the next question (Back then Continue shows each step again).
        const following = stage.fromSummary ? currentNode(flow, next) : nextNode(flow, node.id, next);
        setStage(following ? { kind: 'question', nodeId: following.id, fromSummary: false } : { kind: 'summary' });
      }}
    />,
  );
}
