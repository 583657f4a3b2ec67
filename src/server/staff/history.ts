// The history of an inquiry as people read it: who, when, from which window, to which, what and why.
// One function for the detail page and the export, so both say the same thing.
import type { Translate, UiKey } from '@/i18n';
import type { InquiryEvent, StaffStore } from '@/server/store/types';

export interface HistoryLine {
  at: string;
  who: string;
  from: string;
  to: string;
  what: string;
  /** Reason, summary, outcome or note text ('' when the event has none). */
  why: string;
  /** Set for sharing events: which of the two tiers allowed it. */
  basis: string;
}

type T = Translate;

/**
 * historyLines' `memberName` for these events: the staff that 'assigned' events name (by id) are read
 * from the store once each, before the lines are made.
 */
export async function memberNamer(staff: Pick<StaffStore, 'byId'>, events: readonly InquiryEvent[], unassigned: string): Promise<(id: unknown) => string> {
  const ids = [...new Set(events.filter((e) => e.type === 'assigned' && e.detail.to !== null).map((e) => Number(e.detail.to)))];
  const accounts = await Promise.all(ids.map((id) => staff.byId(id)));
  const names = new Map(accounts.flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
  return (sid) => (sid === null ? unassigned : (names.get(Number(sid)) ?? String(sid)));
}

export function historyLines(events: readonly InquiryEvent[], t: T, windowName: (id: string) => string, memberName: (id: unknown) => string): HistoryLine[] {
  const statusLabel = (s: unknown) => t(`staff.status.${String(s)}` as UiKey);
  return events.map((e) => {
    const d = e.detail;
    const line: HistoryLine = { at: e.at, who: e.staff ?? t('staff.event.system'), from: e.window ? windowName(e.window) : '', to: '', what: '', why: '', basis: '' };
    switch (e.type) {
      case 'routed':
        return { ...line, to: ((d.windows as string[]) ?? []).map(windowName).join('、'), what: t('staff.event.routed', { windows: ((d.windows as string[]) ?? []).map(windowName).join('、') }) };
      case 'status':
        return { ...line, what: t('staff.event.status', { from: statusLabel(d.from), to: statusLabel(d.to) }), why: d.outcome ? String(d.outcome) : '' };
      case 'assigned':
        return { ...line, what: t('staff.event.assigned', { to: memberName(d.to) }) };
      case 'note':
        return { ...line, what: t('staff.event.note'), why: String(d.text ?? '') };
      case 'handedOver':
      case 'joined':
      case 'escalated':
        return {
          ...line,
          from: windowName(String(d.from)),
          to: windowName(String(d.to)),
          what: t(`staff.event.${e.type}`, { from: windowName(String(d.from)), to: windowName(String(d.to)) }),
          why: String(d.reason ?? d.summary ?? ''),
          basis: t(`staff.basis.${String(d.basis)}` as UiKey),
        };
      case 'meeting':
        return { ...line, what: t('staff.event.meeting', { date: String(d.date) }), why: String(d.summary ?? ''), basis: t('staff.basis.supportMeeting') };
      default:
        return { ...line, what: t(`staff.event.${e.type}` as UiKey) };
    }
  });
}
