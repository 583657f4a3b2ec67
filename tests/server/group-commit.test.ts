import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '@/server/store/group-commit';

describe('group commit', () => {
  it('writes what arrives in the same turn as one batch, and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const commit = createGroupCommit((items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    const results = await Promise.all([commit(1), commit(2), commit(3)]);
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await commit(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });
  it('settles nobody before the write has returned', async () => {
    let written = false;
    const commit = createGroupCommit((items: string[]) => {
      written = true;
      return items;
    });
    const pending = commit('a');
    expect(written).toBe(false);
    await pending;
    expect(written).toBe(true);
  });
  it('when a batch fails, writes its items one by one: only the bad one is rejected', async () => {
    const commit = createGroupCommit((items: string[]) => {
      if (items.includes('bad')) throw new Error('constraint failed');
      return items.map((s) => s.toUpperCase());
    });
    const results = await Promise.allSettled([commit('a'), commit('bad'), commit('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 'A' });
    expect(results[2]).toMatchObject({ value: 'C' });
  });
});
