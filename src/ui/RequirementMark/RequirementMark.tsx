import type { ReactNode } from 'react';

/** 「※必須」 or 「※任意」 beside a label; the caller gives the words in the page's language. */
export function RequirementMark({ required, children }: { required: boolean; children: ReactNode }) {
  return <span className={required ? 'required' : 'optional'}>{children}</span>;
}
