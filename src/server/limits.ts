// The ONE rate limiter, configured here and only here (the README's settings table lists the same
// settings and defaults). Every public POST takes one count from its limit, keyed on the client address
// from client-address.ts (the real client behind trusted proxies only). Counters live in the store, so
// every process on the same database counts a client once.
import { getStore } from './store';

export interface LimitRule {
  /** The environment setting that changes the count ("off" turns it off, for local benchmarks only). */
  setting: string;
  /** Requests per client per window, when the setting is not given. */
  defaultCount: number;
  windowMs: number;
}

const TEN_MINUTES = 10 * 60_000;

/** Every limit. Inquiries and 連絡票s count apart, each whether sent by the API or by the no-JS page. */
export const limitRules = {
  /** Inquiries sent (POST /api/inquiries, the no-JS 「この内容で送る」). */
  inquiry: { setting: 'INQUIRY_RATE_LIMIT', defaultCount: 10, windowMs: TEN_MINUTES },
  /** 連絡票s sent (POST /api/referrals, the no-JS send step). */
  referral: { setting: 'INQUIRY_RATE_LIMIT', defaultCount: 10, windowMs: TEN_MINUTES },
  /** Residents' reports that a window's page is wrong (「情報がちがうときは」). */
  report: { setting: 'INQUIRY_RATE_LIMIT', defaultCount: 10, windowMs: TEN_MINUTES },
  /** No-JS steps that store nothing: the form's check step and 変更, the 連絡票's, the wizard result, the search. */
  page: { setting: 'PAGE_RATE_LIMIT', defaultCount: 120, windowMs: TEN_MINUTES },
  /** Staff sign-in attempts per address, checked before any password is hashed. */
  signIn: { setting: 'SIGNIN_RATE_LIMIT', defaultCount: 20, windowMs: TEN_MINUTES },
} as const satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof limitRules;

/** The count in force for a rule: its setting, or its default; Infinity when "off". */
export function limitCount(rule: LimitRule, env: NodeJS.ProcessEnv = process.env): number {
  const value = env[rule.setting];
  if (value === 'off') return Infinity;
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : rule.defaultCount;
}

export type LimitAnswer = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one request of `client` against `name`; refused with the seconds until its window ends. */
export async function takeLimit(name: LimitName, client: string, now = Date.now()): Promise<LimitAnswer> {
  const rule = limitRules[name];
  const count = limitCount(rule);
  if (count === Infinity) return { ok: true };
  const hit = await getStore().limits.hit(name, client, rule.windowMs, now);
  if (hit.count <= count) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((hit.resetAt - now) / 1000)) };
}

/** Minutes to show a person ("try again in N minutes"), never 0. */
export const retryMinutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
