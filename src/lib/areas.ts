import type { ConsultationWindow } from '@/schemas/window';

/** True when the window takes residents of the given district (citywide windows take everyone). */
export function servesDistrict(window: Pick<ConsultationWindow, 'serviceArea'>, districtId: string): boolean {
  return window.serviceArea === 'citywide' || window.serviceArea.includes(districtId);
}

/**
 * Windows that serve a district, derived from each window's serviceArea so the
 * assignment (which 地域包括支援センター takes which districts) is written once.
 */
export function windowsServing<W extends Pick<ConsultationWindow, 'serviceArea'>>(windows: readonly W[], districtId: string): W[] {
  return windows.filter((w) => servesDistrict(w, districtId));
}
