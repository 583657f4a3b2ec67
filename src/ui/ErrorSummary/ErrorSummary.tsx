import { richText } from '@/islands/shared/island-translator';
import { useEffect, useRef } from 'react';

export interface ErrorItem {
  /** id of the field the error belongs to; the link moves focus there. */
  fieldId: string;
  message: string;
}

interface Props {
  title: string;
  errors: ErrorItem[];
}

/**
 * GOV.UK / Digital Agency error summary: a list of links to the fields in error. It takes focus when
 * it appears so screen-reader and keyboard users learn at once that something needs fixing.
 */
export function ErrorSummary({ title, errors }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.fieldId + e.message).join('|');
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [key]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title" className="error-summary__title">{richText(title)}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.fieldId + e.message}>
            <a
              href={`#${e.fieldId}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.fieldId)?.focus();
              }}
            >
              {richText(e.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
