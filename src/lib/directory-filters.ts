import { servesDistrict } from '@/lib/areas';
import type { Area } from '@/schemas/area';
import { channelTypes, fieldIds } from '@/schemas/taxonomy';
import type { ConsultationWindow } from '@/schemas/window';

/** The three filter dimensions; each value gets its own pre-rendered page so filters work without JavaScript. */
export type FilterKind = 'bunya' | 'chiku' | 'houhou';

export interface DirectoryFilter {
  kind: FilterKind;
  value: string;
}

/** The URL of a filtered directory page. */
export function filterHref(f: DirectoryFilter): string {
  return `/madoguchi/${f.kind}/${f.value}/`;
}

/** Every filter value that has a page: fields (分野), districts (地区) and contact methods (相談方法). */
export function allFilters(areas: readonly Pick<Area, 'id'>[]): DirectoryFilter[] {
  return [
    ...fieldIds.map((value) => ({ kind: 'bunya' as const, value })),
    ...areas.map((a) => ({ kind: 'chiku' as const, value: a.id })),
    ...channelTypes.map((value) => ({ kind: 'houhou' as const, value })),
  ];
}

/** Windows that pass a filter. District filters use the single serviceArea rule (citywide windows serve everyone). */
export function applyFilter<W extends Pick<ConsultationWindow, 'fields' | 'serviceArea' | 'channels'>>(windows: readonly W[], f: DirectoryFilter | undefined): W[] {
  if (!f) return [...windows];
  switch (f.kind) {
    case 'bunya':
      return windows.filter((w) => w.fields.includes(f.value as (typeof fieldIds)[number]));
    case 'chiku':
      return windows.filter((w) => servesDistrict(w, f.value));
    case 'houhou':
      return windows.filter((w) => w.channels.some((c) => c.type === f.value));
  }
}
