// The 連絡票's check step and receipt, rendered on the server. The check page carries the answers on
// in hidden inputs; 「変更」 posts them back to the form at the question, 「この内容で送る」 stores them.
// Each step's heading takes focus (autofocus: no script needed), as the error summary does.
import { richText, type IslandTranslate } from '@/islands/shared/island-translator';
import type { UiKey } from '@/i18n/translator-types';
import { telHref } from '@/lib/phone';
import { referralCheckRows, type ReferralContent } from './referral-view';

export function ReferralCheck({ t, content, action, values, hidden }: { t: IslandTranslate; content: ReferralContent; action: string; values: Record<string, unknown>; hidden: [string, string][] }) {
  const tk = (key: string) => t.raw(key as UiKey);
  return (
    <section aria-labelledby="check-heading">
      <h1 id="check-heading" tabIndex={-1} autoFocus>{t.rich('referral.checkHeading')}</h1>
      <p className="no-print">{t.rich('referral.checkLead')}</p>
      <form method="post" action={action}>
        {hidden.map(([name, value], i) => <input key={`${name}-${i}`} type="hidden" name={name} value={value} />)}
        <dl className="summary-list">
          {referralCheckRows(values, content, tk).map(({ name, label, answer }) => (
            <div className="summary-list__row" key={name}>
              <dt>{richText(label)}</dt>
              <dd className="preserve-lines">{richText(answer)}</dd>
              <dd className="no-print">
                <button type="submit" className="link-button" name="step" value="edit" formAction={`${action}#f-${name}`}>
                  {t.rich('form.change')}<span className="visually-hidden">{t.rich('form.changeHidden', { label })}</span>
                </button>
              </dd>
            </div>
          ))}
        </dl>
        <div className="actions no-print">
          <button type="submit" className="button" name="step" value="send">{t.rich('referral.submit')}</button>
          <button type="submit" className="button button--secondary" name="step" value="edit">{t.rich('referral.back')}</button>
        </div>
      </form>
    </section>
  );
}

export function ReferralDone({ t, receipt, windows }: { t: IslandTranslate; receipt: string; windows: { id: string; name: string; phone: string | null }[] }) {
  return (
    <section className="confirmation" aria-labelledby="confirmation-heading">
      <div className="confirmation__panel">
        <h1 id="confirmation-heading" tabIndex={-1} autoFocus>{t.rich('referral.done.title')}</h1>
        <p>
          {t.rich('confirm.receiptLabel')}: <strong className="confirmation__receipt" data-receipt>{receipt}</strong>
        </p>
      </div>
      <p>{t.rich('referral.done.receiptHint')}</p>
      <p>{t.rich('referral.done.next')}</p>
      <h2>{t.rich('referral.done.windows')}</h2>
      <ul>
        {windows.map((w) => (
          <li key={w.id}>
            <a href={t.path(`/madoguchi/${w.id}/`)} lang="ja">{richText(w.name)}</a>
            {w.phone && <>{' '}{t.rich('contact.phone')}: <a className="phone-link" href={telHref(w.phone)}>{w.phone}</a></>}
          </li>
        ))}
      </ul>
    </section>
  );
}
