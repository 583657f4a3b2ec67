import { z } from 'zod';
import { japanesePhoneNumber, kanaReading, provenance, slug } from './common';
import { businessId, fieldId, operationForm, weekday } from './taxonomy';

const channelNote = z.string().optional();
/** A source id (content/sources) whose public page gives this channel's details, e.g. 「リンク先をご覧ください」. */
const channelSee = z.string().optional();

/**
 * One contact channel. Only the facts a source gives are filled in: an email channel
 * without an address means "the source says email is accepted but gives no address".
 */
export const channel = z.discriminatedUnion('type', [
  z.object({ type: z.literal('phone'), number: japanesePhoneNumber, note: channelNote }),
  z.object({ type: z.literal('fax'), number: japanesePhoneNumber, note: channelNote }),
  z.object({ type: z.literal('email'), address: z.email().optional(), note: channelNote, see: channelSee }),
  z.object({ type: z.literal('sns'), service: z.string().optional(), url: z.url().optional(), note: channelNote, see: channelSee }),
  z.object({ type: z.literal('inPerson'), note: channelNote }), // 来所面接
  z.object({ type: z.literal('homeVisit'), note: channelNote }), // 訪問
]);
export type Channel = z.infer<typeof channel>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:MM' });

/**
 * Opening hours in structured form. An empty `weekly` list means the sources give no hours:
 * pages then say so and ask the reader to phone, instead of guessing.
 */
export const hours = z
  .object({
    weekly: z.array(z.object({ days: z.array(weekday).min(1), opens: time, closes: time })).default([]),
    closed: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .default({ weekly: [], closed: [] });

/** A 相談窓口 (consultation window). One YAML file per window under content/windows/. */
export const windowSchema = z.object({
  name: z.string().min(1),
  nameKana: kanaReading,
  /** Short plain-language description of what the window does, from the sources. */
  summary: z.string().min(1),
  /**
   * What the window does, in one line a resident understands without knowing its name (an acronym or
   * 「多機関協働チーム」 says nothing to most people). Shown on every directory card.
   */
  lead: z.string().min(1).max(40, { message: 'one line: at most 40 characters' }),
  fields: z.array(fieldId).min(1, { message: 'list at least one field (elderly, disability, children, poverty, coordination)' }),
  businesses: z.array(businessId).default([]),
  operation: z.object({
    /** 委託 / 直営 / 共同; left out when the sources do not say (a 社協's own 心配ごと相談所). */
    form: operationForm.optional(),
    /** Who runs it when not the municipality itself (a 社会福祉協議会, a 社会福祉法人 …). */
    operator: z.string().optional(),
    /** 所管課: the municipal department responsible; left out when the sources name none. */
    department: z.string().min(1).optional(),
  }),
  /** District ids from content/areas, or "citywide". The single source of who serves where. */
  serviceArea: z.union([z.literal('citywide'), z.array(slug).min(1)]),
  /**
   * Takes a trouble of any field from the residents of its serviceArea (a town's 心配ごと相談所): when
   * the person's district is known, it is offered beside the specialist windows.
   */
  anyField: z.boolean().default(false),
  channels: z.array(channel).min(1, { message: 'a window needs at least one contact channel' }),
  hours,
  address: z.object({ postalCode: z.string().regex(/^\d{3}-\d{4}$/).optional(), text: z.string().min(1) }).optional(),
  access: z.string().optional(),
  accessibility: z.string().optional(),
  /** Languages a source confirms; empty means not confirmed. */
  languages: z.array(z.string()).default([]),
  /** Everyday words residents use for the troubles this window takes (介護, 借金, 不登校 …). */
  keywords: z.array(z.string().min(1)).min(1),
  /** 「電話で伝えること」: what to have ready when phoning. */
  callScript: z.array(z.string().min(1)).min(1),
  /** Display order in lists. */
  order: z.number().int().default(100),
  source: provenance,
});

export type WindowData = z.infer<typeof windowSchema>;
/** A window with its id (the file name), as pages and the engine use it. */
export type ConsultationWindow = WindowData & { id: string };
