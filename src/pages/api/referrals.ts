// POST /api/referrals: a support agency's 連絡票 (JSON or form-encoded). The same request handling as
// /api/inquiries (src/server/form-endpoint.ts), its own field table, the same store and receipts.
import type { InquiryReceipt } from '@/schemas/inquiry-api';
import { formEndpoint, receiptWindows } from '@/server/form-endpoint';
import { submitReferral } from '@/server/referral-service';

export const prerender = false;

export const { POST, ALL } = formEndpoint('referral', submitReferral, (outcome, ctx): InquiryReceipt => ({
  receipt: outcome.receipt,
  windows: receiptWindows(outcome.routing.windows, ctx),
  coordinator: outcome.routing.coordinator,
  overlap: outcome.overlap,
}));
