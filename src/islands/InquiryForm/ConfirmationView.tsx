// The confirmation (受付番号 and what happens next). Rendered by the island after a JSON submit and on
// the server (no hydration) by the no-JS page, so both show the same thing.
import type { Ref } from 'react';
import { richText, type IslandTranslate } from "@/islands/shared/island-translator";
import { telHref } from '@/lib/phone';

export interface ConfirmationProps {
  receipt: string;
  windows: { id: string; name: string; phone: string | null }[];
  coordinator: boolean;
  /**
   * Whether the troubles overlap (two or more fields): only then does the receipt give that as the
   * reason the 多機関協働 team joins. One field whose window is the team itself is no overlap.
   */
  overlap: boolean;
  t: IslandTranslate;
  /** Browser only: shows a print button. */
  printable?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  /** 1 where this is the page's own heading (the no-JS receipt page), so the title is said once. */
  headingLevel?: 1 | 2;
  /** When the receipt was given (ISO 8601): printed with the site's name, so the paper says where and when. */
  receivedAt: string;
  /** Defaults to headingLevel 1 (the no-JS page); the island focuses through headingRef instead. */
  autoFocus?: boolean;
}

export function ConfirmationView({ receipt, windows, coordinator, overlap, t, printable, headingRef, headingLevel = 2, autoFocus, receivedAt }: ConfirmationProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  // The next heading is one level down, never a jump (h1 → h3).
  const SubHeading = headingLevel === 1 ? 'h2' : 'h3';
  return (
    <section className="confirmation" aria-labelledby="confirmation-heading">
      {/* The page's header is not printed: the sheet names the site (and so the municipality) and the time itself. */}
      <p className="confirmation__printed-from print-only">
        {t.rich('site.title')}
        <br />
        {t.rich('confirm.receivedAt')}: <time dateTime={receivedAt}>{t.dateTime(receivedAt)}</time>
      </p>
      <div className="confirmation__panel">
        {/* As the no-JS page's h1 it takes focus by itself (autofocus); the island focuses its h2 through the ref. */}
        <Heading id="confirmation-heading" ref={headingRef} tabIndex={-1} autoFocus={autoFocus ?? headingLevel === 1}>{t.rich('confirm.title')}</Heading>
        <p>
          {t.rich('confirm.receiptLabel')}: <strong className="confirmation__receipt" data-receipt>{receipt}</strong>
        </p>
      </div>
      <p>{t.rich('confirm.receiptHint')}</p>
      <SubHeading>{t.rich('confirm.nextHeading')}</SubHeading>
      <p>{t.rich('confirm.next1')}</p>
      <ul>
        {windows.map((w) => (
          <li key={w.id}>
            <a href={t.path(`/madoguchi/${w.id}/`)} lang="ja">{richText(w.name)}</a>
            {w.phone && (
              <>
                {' '}
                {t.rich('contact.phone')}: <a className="phone-link" href={telHref(w.phone)}>{w.phone}</a>
              </>
            )}
          </li>
        ))}
      </ul>
      {coordinator && <p>{t.rich(overlap ? 'confirm.coordinator' : 'confirm.coordinatorTeam')}</p>}
      <p>{t.rich('confirm.next2')}</p>
      <p>{t.rich('confirm.next3')}</p>
      {printable && (
        <p className="no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>{t.rich('confirm.print')}</button>
        </p>
      )}
    </section>
  );
}
