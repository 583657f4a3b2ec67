// Which parts of an inquiry are personal, and how they are kept: sealed together in one AES-256-GCM value
// inside the stored JSON. The rest (writer, categories, area, window, status words) stays readable, so
// the inbox can list and count without opening anything.
import type { Inquiry } from '@/schemas/inquiry';
import type { Referral } from '@/schemas/referral';
import { isSealed, type Sealer } from './seal';

/**
 * Name, contact data, the resident's free text and the proxy's details; for a 連絡票 (kind 'referral'),
 * the worker's name and contact, the person's name or initials and the agency's free text.
 */
export const personalFields = [
  ...(['name', 'nameKana', 'phone', 'email', 'fax', 'address', 'safeTimes', 'details', 'relationship'] as const satisfies readonly (keyof Inquiry)[]),
  ...(['workerName', 'workerPhone', 'workerEmail', 'personName', 'situation', 'involved'] as const satisfies readonly (keyof Referral)[]),
] as const;

/** The JSON stored in inquiries.body. */
export function sealInquiry(inquiry: Inquiry, sealer: Sealer): string {
  const open: Record<string, unknown> = { ...inquiry };
  const personal: Record<string, unknown> = {};
  for (const f of personalFields) {
    if (f in open) personal[f] = open[f];
    delete open[f];
  }
  return JSON.stringify({ ...open, sealed: sealer.seal(JSON.stringify(personal)) });
}

/** The inquiry from inquiries.body (older plain rows are read as they are). */
export function openInquiry(body: string, sealer: Sealer): Inquiry {
  const { sealed, ...rest } = JSON.parse(body) as Record<string, unknown>;
  if (!isSealed(sealed)) return rest as unknown as Inquiry;
  return { ...rest, ...(JSON.parse(sealer.open(sealed)) as Record<string, unknown>) } as unknown as Inquiry;
}

/** Free text in staff events (notes, outcomes, hand-off reasons, summaries) is personal too. */
export const personalEventKeys = ['text', 'outcome', 'reason', 'summary'] as const;

export function sealDetail(detail: Record<string, unknown>, sealer: Sealer): Record<string, unknown> {
  const out = { ...detail };
  for (const k of personalEventKeys) if (typeof out[k] === 'string' && !isSealed(out[k])) out[k] = sealer.seal(out[k] as string);
  return out;
}
export function openDetail(detail: Record<string, unknown>, sealer: Sealer): Record<string, unknown> {
  const out = { ...detail };
  for (const k of personalEventKeys) if (isSealed(out[k])) out[k] = sealer.open(out[k] as string);
  return out;
}
