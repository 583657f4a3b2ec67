import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readLimitedText, RequestRejected } from '@/server/request-guards';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/inquiries', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('reading an inquiry body', () => {
  it('reads UTF-8 text', async () => {
    await expect(readLimitedText(post('{"details":"父が一人で"}'))).resolves.toBe('{"details":"父が一人で"}');
  });

  it('a body that breaks off (the sender went away) is a 400, not a server error', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"details":'));
        controller.error(new Error('aborted'));
      },
    });
    const rejection = await readLimitedText(post(broken)).catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(RequestRejected);
    expect(rejection).toMatchObject({ status: 400, key: 'api.error.malformed' });
  });

  it('stops with a 413 once the body passes the limit, and a 400 for text that is not UTF-8', async () => {
    await expect(readLimitedText(post('x'.repeat(MAX_BODY_BYTES + 1)))).rejects.toMatchObject({ status: 413 });
    await expect(readLimitedText(post(new Uint8Array([0xff, 0xfe, 0x41])))).rejects.toMatchObject({ status: 400, key: 'api.error.encoding' });
  });
});
