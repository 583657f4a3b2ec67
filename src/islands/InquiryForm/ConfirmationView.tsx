// The confirmation (受付番号 and what happens next). Rendered by the island after a JSON submit and on
// the server (no hydration) by the no-JS page, so both show the same thing.
import type { Ref } from 'react';
import type { Translate } from '@/i18n/translator-types';
import { telHref } from '@/lib/phone';

export interface ConfirmationProps {
  receipt: string;
  windows: { id: string; name: string; phone: string | null }[];
  coordinator: boolean;
  t: Translate;
  /** Browser only: shows a print button. */
  printable?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}

export function ConfirmationView({ receipt, windows, coordinator, t, printable, headingRef }: ConfirmationProps) {
  return (
    <section className="confirmation" aria-labelledby="confirmation-heading">
      <div className="confirmation__panel">
        <h2 id="confirmation-heading" ref={headingRef} tabIndex={-1}>{t('confirm.title')}</h2>
        <p>
          {t('confirm.receiptLabel')}: <strong className="confirmation__receipt" data-receipt>{receipt}</strong>
        </p>
      </div>
      <p>{t('confirm.receiptHint')}</p>
      <h3>{t('confirm.nextHeading')}</h3>
      <p>{t('confirm.next1')}</p>
      <ul>
        {windows.map((w) => (
          <li key={w.id}>
            <a href={`/madoguchi/${w.id}/`}>{w.name}</a>
            {w.phone && (
              <>
                {' '}
                {t('contact.phone')}: <a className="phone-link" href={telHref(w.phone)}>{w.phone}</a>
              </>
            )}
          </li>
        ))}
      </ul>
      {coordinator && <p>{t('confirm.coordinator')}</p>}
      <p>{t('confirm.next2')}</p>
      <p>{t('confirm.next3')}</p>
      {printable && (
        <p className="no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>{t('confirm.print')}</button>
        </p>
      )}
    </section>
  );
}
