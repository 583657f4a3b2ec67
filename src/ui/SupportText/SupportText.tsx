import type { HTMLAttributes, ReactNode } from 'react';

/** A hint under a label (Digital Agency: サポートテキスト). Tie it to the control with aria-describedby. */
export function SupportText({ id, children, className, ...rest }: HTMLAttributes<HTMLParagraphElement> & { id: string; children: ReactNode }) {
  return <p id={id} className={['hint', className].filter(Boolean).join(' ')} {...rest}>{children}</p>;
}
