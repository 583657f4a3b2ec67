import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { routingSchema } from '@/schemas/routing';
import { windowSchema, type ConsultationWindow } from '@/schemas/window';
import { fieldsForCategories, routeWindows } from '@/triage/route';
import { contentPath as cp } from '@/lib/profile';

const routing = routingSchema.parse(parse(readFileSync(cp('triage/routing.yaml'), 'utf8')));
const windows: ConsultationWindow[] = readdirSync(cp('windows')).map((f) => ({
  id: f.replace(/\.yaml$/, ''),
  ...windowSchema.parse(parse(readFileSync(cp(`windows/${f}`), 'utf8'))),
}));
const ids = (r: ReturnType<typeof routeWindows>) => r.windows.map((w) => w.windowId);

describe('routeWindows', () => {
  it('sends elderly care in 佐原 and 栗源 to 佐原地域包括', () => {
    for (const district of ['sawara', 'kurimoto']) {
      expect(ids(routeWindows({ fields: ['elderly'], district }, windows, routing))).toEqual(['sawara-houkatsu']);
    }
  });
  it('sends elderly care in 小見川 and 山田 to 小見川地域包括', () => {
    for (const district of ['omigawa', 'yamada']) {
      expect(ids(routeWindows({ fields: ['elderly'], district }, windows, routing))).toEqual(['omigawa-houkatsu']);
    }
  });
  it('offers both 地域包括 when the district is unknown', () => {
    expect(ids(routeWindows({ fields: ['elderly'] }, windows, routing)).sort()).toEqual(['omigawa-houkatsu', 'sawara-houkatsu']);
  });
  it('adds the coordinator when two fields are involved', () => {
    const r = routeWindows({ fields: ['poverty', 'children'], district: 'sawara' }, windows, routing);
    expect(r.coordinator).toBe(true);
    expect(ids(r)).toEqual(['katori-ccc', 'kodomo-katei-center', 'takikan-kyodo']);
  });
  it('keeps one field without the coordinator unless a complex pattern is flagged', () => {
    expect(routeWindows({ fields: ['disability'] }, windows, routing).coordinator).toBe(false);
    expect(routeWindows({ fields: ['disability'], complex: true }, windows, routing).coordinator).toBe(true);
  });
  it('sends a person outside the city to the general number only, whatever the fields', () => {
    const r = routeWindows({ fields: ['elderly', 'poverty'], complex: true, outside: true }, windows, routing);
    expect(r).toEqual({ windows: [{ windowId: 'shakai-fukushi-ka', reasons: [{ kind: 'outside' }] }], coordinator: false });
    expect(windows.map((w) => w.id)).toContain(routing.outsideWindow);
  });
  it('never returns an empty result', () => {
    const r = routeWindows({ fields: [] }, windows, routing);
    expect(ids(r)).toEqual(['takikan-kyodo']);
    expect(r.windows[0]!.reasons).toEqual([{ kind: 'fallback' }]);
  });
  it('puts a window the sender chose first', () => {
    expect(ids(routeWindows({ fields: ['elderly'], district: 'sawara', chosenWindow: 'katori-ccc' }, windows, routing))[0]).toBe('katori-ccc');
  });
  it('maps categories to fields without repeats', () => {
    expect(fieldsForCategories(routing, ['care', 'moneyWorkHome', 'care', 'nonsense'])).toEqual(['elderly', 'poverty']);
  });
});
