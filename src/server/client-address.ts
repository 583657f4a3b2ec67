// Who sent a request, and at which address the site was asked for, behind reverse proxies.
// TRUST_PROXY names the proxies to trust: unset (default) trusts none, so the client is the socket's
// peer and every forwarding header is ignored; a hop count ("1": nginx on the same machine) trusts
// that many proxies nearest the server; a list of addresses or CIDR blocks ("127.0.0.1, 10.0.0.0/8")
// trusts the peers in them. A forwarded address is only read through trusted hops, so a client who
// writes its own X-Forwarded-For cannot choose its rate-limit key. The ONE place that reads them:
// rate limits, the audit log, sign-in and the origin checks all take what this gives.
import { BlockList, isIP } from 'node:net';

export type ProxyTrust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; list: BlockList; text: string };

/** Reads TRUST_PROXY; an unreadable value is an Error naming the setting (the server refuses to start). */
export function parseTrustProxy(value = process.env.TRUST_PROXY): ProxyTrust {
  const text = (value ?? '').trim();
  if (!text || text === '0' || text === 'false' || text === 'none') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const list = new BlockList();
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const [address, bits, extra] = part.split('/');
    const family = isIP(address ?? '');
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`TRUST_PROXY: "${part}" is not an address or CIDR block. Use a hop count (1 for nginx on this machine) or a list such as "127.0.0.1, 10.0.0.0/8"; leave it unset when no proxy is in front.`);
    }
    list.addSubnet(address!, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return { kind: 'list', list, text };
}

let configured: ProxyTrust | undefined;
/** The process's setting, read once. */
export const proxyTrust = (): ProxyTrust => (configured ??= parseTrustProxy());

/** `::ffff:127.0.0.1` is 127.0.0.1; brackets and ports are dropped from forwarded values. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim().replace(/^"|"$/g, '');
  if (a.startsWith('[')) a = a.slice(1, a.indexOf(']') > 0 ? a.indexOf(']') : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return a;
}

const trusted = (trust: ProxyTrust, address: string) => {
  if (trust.kind !== 'list') return false;
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

/** The addresses a request passed through, client first: Forwarded's for=, else X-Forwarded-For. */
function forwardedChain(headers: Headers): string[] {
  const forwarded = headers.get('forwarded');
  if (forwarded) {
    return forwarded.split(',').map((element) => {
      const pair = element.split(';').map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('for='));
      return pair ? normalizeAddress(pair.slice(4)) : 'unknown';
    });
  }
  return (headers.get('x-forwarded-for') ?? '').split(',').map((s) => normalizeAddress(s)).filter(Boolean);
}

/**
 * How many of the nearest hops (the socket's peer first) are trusted proxies, given the chain
 * `[client, proxy1, …, peer]`. The client is the hop just before them.
 */
function trustedHops(trust: ProxyTrust, chain: string[]): number {
  if (trust.kind === 'none') return 0;
  if (trust.kind === 'hops') return Math.min(trust.hops, chain.length - 1);
  let n = 0;
  while (n < chain.length - 1 && trusted(trust, chain[chain.length - 1 - n]!)) n++;
  return n;
}

export interface ClientInfo {
  /** The client's address (the rate-limit key and the audit log's ip). */
  address: string;
  /** The site's origin as the browser sees it, e.g. https://soudan.example.lg.jp. */
  origin: string;
  /** Whether the browser reached the site over https (Secure cookies, HSTS). */
  secure: boolean;
}

/** The last value of a comma list header (the one the nearest proxy wrote). */
const lastValue = (value: string | null) => value?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);

/**
 * The client behind trusted proxies, and the origin they were asked for. `peer` is the socket's
 * remote address; `url` the request URL as the server built it from the Host header.
 */
export function clientInfo(headers: Headers, peer: string, url: URL, trust = proxyTrust()): ClientInfo {
  const socket = normalizeAddress(peer || 'unknown');
  const chain = [...forwardedChain(headers), socket];
  const hops = trustedHops(trust, chain);
  const address = chain[chain.length - 1 - hops] ?? socket;
  // Only a trusted peer may say which scheme and host the browser used.
  const peerTrusted = hops > 0;
  const proto = peerTrusted ? lastValue(headers.get('x-forwarded-proto'))?.toLowerCase() : undefined;
  const host = peerTrusted ? lastValue(headers.get('x-forwarded-host')) : undefined;
  const scheme = proto === 'https' || proto === 'http' ? `${proto}:` : url.protocol;
  const validHost = host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : url.host;
  const origin = `${scheme}//${validHost}`;
  return { address, origin: new URL(origin).origin, secure: scheme === 'https:' };
}
