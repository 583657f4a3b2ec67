// POST /api/inquiries: accepts an inquiry (JSON or form-encoded), validates it with the form's own
// schema, routes it and answers 201 with the receipt number only after the row is committed.
// The request handling is shared with /api/referrals (src/server/form-endpoint.ts).
import type { InquiryReceipt } from '@/schemas/inquiry-api';
import { formEndpoint, receiptWindows } from '@/server/form-endpoint';
import { submitInquiry } from '@/server/inquiry-service';

export const prerender = false;

export const { POST, ALL } = formEndpoint('inquiry', submitInquiry, (outcome, ctx): InquiryReceipt => ({
  receipt: outcome.receipt,
  windows: receiptWindows(outcome.routing.windows, ctx),
  coordinator: outcome.routing.coordinator,
  overlap: outcome.overlap,
}));
