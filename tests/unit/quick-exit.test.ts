import { describe, expect, it } from 'vitest';
import { clearPortalState, shiftShortcut } from '@/components/QuickExit/quick-exit';

/** Replays key events (as a browser sends them) into the shortcut; returns how often it fired. */
function replay(events: [type: 'down' | 'up', key: string, extra?: { isComposing?: boolean; repeat?: boolean }][], at = (i: number) => i * 100): number {
  let fired = 0;
  let clock = 0;
  const s = shiftShortcut(() => fired++, () => clock);
  events.forEach(([type, key, extra], i) => {
    clock = at(i);
    s[type === 'down' ? 'keydown' : 'keyup']({ key, repeat: extra?.repeat ?? false, isComposing: extra?.isComposing ?? false });
  });
  return fired;
}
const shift = (): typeof seq => [['down', 'Shift'], ['up', 'Shift']];
const withShift = (key: string, releaseShiftFirst = false): typeof seq =>
  releaseShiftFirst ? [['down', 'Shift'], ['down', key], ['up', 'Shift'], ['up', key]] : [['down', 'Shift'], ['down', key], ['up', key], ['up', 'Shift']];
const seq: [type: 'down' | 'up', key: string, extra?: { isComposing?: boolean; repeat?: boolean }][] = [];

describe('quick exit Shift shortcut', () => {
  it('fires on Shift pressed three times on its own', () => {
    expect(replay([...shift(), ...shift(), ...shift()])).toBe(1);
  });

  it('does not fire when the presses are more than five seconds apart', () => {
    expect(replay([...shift(), ...shift(), ...shift()], (i) => (i < 4 ? i * 100 : 10_000))).toBe(0);
  });

  it('never fires on Shift+Tab, however often (stepping back through a form)', () => {
    const back = [...Array(6)].flatMap(() => withShift('Tab'));
    expect(replay(back)).toBe(0);
    // Shift released before Tab: the keyup order GOV.UK's check does not cover.
    expect(replay([...Array(6)].flatMap(() => withShift('Tab', true)))).toBe(0);
  });

  it('never fires on capitals typed with Shift', () => {
    expect(replay(['A', 'B', 'C', 'D'].flatMap((k) => withShift(k)))).toBe(0);
    expect(replay(['A', 'B', 'C', 'D'].flatMap((k) => withShift(k, true)))).toBe(0);
  });

  it('does not count Shift between other keys: any other key starts the count again', () => {
    expect(replay([...shift(), ...shift(), ['down', 'a'], ['up', 'a'], ...shift()])).toBe(0);
    expect(replay([...shift(), ...withShift('Tab'), ...shift(), ...shift()])).toBe(0);
  });

  it('ignores Shift during IME composition (kana/alphanumeric switching) and "Process" keys', () => {
    const composing = { isComposing: true };
    const imeShift: typeof seq = [['down', 'Shift', composing], ['up', 'Shift', composing]];
    expect(replay([...imeShift, ...imeShift, ...imeShift])).toBe(0);
    expect(replay([...shift(), ['down', 'Process'], ['up', 'Process'], ...shift(), ...shift()])).toBe(0);
    expect(replay([...shift(), ...shift(), ['down', 'Process', composing], ['up', 'Shift'], ...shift()])).toBe(0);
  });

  it('counts a long press (key repeat) once', () => {
    expect(replay([['down', 'Shift'], ['down', 'Shift', { repeat: true }], ['down', 'Shift', { repeat: true }], ['up', 'Shift'], ...shift()])).toBe(0);
  });
});

describe('clearing stored answers', () => {
  it('removes every triage- and inquiry- key and nothing else', () => {
    const store = new Map<string, string>([['triage-answers', '{}'], ['triage-handoff', '{}'], ['inquiry-draft', 'x'], ['theme', 'dark']]);
    const storage = {
      removeItem: (k: string) => void store.delete(k),
    } as unknown as Storage;
    // Object.keys(storage) lists the stored keys in a browser; emulate that.
    const proxy = new Proxy(storage, { ownKeys: () => [...store.keys()], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) });
    clearPortalState([proxy]);
    expect([...store.keys()]).toEqual(['theme']);
  });
});
