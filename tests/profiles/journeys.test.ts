// Every profile's journeys.yaml (what the browser tests in tests/e2e/ expect residents to get) is valid
// and names only windows, districts and phone numbers that its content has: a typo in the test data
// would otherwise surface as a confusing browser failure, and only in the run of that profile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contentPath, profileDir, profileIds } from '@/lib/profile';
import { windowFiles } from '../support/content';
import { journeyExpectations } from '../support/expectations';

describe.each(profileIds())('profile %s: journeys.yaml', (id) => {
  const dir = profileDir(id);
  const j = journeyExpectations(dir);
  const windows = new Map(windowFiles(dir).map((w) => [w.id, w.raw as { name: string; channels: { type: string; number?: string }[] }]));
  const districts = new Set((parse(readFileSync(contentPath('areas.yaml', dir), 'utf8')) as { id: string }[]).map((a) => a.id));
  const phones = new Set([...windows.values()].flatMap((w) => w.channels.filter((c) => c.type === 'phone').map((c) => c.number)));

  it('names only windows of the profile', () => {
    const d = j.directory;
    const w = j.wizard;
    const i = j.inquiry;
    const ids = [
      d.oneHit.window, d.noJsOneHit.window, d.englishOneHit.window,
      ...d.districts.flatMap((c) => [...c.includes, ...c.excludes]), ...d.filters.flatMap((f) => f.windows),
      w.family.first, ...w.family.includes, ...w.family.excludes, w.jobLoss.first, w.elderlyAlone.first, w.forgetful.first,
      ...w.childAtRisk, w.moneyUnknownDistrict, w.pregnancy.window, w.englishMeaning.window,
      i.routedFirst, i.staff.window, i.staff.other.window, i.handOver.first, i.handOver.second,
    ];
    expect(ids.filter((x) => !windows.has(x))).toEqual([]);
  });

  it('names only districts of the profile', () => {
    const ids = [...j.directory.districts.map((c) => c.district), ...Object.values(j.wizard).flatMap((c) => (typeof c === 'object' && c && 'district' in c ? [c.district] : [])), j.inquiry.handOver.area];
    expect(ids.filter((x) => !districts.has(x))).toEqual([]);
  });

  it('checks numbers that are the windows’ own, under their own names', () => {
    for (const { name, number } of j.directory.numbers) {
      const w = [...windows.values()].find((x) => x.name === name);
      expect(w, name).toBeDefined();
      expect(w!.channels.map((c) => c.number), name).toContain(number);
    }
    expect(j.directory.general.number.length).toBeGreaterThan(0);
    for (const n of j.wizard.pregnancy.numbers) expect(phones, n).toContain(n);
  });
});
