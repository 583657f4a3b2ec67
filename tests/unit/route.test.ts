import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { areaSchema } from '@/schemas/area';
import { routingSchema } from '@/schemas/routing';
import { windowSchema, type ConsultationWindow } from '@/schemas/window';
import { fieldsForCategories, roleIds, routeWindows } from '@/triage/route';
import { contentPath as cp } from '@/lib/profile';
import { routeExpectations } from '../support/expectations';

const routing = routingSchema.parse(parse(readFileSync(cp('triage/routing.yaml'), 'utf8')));
const windows: ConsultationWindow[] = readdirSync(cp('windows')).map((f) => ({
  id: f.replace(/\.yaml$/, ''),
  ...windowSchema.parse(parse(readFileSync(cp(`windows/${f}`), 'utf8'))),
})).sort((a, b) => a.order - b.order);
const areas = (parse(readFileSync(cp('areas.yaml'), 'utf8')) as unknown[]).map((a) => areaSchema.parse(a));
const ids = (r: ReturnType<typeof routeWindows>) => r.windows.map((w) => w.windowId);
/** What a window's content declares: it serves the district (its serviceArea lists it, or it serves everyone). */
const declares = (w: ConsultationWindow, district: string) => w.serviceArea === 'citywide' || w.serviceArea.includes(district);
/** The specialist fields some window of the profile takes. */
const specialistFields = [...new Set(windows.flatMap((w) => w.fields))].filter((f) => f !== 'coordination');

// The exact cases are the selected profile's (content/profiles/<id>/expectations/routes.yaml).
describe('routeWindows: the profile\'s cases', () => {
  const cases = routeExpectations();
  it('has cases, naming only the profile\'s windows and districts', () => {
    expect(cases.length).toBeGreaterThan(0);
    const windowIds = windows.map((w) => w.id);
    for (const c of cases) {
      for (const w of [...c.windows, ...(c.chosenWindow ? [c.chosenWindow] : [])]) expect(windowIds, c.note).toContain(w);
      if (c.district) expect(areas.map((a) => a.id), c.note).toContain(c.district);
    }
  });
  it.each(cases.map((c) => [c.note, c] as const))('%s', (_, c) => {
    const { note: _note, windows: expected, coordinator, ...input } = c;
    const r = routeWindows(input, windows, routing);
    expect(ids(r)).toEqual(expected);
    if (coordinator !== undefined) expect(r.coordinator).toBe(coordinator);
  });
});

// Rules every profile follows, with the expected windows read from what each window's content declares.
describe('routeWindows: rules', () => {
  it('the profile has windows of some specialist field to route by', () => expect(specialistFields.length).toBeGreaterThan(0));

  it('a field in a known district goes to the windows of that field declaring the district, and no other of that field', () => {
    let checked = 0;
    for (const field of specialistFields) {
      const ofField = windows.filter((w) => w.fields.includes(field));
      for (const { id: district } of areas) {
        const serving = ofField.filter((w) => declares(w, district));
        if (serving.length === 0) continue; // no window of the field there: see the unknown-district rule
        const got = ids(routeWindows({ fields: [field], district }, windows, routing));
        expect(got.filter((id) => ofField.some((w) => w.id === id)), `${field} in ${district}`).toEqual(serving.map((w) => w.id));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('offers every window of the field when the district is unknown, so nobody is sent to the wrong one', () => {
    for (const field of specialistFields) {
      const got = ids(routeWindows({ fields: [field] }, windows, routing));
      for (const w of windows.filter((x) => x.fields.includes(field))) expect(got, field).toContain(w.id);
    }
  });

  it('adds a window that takes any trouble when it serves the known district, and not elsewhere', () => {
    const anyField = windows.filter((w) => w.anyField);
    for (const { id: district } of areas) {
      const got = ids(routeWindows({ fields: [specialistFields[0]!], district }, windows, routing));
      for (const w of anyField) expect(got.includes(w.id), `${w.id} in ${district}`).toBe(declares(w, district));
    }
  });

  it('keeps one field without the coordinator unless a complex pattern is flagged', () => {
    const field = specialistFields[0]!;
    expect(routeWindows({ fields: [field] }, windows, routing).coordinator).toBe(false);
    expect(routeWindows({ fields: [field], complex: true }, windows, routing).coordinator).toBe(true);
  });

  it('sends a person outside the municipality to the outside window(s) only, whatever the fields', () => {
    const r = routeWindows({ fields: ['elderly', 'poverty'], complex: true, outside: true }, windows, routing);
    expect(r).toEqual({ windows: roleIds(routing.outsideWindow).map((windowId) => ({ windowId, reasons: [{ kind: 'outside' }] })), coordinator: false });
  });

  it('never returns an empty result: with nothing else, the fallback window(s)', () => {
    const r = routeWindows({ fields: [] }, windows, routing);
    expect(ids(r)).toEqual(roleIds(routing.fallbackWindow));
    for (const w of r.windows) expect(w.reasons).toEqual([{ kind: 'fallback' }]);
  });

  it('puts a window the sender chose first', () => {
    const field = specialistFields[0]!;
    for (const chosen of windows.filter((w) => !w.fields.includes(field))) {
      expect(ids(routeWindows({ fields: [field], district: areas[0]!.id, chosenWindow: chosen.id }, windows, routing))[0]).toBe(chosen.id);
    }
  });

  it('maps categories to fields without repeats', () => {
    expect(fieldsForCategories(routing, ['care', 'moneyWorkHome', 'care', 'nonsense'])).toEqual(['elderly', 'poverty']);
  });
});

