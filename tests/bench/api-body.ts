import { familyInquiry } from '../fixtures/inquiries';

/**
 * The n-th distinct, valid inquiry for the API benchmark: same shape as the form sends, a unique
 * idempotency key (so each is stored), and a start time old enough to pass the minimum fill time.
 */
export function inquiryBody(n: number): Record<string, unknown> {
  return { ...familyInquiry, details: `${familyInquiry.details} (${n})`, idempotencyKey: `bench-${process.pid}-${n}`, startedAt: Date.now() - 60_000 };
}
