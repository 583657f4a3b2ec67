// Password hashing waits its turn (SCRYPT_CONCURRENCY): however many sign-ins arrive, no more than the
// slots run at once, every one finishes, in arrival order.
import { describe, expect, it } from 'vitest';
import { createSlots } from '@/server/staff/auth';

describe('scrypt slots', () => {
  it.each([1, 2, 3])('%i slot(s): never more at once, every task done, in order', async (size) => {
    const slots = createSlots(size);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5 + (i % 3)));
      running--;
      order.push(i);
      return i;
    };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => slots.run(task(i))));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(size);
    expect(running).toBe(0);
    expect(slots.waiting).toBe(0);
    if (size === 1) expect(order).toEqual(results);
  });

  it('a task that fails frees its slot', async () => {
    const slots = createSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });
});
