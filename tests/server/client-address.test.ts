// Who the client is behind proxies (TRUST_PROXY): a forwarded address is believed only through trusted
// hops, so a client that writes its own X-Forwarded-For or Forwarded header cannot pick its rate-limit
// key, audit address or origin. Every case is checked with and without TRUST_PROXY.
import { describe, expect, it } from 'vitest';
import { clientInfo, parseTrustProxy } from '@/server/client-address';

const url = new URL('http://127.0.0.1:4321/soudan/okuru/');
const headers = (h: Record<string, string>) => new Headers(h);

describe('TRUST_PROXY', () => {
  it('reads nothing, a hop count or a list of addresses and CIDR blocks; anything else names the setting', () => {
    expect(parseTrustProxy(undefined).kind).toBe('none');
    expect(parseTrustProxy('').kind).toBe('none');
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8 ::1').kind).toBe('list');
    for (const bad of ['10.0.0.0/33', 'nginx', '10.0.0.0/8/1', '300.1.1.1']) expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });
});

describe('the client address', () => {
  const spoofed = { 'x-forwarded-for': '203.0.113.9', forwarded: 'for=198.51.100.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };

  it('without TRUST_PROXY every forwarding header is ignored: the socket peer is the client, the Host the origin', () => {
    const info = clientInfo(headers(spoofed), '192.0.2.50', url, parseTrustProxy(undefined));
    expect(info).toEqual({ address: '192.0.2.50', origin: 'http://127.0.0.1:4321', secure: false });
  });

  it('an untrusted peer is the client even when TRUST_PROXY names other proxies', () => {
    const info = clientInfo(headers(spoofed), '192.0.2.50', url, parseTrustProxy('127.0.0.1'));
    expect(info.address).toBe('192.0.2.50');
    expect(info.origin).toBe('http://127.0.0.1:4321');
  });

  it('through a trusted proxy: the address it appended, not the one the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 203.0.113.9"; nginx appended the real peer 198.51.100.20.
    const h = headers({ 'x-forwarded-for': '203.0.113.9, 198.51.100.20', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'soudan.city.example' });
    for (const trust of ['127.0.0.1', '1', '127.0.0.0/8']) {
      const info = clientInfo(h, '::ffff:127.0.0.1', url, parseTrustProxy(trust));
      expect(info, trust).toEqual({ address: '198.51.100.20', origin: 'https://soudan.city.example', secure: true });
    }
  });

  it('two trusted hops (a load balancer, then nginx): the hop count and the CIDR list agree', () => {
    const h = headers({ 'x-forwarded-for': '6.6.6.6, 198.51.100.20, 10.0.0.5' });
    expect(clientInfo(h, '127.0.0.1', url, parseTrustProxy('2')).address).toBe('198.51.100.20');
    expect(clientInfo(h, '127.0.0.1', url, parseTrustProxy('127.0.0.1, 10.0.0.0/8')).address).toBe('198.51.100.20');
    // One hop trusted: the load balancer's address is the client, never the spoofed first entry.
    expect(clientInfo(h, '127.0.0.1', url, parseTrustProxy('1')).address).toBe('10.0.0.5');
  });

  it('Forwarded (RFC 7239) is read the same way, IPv6 and ports included', () => {
    const h = headers({ forwarded: 'for=6.6.6.6, for="[2001:db8::7]:4711";proto=https' });
    expect(clientInfo(h, '127.0.0.1', url, parseTrustProxy('1')).address).toBe('2001:db8::7');
    expect(clientInfo(h, '127.0.0.1', url, parseTrustProxy(undefined)).address).toBe('127.0.0.1');
  });

  it('a client cannot reset its limit by writing more addresses: with one trusted hop, the key stays its own', () => {
    const keys = new Set(['1.1.1.1', '2.2.2.2', '1.1.1.1, 2.2.2.2, 3.3.3.3'].map((xff) => clientInfo(headers({ 'x-forwarded-for': `${xff}, 198.51.100.20` }), '127.0.0.1', url, parseTrustProxy('1')).address));
    expect([...keys]).toEqual(['198.51.100.20']);
  });

  it('a forwarded host that is not a host name is ignored', () => {
    const info = clientInfo(headers({ 'x-forwarded-for': '198.51.100.20', 'x-forwarded-host': 'a/b@evil', 'x-forwarded-proto': 'https' }), '127.0.0.1', url, parseTrustProxy('1'));
    expect(info.origin).toBe('https://127.0.0.1:4321');
  });
});
