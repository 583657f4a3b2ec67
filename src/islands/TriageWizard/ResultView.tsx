// The wizard's result. Rendered in the browser by the island and on the server (without hydration)
// by the no-JS result route, so both paths show exactly the same thing.
import { useEffect } from 'react';
import type { UiKey } from '@/i18n/translator-types';
import { richText, type IslandTranslate } from '@/islands/shared/island-translator';
import { factsStale } from '@/lib/facts-check';
import { telHref } from '@/lib/phone';
import type { Area } from '@/schemas/area';
import type { Handoff } from '@/schemas/handoff';
import type { Hotline } from '@/schemas/hotline';
import { channelTypes } from '@/schemas/vocabulary';
import type { TriageResult, TriageWindow } from '@/triage/engine';
import { handoffFields } from '@/triage/handoff';
import { reasonText } from '@/triage/reasons';
import { troublesOverlap } from '@/triage/route';

export interface ResultViewProps {
  result: TriageResult;
  windows: TriageWindow[];
  hotlines: Hotline[];
  areas: Pick<Area, 'id' | 'name'>[];
  t: IslandTranslate;
  /** A link that shows this result again, or undefined when the answers are sensitive (src/triage/share.ts). */
  shareHref?: string;
  /** What 相談を送る carries to the form, never in its URL (src/schemas/handoff.ts). */
  handoff: Handoff;
  /**
   * How: 'storage' (the island has put it in sessionStorage; a plain link to /soudan/) or 'post'
   * (no JavaScript: a form posting hidden fields to /soudan/).
   */
  handoffBy: 'storage' | 'post';
  /** 変更: back to the answers, by the island's summary or by a link to the no-JS form on the page. */
  change: { onClick: () => void } | { href: string };
  /** Browser only: print button and restart. */
  onRestart?: () => void;
  headingRef?: React.Ref<HTMLHeadingElement>;
  /** The moment the result is shown (the facts' age is judged against it); tests pass their own clock. */
  now?: Date;
}

/** The full emergency list (every urgent hotline, as in the site's urgent block), the ones for these troubles first. */
function emergencyList(result: TriageResult, hotlines: Hotline[]): Hotline[] {
  const first = result.hotlines.flatMap((id) => hotlines.filter((h) => h.id === id));
  const rest = hotlines.filter((h) => h.urgent && !first.includes(h)).sort((a, b) => a.order - b.order);
  return [...first, ...rest];
}

/** Result sections, in the order the issue asks for: urgent numbers, windows, coordinator, reassurance, proxy advice, next step. */
export function ResultView({ result, windows, hotlines, areas, t, shareHref, handoff, handoffBy, change, onRestart, headingRef, now = new Date() }: ResultViewProps) {
  const districtName = areas.find((a) => a.id === result.district)?.name;
  // Paper cannot unfold: the 「電話で伝えること」 scripts print open (CSS opens them too, where the browser can).
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const open = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('.triage-result details:not([open])')];
      for (const d of opened) d.open = true;
    };
    const close = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    addEventListener('beforeprint', open);
    addEventListener('afterprint', close);
    return () => {
      removeEventListener('beforeprint', open);
      removeEventListener('afterprint', close);
    };
  }, []);
  const byId = new Map(windows.map((w) => [w.id, w]));
  const changeLabel = t.rich('triage.result.change');
  // Advice follows the answers (flow data `advice`): what the person thinks of asking, 介護保険 use. Without
  // an answer about the person's view (not asked, or a danger result), both proxy notes are shown.
  const answeredProxy = result.advice.filter((a) => a.startsWith('proxy'));
  const proxyAdvice = answeredProxy.length ? answeredProxy : ['proxyConsent', 'proxyRefuses'];
  const otherAdvice = result.advice.filter((a) => !a.startsWith('proxy'));
  const coordinatorNames = result.windows.filter((rw) => rw.reasons.some((r) => r.kind === 'coordinator')).map((rw) => `「${byId.get(rw.windowId)?.name ?? rw.windowId}」`);
  return (
    <section className="triage-result" aria-labelledby="result-heading">
      <h2 id="result-heading" ref={headingRef} tabIndex={-1}>{t.rich('triage.result.heading')}</h2>
      <p className="no-print">
        {'onClick' in change ? (
          <button type="button" className="link-button" onClick={change.onClick}>{changeLabel}</button>
        ) : (
          <a href={change.href}>{changeLabel}</a>
        )}
      </p>

      {result.urgent && (
        <section className="result-urgent" aria-labelledby="result-urgent-heading">
          <h3 id="result-urgent-heading">{t.rich('triage.result.urgentHeading')}</h3>
          <p>{t.rich('triage.result.urgentLead')}</p>
          <ul>
            {emergencyList(result, hotlines).map((h) => {
              return (
                <li key={h.id}>
                  <a className="phone-link" href={telHref(h.number)}>{h.number}</a> {richText(`${h.name} (${h.when})`)}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <h3>{t.rich('triage.result.windowsHeading')}</h3>
      <ul className="result-windows">
        {result.windows.map((rw) => {
          const w = byId.get(rw.windowId)!;
          const phones = w.channels.flatMap((c) => (c.type === 'phone' ? [c.number] : []));
          const methods = [...new Set(w.channels.map((c) => c.type))].sort((a, b) => channelTypes.indexOf(a) - channelTypes.indexOf(b));
          return (
            <li key={w.id} className="result-window" data-window-id={w.id}>
              <h4><a href={t.path(`/madoguchi/${w.id}/`)} lang="ja">{richText(w.name)}</a></h4>
              {/* What the Japanese name means, for residents who read another language but must say the name on the phone. */}
              {w.nameMeaning && <p className="result-window__meaning">{w.nameMeaning}</p>}
              {w.factsAge && factsStale(w.factsAge.due, now) && <p className="notice facts-age" data-facts-age={w.factsAge.verified}>{t.rich('window.factsStale', { date: w.factsAge.verified })}</p>}
              <p className="result-window__reason"><strong>{t.rich('triage.result.reason')}:</strong> {richText(rw.reasons.map((r) => reasonText(t.raw, r, districtName)).join(' '))}</p>
              {phones.map((n) => (
                <p key={n}>{t.rich('contact.phone')}: <a className="phone-link" href={telHref(n)} aria-label={`${t('contact.call', { name: w.name })} ${n}`}>{n}</a></p>
              ))}
              <p>{t.rich('triage.result.methods')}: {richText(t.list(methods.map((m) => t.raw(`contact.${m}` as UiKey))))}</p>
              <p>{t.rich('triage.result.hours')}: {w.hours.weekly.length ? w.hours.weekly.map((s) => `${t.list(s.days.map((d) => t(`weekday.${d}` as UiKey)))} ${s.opens}〜${s.closes}`).join(' / ') : t.rich('window.hoursUnknown')}</p>
              <details>
                <summary>{t.rich('triage.result.callScript')}</summary>
                <ul>{w.callScript.map((line) => <li key={line}>{richText(line)}</li>)}</ul>
              </details>
            </li>
          );
        })}
      </ul>

      {result.coordinator && (
        <section aria-labelledby="result-coordinator-heading">
          <h3 id="result-coordinator-heading">
            {t.rich(troublesOverlap(result.fields, result.patterns.length > 0) ? 'triage.result.coordinatorHeading' : 'triage.result.coordinatorUnsureHeading')}
          </h3>
          {/* Names the profile's own coordinating window(s) (content): the 多機関協働チーム in one profile, each region's
              総合相談窓口 in Aomori, where no window has the team's name. */}
          <p>{t.rich('triage.result.coordinatorLead', { coordinator: t.list(coordinatorNames) })}</p>
          {result.patterns.length > 0 && (
            <div className="no-print">
              <p>{t.rich('triage.result.patternsFound')}:</p>
              <ul>{result.patterns.map((p) => <li key={p}>{t.rich(`triage.pattern.${p}` as UiKey)}</li>)}</ul>
            </div>
          )}
        </section>
      )}

      <section className="result-any" aria-labelledby="result-any-heading">
        <h3 id="result-any-heading">{t.rich('triage.result.anyWindow')}</h3>
        <p>{t.rich('triage.result.anyWindowBody')}</p>
      </section>

      {otherAdvice.map((a) => <p key={a} className="result-advice" data-advice={a}>{t.rich(`triage.advice.${a}` as UiKey)}</p>)}

      {result.proxy && (
        <section aria-labelledby="result-proxy-heading">
          <h3 id="result-proxy-heading">{t.rich('triage.result.proxyHeading')}</h3>
          <ul>
            <li>{t.rich('triage.result.proxyNow')}</li>
            {proxyAdvice.map((a) => <li key={a} data-advice={a}>{t.rich(`triage.advice.${a}` as UiKey)}</li>)}
          </ul>
        </section>
      )}

      {handoffBy === 'storage' ? (
        <p className="no-print">
          <a className="button" href={t.path('/soudan/')}>{t.rich('triage.result.sendInquiry')}</a>
        </p>
      ) : (
        <form method="post" action={t.path('/soudan/')} className="no-print">
          {handoffFields(handoff).map(([name, value], i) => <input key={i} type="hidden" name={name} value={value} />)}
          <button type="submit" className="button">{t.rich('triage.result.sendInquiry')}</button>
        </form>
      )}
      <p className="hint no-print">{t.rich('triage.result.sendInquiryHint')}</p>
      {shareHref ? (
        <p className="no-print">
          <a href={t.path(shareHref)}>{t.rich('triage.result.share')}</a>
          <br />
          <span className="hint">{t.rich('triage.result.shareHint')}</span>
        </p>
      ) : (
        <p className="hint no-print">{t.rich('triage.result.notShared')}</p>
      )}
      {onRestart && (
        <p className="actions no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>{t.rich('triage.result.print')}</button>
          <button type="button" className="button button--secondary" onClick={onRestart}>{t.rich('triage.restart')}</button>
        </p>
      )}
    </section>
  );
}
