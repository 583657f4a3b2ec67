import type { Locale } from '@/i18n/locales';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createIslandTranslator } from '@/islands/shared/island-translator';
import type { Area } from '@/schemas/area';
import type { Hotline } from '@/schemas/hotline';
import { currentNode, effectiveAnswers, nextNode, path, triage, type Answers, type TriageData } from '@/triage/engine';
import { handoffFrom } from '@/triage/handoff';
import { shareHref } from '@/triage/share';
import { QuestionStep } from './QuestionStep';
import { ResultView } from './ResultView';
import { Summary } from './Summary';
import { clearStoredAnswers, loadStoredAnswers, storeAnswers, storeHandoff } from './storage';

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
 * The stage is kept in this history entry's state (never its URL; it holds only a question id), so
 * coming Back to the wizard from a window page, or reloading, shows the result again instead of the summary.
 */
const HISTORY_KEY = 'triageStage';
const stageInHistory = (): Stage | undefined => {
  const s = (history.state as Record<string, unknown> | null)?.[HISTORY_KEY];
  return s && typeof s === 'object' && 'kind' in s ? (s as Stage) : undefined;
};

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

  // Restore after a reload or a Back from another page (sessionStorage, same tab only): where the
  // resident was, if those answers still lead there; otherwise the first unanswered question.
  useEffect(() => {
    const stored = loadStoredAnswers();
    if (!Object.keys(stored).length) return;
    setAnswers(stored);
    const next = currentNode(flow, stored);
    const was = stageInHistory();
    const urgentNow = flow.nodes.some((n) => n.urgentWhen.includes(stored[n.id] as string));
    if (was?.kind === 'result' && (!next || urgentNow)) return setStage(was);
    if (was?.kind === 'question' && path(flow, stored).some((n) => n.id === was.nodeId)) return setStage(was);
    setStage(next ? { kind: 'question', nodeId: next.id, fromSummary: false } : { kind: 'summary' });
  }, []);
  useEffect(() => {
    try {
      history.replaceState({ ...(history.state as object | null), [HISTORY_KEY]: stage }, '');
    } catch {
      /* history state unavailable: a reload then starts at the first unanswered question */
    }
    if (stage.kind === 'result') resultHeading.current?.focus();
  }, [stage]);

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
    // Stored now, so 相談を送る can be a plain link to /soudan/ (nothing in its URL).
    const handoff = handoffFrom(flow, result, answers);
    storeHandoff(handoff);
    return wrapper(
      <ResultView
        result={result}
        windows={data.windows}
        hotlines={hotlines}
        areas={areas}
        t={t}
        shareHref={shareHref(flow, answers)}
        handoff={handoff}
        handoffBy="storage"
        change={{ onClick: () => setStage({ kind: 'summary' }) }}
        onRestart={restart}
        headingRef={resultHeading}
      />,
    );
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
