// content/profiles/<id>/expectations/inquiry.yaml: where a sample inquiry from a resident and a sample
// 連絡票 from a support agency must be sent. Each profile writes its own from its content (which
// windows serve the district, which fields each takes); the API and staff tests send these samples.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9-]+$/);

/** One sample: the person's district, the trouble categories ticked, and the windows it must reach. */
const sampleSchema = z.strictObject({
  /** The situation in a sentence, for whoever reads a failure. */
  note: z.string().min(1),
  /** An area id of the profile (areas.yaml). */
  district: id,
  /** Trouble category ids (triage/routing.yaml categories). */
  categories: z.array(z.string().min(1)).min(1),
  /** The windows it must be routed to: exactly these, in this order. */
  windows: z.array(id).min(1),
  /** Whether the 多機関協働 coordinator is brought in. */
  coordinator: z.boolean(),
});
export type InquirySample = z.infer<typeof sampleSchema>;

export const inquiryExpectationsSchema = z.strictObject({
  /** A family member writing about a relative (the form, POST /api/inquiries; the window left to the portal). */
  inquiry: sampleSchema,
  /** A support agency's 連絡票 (POST /api/referrals). */
  referral: sampleSchema,
});
export type InquiryExpectations = z.infer<typeof inquiryExpectationsSchema>;
