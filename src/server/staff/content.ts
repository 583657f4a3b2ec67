// Names the staff pages show for ids stored in inquiries: windows, districts, categories. Read once.
import { loadAreas, loadTriageContent } from '@/lib/collections';
import type { FormContent } from '@/islands/InquiryForm/field-view';

export interface StaffContent {
  windowName: (id: string) => string;
  areaName: (id: string) => string | undefined;
  windowIds: string[];
  /** District ids, in content order. */
  areaIds: string[];
  categoryIds: string[];
  /** The form's own lists, so answers read on the staff side as on the resident's check page. */
  form: FormContent;
  /** What the routing rule needs to explain why an inquiry went where it did. */
  triage: Awaited<ReturnType<typeof loadTriageContent>>;
}

let cached: Promise<StaffContent> | undefined;

export function staffContent(): Promise<StaffContent> {
  return (cached ??= (async () => {
    const triage = await loadTriageContent();
    const areas = await loadAreas('ja');
    const windows = new Map(triage.windows.map((w) => [w.id, w.name]));
    const areaNames = new Map(areas.map((a) => [a.id, a.name]));
    return {
      windowName: (id) => windows.get(id) ?? id,
      areaName: (id) => areaNames.get(id),
      windowIds: triage.windows.map((w) => w.id),
      areaIds: areas.map((a) => a.id),
      categoryIds: triage.routing.categories.map((c) => c.id),
      form: { windows: triage.windows.map((w) => ({ id: w.id, name: w.name })), districts: areas.map((a) => ({ id: a.id, name: a.name })), categories: triage.routing.categories.map((c) => c.id) },
      triage,
    };
  })());
}
