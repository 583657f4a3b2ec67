import type { Translate } from '@/i18n/translator';
import type { UiKey } from '@/i18n/translator-types';
import type { RouteReason } from './route';

/**
 * Plain-language sentence for why a window was chosen. Shared by the island, the no-JS result
 * page and the CLI so the reason reads the same everywhere. `districtName` is the resident's district.
 */
export function reasonText(t: Translate, reason: RouteReason, districtName?: string): string {
  switch (reason.kind) {
    case 'field': {
      const field = t(`field.${reason.field}`);
      if (reason.districtKnown && districtName) return t('route.reason.fieldArea', { field, area: districtName });
      return t('route.reason.field', { field });
    }
    case 'chosen':
      return t('route.reason.chosen');
    case 'coordinator':
      // Say the troubles overlap only when they do (「わからない」 alone brings the team in too).
      return t(reason.overlap ? 'route.reason.coordinator' : 'route.reason.coordinatorUnsure');
    case 'local':
      return t('route.reason.local', { area: districtName ?? '' });
    case 'fallback':
      return t('route.reason.fallback');
    case 'outside':
      return t('triage.reason.outside');
    case 'trouble':
      return t(`triage.why.${reason.trouble}` as UiKey);
  }
}
