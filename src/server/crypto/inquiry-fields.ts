// Which parts of an inquiry are personal, and how they are kept: sealed together in one AES-256-GCM value
// inside the stored JSON. The rest (writer, categories, area, window, status words) stays readable, so
// the inbox can list and count without opening anything.
import type { Inquiry } from '@/schemas/inquiry';
import type { ControlKind } from '@/schemas/form-model';
import { inquiryFields } from '@/schemas/inquiry-fields';
import { referralFields } from '@/schemas/referral-fields';
import { isSealed, type Sealer } from './seal';

/** Controls whose value the person writes in their own words (the others pick from the content's lists). */
const writtenControls: readonly ControlKind[] = ['text', 'textarea', 'tel', 'email'];

/**
 * The fields sealed at rest, from the field tables' one model: every written field whose `sensitivity` is
 * 'contact' or 'special' (name, contact data, free text; for a 連絡票 the worker's and the person's). Choices
 * from a list (district, categories, age group) stay readable, so the inbox and the counts work without a
 * key; they are no one's words. A body stored when the list differed is read as it is (openInquiry merges
 * whatever the sealed part holds over the readable rest).
 */
export const personalFields: readonly string[] = [...new Set([...inquiryFields, ...referralFields].filter((f) => f.sensitivity !== 'none' && writtenControls.includes(f.control)).map((f) => f.name))];

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
