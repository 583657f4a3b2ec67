import type { Inquiry } from '@/schemas/inquiry';

/** What the router decided for an inquiry. */
export interface RoutingDecision {
  /** Window ids, first = the one that answers. */
  windows: string[];
  coordinator: boolean;
}

/** One stored inquiry as staff see it. */
export interface StoredInquiry {
  receipt: string;
  receivedAt: string;
  inquiry: Inquiry;
  routing: RoutingDecision;
  events: { type: 'received' | 'routed'; at: string; detail: string }[];
}

export interface CreateResult {
  receipt: string;
  /** False when the idempotency key was seen before: nothing new was stored. */
  created: boolean;
}

/**
 * The storage the routes and the staff CLI use. node:sqlite implements it today; another engine
 * (PostgreSQL, say) can be added behind the same interface without touching the routes.
 */
export interface InquiryStore {
  /** Stores the inquiry and its events in one durable transaction; resolves only after commit. */
  create(inquiry: Inquiry, routing: RoutingDecision, idempotencyKey: string): Promise<CreateResult>;
  get(receipt: string): StoredInquiry | undefined;
  list(limit?: number): StoredInquiry[];
  count(): number;
  /** A consistent copy of the whole store, taken while it keeps serving. */
  backup(path: string): Promise<void>;
  close(): void;
}
