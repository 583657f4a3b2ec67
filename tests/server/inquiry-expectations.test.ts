// Every profile's expectations/inquiry.yaml (the samples the API, mail and staff tests send) names
// only its own districts, categories and windows, and the shared router sends each sample where the
// profile wrote by hand that it must go. The API tests then check the same through the built server
// of the selected profile.
import { describe, expect, it } from 'vitest';
import { profileDir, profileIds, profileStrings } from '@/lib/profile';
import { loadTriageData } from '@/triage/load-node';
import { fieldsForCategories, routeWindows } from '@/triage/route';
import { routeReferral } from '@/server/referral-service';
import { inquiryExpectations } from '../support/expectations';

describe.each(profileIds())('profile %s: the inquiry samples', (id) => {
  const dir = profileDir(id);
  const expected = inquiryExpectations(dir);
  const data = loadTriageData(dir);
  const districts = Object.keys(profileStrings(dir).ja!.districts);
  const categories = data.routing.categories.map((c) => c.id);
  const windows = data.windows.map((w) => w.id);

  it.each(['inquiry', 'referral'] as const)('%s: names a district, categories and windows of the profile', (kind) => {
    const sample = expected[kind];
    expect(districts).toContain(sample.district);
    for (const c of sample.categories) expect(categories).toContain(c);
    for (const w of sample.windows) expect(windows).toContain(w);
  });

  it('inquiry: the router sends it to the windows written for it (the window left to the portal)', () => {
    const s = expected.inquiry;
    const routed = routeWindows({ fields: fieldsForCategories(data.routing, s.categories), district: s.district }, data.windows, data.routing);
    expect({ windows: routed.windows.map((w) => w.windowId), coordinator: routed.coordinator }).toEqual({ windows: s.windows, coordinator: s.coordinator });
  });

  it('referral: the router sends it to the windows written for it', () => {
    const s = expected.referral;
    expect(routeReferral({ categories: s.categories, district: s.district }, data)).toEqual({ windows: s.windows, coordinator: s.coordinator });
  });
});
