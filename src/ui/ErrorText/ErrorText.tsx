import type { ReactNode } from 'react';

/**
 * An error under a label (Digital Agency: エラーテキスト). `prefix` (「エラー:」) is read by screen
 * readers only; the colour and the red border are not the only signal.
 */
export function ErrorText({ id, prefix, children }: { id: string; prefix: ReactNode; children: ReactNode }) {
  return (
    <p id={id} className="error-text">
      <span className="visually-hidden">{prefix}</span>
      {children}
    </p>
  );
}
