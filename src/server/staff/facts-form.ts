// 「ここがちがう」: the staff form's fields → one proposal per field filled in, each value checked by the
// content's own schema (src/schemas/facts.ts). Empty fields mean "as it is".
import { factFields, parseFactValue, type FactField } from '@/schemas/facts';
import { weekdays } from '@/schemas/vocabulary';

export interface Proposal { field: FactField; value: unknown }
export interface ProposalErrors { field: FactField; key: 'staff.facts.error.field' }

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.normalize('NFC').trim() : '';
};
/** A list typed with 、 or commas. */
const list = (s: string) => s.split(/[、,，]/).map((x) => x.trim()).filter(Boolean);

/** The raw value of one field as typed, or undefined when the field was left empty. */
function rawValue(form: FormData, field: FactField): unknown {
  switch (field) {
    case 'address': {
      const [postalCode, addr] = [text(form, 'address-postal'), text(form, 'address-text')];
      return postalCode || addr ? { ...(postalCode ? { postalCode } : {}), text: addr } : undefined;
    }
    case 'hours': {
      const days = form.getAll('hours-days').filter((d): d is string => typeof d === 'string' && (weekdays as readonly string[]).includes(d));
      const [opens, closes, closed, note] = [text(form, 'hours-opens'), text(form, 'hours-closes'), text(form, 'hours-closed'), text(form, 'hours-note')];
      if (!days.length && !opens && !closes && !closed && !note) return undefined;
      return { weekly: [{ days, opens, closes }], closed: list(closed), ...(note ? { note } : {}) };
    }
    case 'languages': {
      const v = text(form, 'languages');
      return v ? list(v) : undefined;
    }
    default: {
      const v = text(form, field);
      return v || undefined;
    }
  }
}

/** Proposals for every field filled in, or the fields whose value the content schema refuses. */
export function proposalsFromForm(form: FormData): { proposals: Proposal[]; errors: ProposalErrors[] } {
  const proposals: Proposal[] = [];
  const errors: ProposalErrors[] = [];
  for (const field of factFields) {
    const raw = rawValue(form, field);
    if (raw === undefined) continue;
    const parsed = parseFactValue(field, raw);
    if (parsed.success) proposals.push({ field, value: parsed.data });
    else errors.push({ field, key: 'staff.facts.error.field' });
  }
  return { proposals, errors };
}

